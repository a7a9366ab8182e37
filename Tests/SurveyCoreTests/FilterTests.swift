import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting`: filters keep rows, combine with and, and name their codes
/// by code, label or NA.
final class FilterTests: XCTestCase, SmallSurveyTesting {
  func testFiltersKeepRowsAndArePrintedWithTheTable() throws {
    let filters = [try Filter(parsing: "部=環境部")]
    let report = try Query(item: "類型", filters: filters).run(on: try survey()).value
    XCTAssertEqual(report.tables[0].notes.first, "filter: a.department 部 = 環境部 (3 of 5 projects)")
    let lines = DelimitedRenderer(separator: "\t").render(report.tables[0]).split(separator: "\n")
    XCTAssertEqual(lines[2], "2\t市・民\t1\t33.3")
  }

  func testNotEqualKeepsRowsWithoutTheCodeIncluding無回答() throws {
    let lines = try tsv(Query(item: "類型", filters: [try Filter(parsing: "形態!=③")]))
    // Projects 3 (形態 blank), 4 (①) and 5 (④) remain.
    XCTAssertEqual(lines.last, "base\t基数\t3\t100.0")
  }

  func testFiltersCombineWithAndAndAcceptLabelsAndNA() throws {
    let filters = [try Filter(parsing: "形態=共催,NA"), try Filter(parsing: "a.department=環境部")]
    let lines = try tsv(Query(item: "類型", filters: filters))
    // Projects 3 (blank 形態) and 4 (①), both of 環境部.
    XCTAssertEqual(lines.last, "base\t基数\t2\t100.0")
  }

  func testAnUnknownCodeInAFilterIsAUsageError() throws {
    XCTAssertThrowsError(try Query(item: "類型", filters: [try Filter(parsing: "形態=⑨")]).run(on: try survey()))
    {
      let error = $0 as? SurveyError
      XCTAssertEqual(error?.usageProblems.first?.found, "'⑨' is not a category of a.4 ４ 形態 in the filter")
    }
  }
}
