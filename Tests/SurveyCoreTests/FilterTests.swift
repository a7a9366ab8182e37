import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting`: filters keep rows, combine with and, and name their codes
/// by code, label or NA.
final class FilterTests: XCTestCase, SmallSurveyTesting, DesignatedCityTesting {
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

  /// On the small designated city of `DesignatedCityTesting` (projects streamed): a name several
  /// units have selects them all, not the first met; qualified, one. Expected: the projects its
  /// comment lists, 区民部 on projects 4–8, 10 and 11; 北区役所 区民部 on 4, 5 and 11; 地域振興課 on
  /// 3, 4, 6, 7 and 10.
  func testANameOfSeveralUnitsSelectsEveryOne() throws {
    let wards = try cityTSV(Query(item: "形態", filters: [try Filter(parsing: "部=区民部")]))
    XCTAssertEqual(wards.last, "base\t基数\t7\t100.0")
    let north = try cityTSV(Query(item: "形態", filters: [try Filter(parsing: "部=北区役所 区民部")]))
    XCTAssertEqual(north.last, "base\t基数\t3\t100.0")
    let sections = try cityTSV(Query(item: "形態", filters: [try Filter(parsing: "課=地域振興課")]))
    XCTAssertEqual(sections.last, "base\t基数\t5\t100.0")
    let south = try cityTSV(Query(item: "形態", filters: [try Filter(parsing: "課=南区役所地域振興課")]))
    XCTAssertEqual(south.last, "base\t基数\t2\t100.0")
    let others = try cityTSV(Query(item: "形態", filters: [try Filter(parsing: "部!=区民部")]))
    XCTAssertEqual(others.last, "base\t基数\t4\t100.0")
  }

  /// The overall form (rows in memory): `区民部` is the six units of the three wards' 区民部, and the
  /// printed filter names each 区民部 (the overall form's rows, in order).
  func testANameOfSeveralUnitsInTheOverallFormIsPrintedWhole() throws {
    let report = try Query(item: "問１", filters: [try Filter(parsing: "部=区民部")]).run(on: try city()).value
    XCTAssertEqual(
      report.tables[0].notes.first,
      "filter: overall.department 部 = 北区役所 区民部, 南区役所 区民部, 西区役所 区民部 (6 of 9 units)")
  }
}
