import XCTest

@testable import SurveyCore

/// How a target stands beside its department and the city, on the bundled survey.
final class SummaryComparisonTests: XCTestCase, BundledSurveyTesting {
  func testComparisonWithDepartmentAndCity() throws {
    let comparison = try summary("環境政策課", in: try survey()).comparison
    XCTAssertEqual(comparison.table.columns.map(\.heading), ["指標", "環境政策課", "環境部", "市全体", "市全体に占める割合（%）"])
    XCTAssertEqual(
      comparison.table.rows.first,
      [.text("Ａ調査票 件数"), .count(7), .count(9), .count(70), .percent(Percent(7, of: 70))])
    XCTAssertEqual(comparison.table.rows[1][3], .yen(342_817_000))
    // 設問１: 環境部 answered in 4 of its 6 units, the city in 38 of 52.
    XCTAssertTrue(
      comparison.notes.contains("設問１ なぜ必要か: 環境部の回答率 66.7%（4/6）は、市全体の 73.1%（38/52）より低い。"),
      comparison.notes.joined(separator: "\n"))
    let forms = try XCTUnwrap(comparison.charts.first { $0.item.id == "a.4" })
    XCTAssertEqual(forms.bars.map(\.label), ["①共催", "③委託", "⑦アダプト", "⑧その他"])
    XCTAssertEqual(forms.bars[2].target, Percent(3, of: 7))
    XCTAssertEqual(forms.bars[2].city, Percent(5, of: 70))
  }

  /// The unit a target is compared with is the one at the level above it, a blank optional level
  /// skipped; none for the top level. Expected: the paths of the targets themselves.
  func testATargetIsComparedWithTheUnitAboveIt() {
    let section = SummaryTarget(level: .section, names: ["北区役所", "区民部", "福祉課"])
    XCTAssertEqual(section.parent, SummaryTarget(level: .department, names: ["北区役所", "区民部"]))
    XCTAssertEqual(
      section.parent?.parent, SummaryTarget(level: .department, names: ["北区役所"]))
    XCTAssertNil(SummaryTarget(level: .department, names: ["北区役所"]).parent)
    let treasury = SummaryTarget(level: .section, names: ["会計室", "", "会計課"])
    XCTAssertEqual(treasury.parent?.names, ["会計室"])
    // The implicit levels: a 課, its 担当 and its 係 are all beside their 部, as they always were.
    let team = SummaryTarget(level: .team, department: "環境部", section: "環境政策課", team: "環境係")
    XCTAssertEqual(team.parent, SummaryTarget(level: .department, department: "環境部"))
  }
}
