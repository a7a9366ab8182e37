import XCTest

@testable import SurveyCore

/// Names of targets as the data and the hearing plan write them, and the closest names to one that is
/// unknown.
final class TargetResolutionTests: XCTestCase, BundledSurveyTesting {
  func testNamesAsTheDataAndTheHearingPlanWriteThem() throws {
    let survey = try survey()
    let childYouth = SummaryTarget(level: .section, department: "子ども家庭部", section: "児童青少年課")
    for name in ["子ども家庭部児童青少年課", "児童青少年課", "児童青少年課 "] {
      XCTAssertEqual(try TargetResolution.resolve(name, in: survey).target, childYouth, name)
    }
    XCTAssertNil(try TargetResolution.resolve("児童青少年課", in: survey).note)
    // The hearing plan writes 生涯学習部スポーツ振興担当, without the section and the brackets.
    let sports = try TargetResolution.resolve("生涯学習部スポーツ振興担当", in: survey)
    XCTAssertEqual(sports.target.subunit, "スポーツ振興担当")
    XCTAssertEqual(sports.note, "'生涯学習部スポーツ振興担当' read as 生涯学習部 > 生涯学習課 > （スポーツ振興担当）")
    // A 事務局 is its own department and section: the department wins.
    XCTAssertEqual(try TargetResolution.resolve("議会事務局", in: survey).target.level, .department)
  }

  func testAGlyphErrorOrAMissing課IsUnknownAndAnsweredWithTheClosestName() throws {
    let survey = try survey()
    for name in ["児童青尐年課", "児童青少年"] {
      XCTAssertThrowsError(try TargetResolution.resolve(name, in: survey)) { error in
        let message = (error as? SurveyError)?.description ?? ""
        XCTAssertTrue(message.contains("unknown target '\(name)'"), message)
        XCTAssertTrue(message.contains("closest: 児童青少年課 (子ども家庭部)"), message)
      }
    }
  }

  func testSuggestionsForMisspelledNames() throws {
    let survey = try survey()
    XCTAssertEqual(TargetResolution.suggestions(for: "児童青尐年課", in: survey).first, "児童青少年課 (子ども家庭部)")
    XCTAssertEqual(TargetResolution.suggestions(for: "児童青少年", in: survey).first, "児童青少年課 (子ども家庭部)")
    XCTAssertThrowsError(try TargetResolution.resolve("児童少年課", in: survey)) { error in
      let message = (error as? SurveyError)?.description ?? ""
      XCTAssertTrue(message.contains("unknown target '児童少年課'"), message)
      XCTAssertTrue(message.contains("closest: 児童青少年課 (子ども家庭部)"), message)
    }
  }
}
