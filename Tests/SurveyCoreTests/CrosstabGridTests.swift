import XCTest

@testable import SurveyCore

final class CrosstabGridTests: XCTestCase {
  func testWideCrosstabHasOneLinePerRowCategory() throws {
    // 形態 by 部 of the bundled survey (figures of docs/GUIDE.md's crosstab, counted from a.tsv):
    // 全体 70 with 17 ①共催 (24.3%); 企画財政部 3 with 2 ②実行委 (66.7%).
    let survey = try Survey.load(directory: SurveyFiguresTests.dataDirectory)
    let report = try Query(item: "形態", breakdown: "部").plan(on: survey).run().value
    var options = RenderOptions()
    options.wide = true
    let lines = DelimitedRenderer(separator: "\t", options: options).render(report).split(separator: "\n")
      .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    XCTAssertEqual(
      Array(lines[0].prefix(7)), ["row_code", "row_label", "base", "1 共催 n", "1 共催 %", "2 実行委 n", "2 実行委 %"])
    XCTAssertEqual(lines[0].count, 3 + 2 * 9)
    XCTAssertEqual(Array(lines[1].prefix(5)), ["total", "全体", "70", "17", "24.3"])
    XCTAssertEqual(Array(lines[2].prefix(7)), ["企画財政部", "企画財政部", "3", "0", "0.0", "2", "66.7"])
    // The long form's lines, one per cell, make one wide line per row category.
    let long = DelimitedRenderer(separator: "\t").render(report).split(separator: "\n").dropFirst()
    XCTAssertEqual(long.count, (lines.count - 1) * 9)
    // A frequency table has no long form: the same lines either way.
    let frequency = try Query(item: "形態").plan(on: survey).run().value
    XCTAssertEqual(
      DelimitedRenderer(separator: "\t", options: options).render(frequency),
      DelimitedRenderer(separator: "\t").render(frequency))
  }
}
