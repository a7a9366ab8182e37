import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting`: an amount's statistics by department.
final class NumericSummaryTests: XCTestCase, SmallSurveyTesting {
  func testAmountStatistics() throws {
    let survey = try survey()
    let data = try XCTUnwrap(survey.data(for: "a"))
    let item = try XCTUnwrap(survey.codebook.item(id: "a.7"))
    let department = try Categorization(
      item: try XCTUnwrap(survey.codebook.item(id: "a.department")), in: data,
      organization: survey.organization)
    let summary = try NumericSummary(item, by: department, in: data)
    // 100, 1,000, 0 and 12,345 千円; project 3 has ②無し.
    XCTAssertEqual(summary.total.given, 4)
    XCTAssertEqual(summary.total.sum, 13_445_000)
    let lines = DelimitedRenderer(separator: "\t").render(summary.table()).split(separator: "\n")
    XCTAssertEqual(lines[0], "row\tn\tgiven\tsum\tmean\tmin\tq1\tmedian\tq3\tmax\twithout_figure")
    // Mean 3,361.25 → 3361.3; Q1 at 0.75 → 75; median at 1.5 → 550; Q3 at 2.25 → 3,836.25 → 3836.3.
    XCTAssertEqual(lines[1], "全体\t5\t4\t13445\t3361.3\t0\t75.0\t550.0\t3836.3\t12345\t1")
    XCTAssertEqual(lines[2], "市民部\t2\t2\t1100\t550.0\t100\t325.0\t550.0\t775.0\t1000\t0")
  }

  func testTotalOfAMultipleChoiceBreakdownCountsEachRowOnce() throws {
    let survey = try survey()
    let data = try XCTUnwrap(survey.data(for: "a"))
    let form = try Categorization(
      item: try XCTUnwrap(survey.codebook.item(id: "a.4")), in: data, organization: survey.organization)
    let summary = try NumericSummary(try XCTUnwrap(survey.codebook.item(id: "a.7")), by: form, in: data)
    // 全体 is made from the lines less the figures counted twice: project 1 (100 千円) is in 共催
    // and 委託, and must count once. The figures are those of the test above: 0, 100, 1,000 and
    // 12,345 千円, so the same 全体 line by hand.
    XCTAssertEqual(summary.total.occurrences.map(\.value), [0, 100_000, 1_000_000, 12_345_000])
    XCTAssertEqual(summary.total.occurrences.map(\.count), [1, 1, 1, 1])
    let lines = DelimitedRenderer(separator: "\t").render(summary.table()).split(separator: "\n")
    XCTAssertEqual(lines[1], "全体\t5\t4\t13445\t3361.3\t0\t75.0\t550.0\t3836.3\t12345\t1")
    // 共催: projects 1 and 4 (100 and 0 千円); 委託: projects 1 and 2 (100 and 1,000 千円).
    XCTAssertEqual(lines[2], "①共催\t2\t2\t100\t50.0\t0\t25.0\t50.0\t75.0\t100\t0")
    XCTAssertEqual(lines[3], "③委託\t2\t2\t1100\t550.0\t100\t325.0\t550.0\t775.0\t1000\t0")
  }
}
