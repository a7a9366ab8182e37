import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting`: one item's counts on either base, and the percent of mentions.
final class FrequencyTests: XCTestCase, SmallSurveyTesting {
  func testMultipleChoiceOnEveryRowIncludes無回答InTheBase() throws {
    XCTAssertEqual(
      try tsv(Query(item: "形態")),
      [
        "code\tlabel\tn\tpercent", "1\t共催\t2\t40.0", "3\t委託\t2\t40.0", "4\t補助\t1\t20.0", "NA\t無回答\t1\t20.0",
        "base\t基数\t5\t100.0", "mentions\tM.T.\t5\t100.0",
      ])
  }

  func testMultipleChoiceOnTheAnsweredLeaves無回答OutsideTheBase() throws {
    XCTAssertEqual(
      try tsv(Query(item: "形態", options: TableOptions(base: .answered))),
      [
        "code\tlabel\tn\tpercent", "1\t共催\t2\t50.0", "3\t委託\t2\t50.0", "4\t補助\t1\t25.0", "NA\t無回答\t1\t",
        "base\t基数\t4\t100.0", "mentions\tM.T.\t5\t125.0",
      ])
  }

  func testSingleChoiceOnEitherBase() throws {
    XCTAssertEqual(
      try tsv(Query(item: "類型")),
      [
        "code\tlabel\tn\tpercent", "1\t市主体\t1\t20.0", "2\t市・民\t2\t40.0", "3\t民間\t1\t20.0", "NA\t無回答\t1\t20.0",
        "base\t基数\t5\t100.0",
      ])
    XCTAssertEqual(
      try tsv(Query(item: "類型", options: TableOptions(base: .answered))).dropFirst().prefix(3),
      ["1\t市主体\t1\t25.0", "2\t市・民\t2\t50.0", "3\t民間\t1\t25.0"])
  }

  func testPercentOfMentions() throws {
    let report = try Query(item: "形態", options: TableOptions(percentOfMentions: true)).run(on: try survey())
      .value
    let lines = DelimitedRenderer(separator: "\t").render(report.tables[0]).split(separator: "\n")
    XCTAssertEqual(lines[0], "code\tlabel\tn\tpercent\tpercent_of_mentions")
    XCTAssertEqual(lines[1], "1\t共催\t2\t40.0\t40.0")
    XCTAssertEqual(lines[3], "4\t補助\t1\t20.0\t20.0")
  }

  /// Two frequencies of parts of the rows, one added to the other, count what one frequency of
  /// every row counts (5 rows, 1 without an answer, as `testMultipleChoiceOnEveryRowIncludes無回答InTheBase`).
  func testAddingAFrequencyCountsItsRows() throws {
    let survey = try survey()
    let data = try XCTUnwrap(survey.data(for: "a"))
    let item = try XCTUnwrap(data.form.items.first { $0.kind == .multiple })
    let categories = try Categorization(item: item, in: data, organization: survey.organization)
    let rows = data.rows
    let whole = Frequency(categories, rows: rows, rowNoun: "件")
    let sum = Frequency(categories, rows: Array(rows.prefix(2)), rowNoun: "件")
    sum.add(Frequency(categories, rows: Array(rows.dropFirst(2)), rowNoun: "件"))
    XCTAssertEqual(sum.counts, whole.counts)
    XCTAssertEqual(sum.rowCount, 5)
    XCTAssertEqual(sum.notAnswered, 1)
    XCTAssertEqual(sum.answered, whole.answered)
  }
}
