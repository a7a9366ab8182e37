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
}
