import XCTest

@testable import SurveyCore

/// Summaries of the bundled 2010 survey: which units and rows a target covers. Project numbers are
/// those of `data/a.tsv`.
final class UnitSummaryTests: XCTestCase, BundledSurveyTesting {
  // MARK: - A section with several projects

  func testEnvironmentPolicySectionListsExactlyItsProjects() throws {
    let summary = try summary("環境政策課", in: try survey())
    XCTAssertEqual(summary.target, SummaryTarget(level: .section, department: "環境部", section: "環境政策課"))
    XCTAssertEqual(entries(summary, form: "a").map(\.identifier), ["17", "18", "19", "20", "21", "22", "23"])
    XCTAssertEqual(entries(summary, form: "a").first?.title, "環境市民会議補助金")
    XCTAssertEqual(entries(summary, form: "b").map(\.identifier), ["Ｂ１"])
    XCTAssertEqual(entries(summary, form: "c").map(\.identifier), ["Ｃ４"])
    XCTAssertEqual(summary.units.map(\.unit), [UnitPath(department: "環境部", section: "環境政策課")])
  }

  // MARK: - Coverage

  func testADepartmentCoversAllItsSections() throws {
    let survey = try survey()
    let summary = try summary("環境部", in: survey)
    XCTAssertEqual(Set(summary.units.map(\.unit.section)), Set(survey.organization.sections(of: "環境部")))
    XCTAssertEqual(summary.units.count, 6)
    XCTAssertEqual(entries(summary, form: "a").map(\.identifier), (17...25).map(String.init))
  }

  func testASectionCoversItsBracketedUnitsAndAUnitCoversItself() throws {
    let survey = try survey()
    let section = try summary("生涯学習課", in: survey)
    XCTAssertEqual(section.units.map(\.unit.name), ["生涯学習課", "スポーツ振興担当"])
    XCTAssertEqual(entries(section, form: "a").map(\.identifier), (51...65).map(String.init))
    let unit = try summary("（スポーツ振興担当）", in: survey)
    XCTAssertEqual(unit.units.map(\.unit.name), ["スポーツ振興担当"])
    XCTAssertEqual(entries(unit, form: "a").map(\.identifier), ["62", "63", "64", "65"])
  }

  func testATeamCoversItsOwnProjects() throws {
    let summary = try summary("緑と公園係", in: try survey())
    XCTAssertEqual(summary.target.level, .team)
    XCTAssertEqual(entries(summary, form: "a").map(\.identifier), ["18", "19", "20", "21", "22", "23"])
    XCTAssertEqual(summary.forms.flatMap(\.entries).count, 8)
  }

}
