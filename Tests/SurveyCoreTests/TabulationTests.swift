import XCTest

@testable import SurveyCore

/// Tables on a small survey whose every figure is counted by hand below: bases, item pairings,
/// joins, filters, layers, numeric summaries and derived variables.
///
/// Overall form (4 units): 市民部 課A ① (設問１ answered); its sub-unit （X担当） ② (記入なし);
/// 環境部 課B ① (answered); 課C ④ (blank).
/// Ａ form (5 projects): 1 課A 形態①③ 類型① 100千円; 2 （X担当） ③ ② 1,000千円;
/// 3 課B (blank) ② ②無し; 4 課B ① (blank) 0千円; 5 課Z (not in the overall form) ④ ③ 12,345千円.
final class TabulationTests: XCTestCase {
  static let codebook = """
    form\toverall\t全体\toverall.tsv\tunit
    item\toverall.department\t部\t部\tdepartment\t部\tfill-down
    item\toverall.section\t課\t課\tsection\t課
    item\toverall.1\t設問１\tなぜ\ttext\t設問１
    item\toverall.2\t設問２\t実施状況\tsingle\t設問２
    option\toverall.2\t1\t現在実施
    option\toverall.2\t2\t現在＋将来
    option\toverall.2\t4\t所掌なし
    form\ta\tＡ\ta.tsv\tproject
    item\ta.department\t部\t部\tdepartment\t部\tfill-down
    item\ta.section\t課\t課\tsection\t課\tfill-down
    item\ta.number\t番号\t番号\tidentifier\t番号
    item\ta.4\t４\t形態\tmultiple\t４形態
    option\ta.4\t1\t共催
    option\ta.4\t3\t委託
    option\ta.4\t4\t補助
    item\ta.5\t５\t類型\tsingle\t５類型
    option\ta.5\t1\t市主体
    option\ta.5\t2\t市・民
    option\ta.5\t3\t民間
    item\ta.7\t７\t市の予算\tamount\t７市の予算
    option\ta.7\t1\t金額\tfigure
    option\ta.7\t2\t無し\tnone
    nonanswer\t記入なし
    amount-unit\t千円\t1000

    """
  static let overall = """
    部\t課\t設問１\t設問２
    市民部\t課A\t理由がある\t①
    \t（X担当）\t記入なし\t②
    環境部\t課B\t理由がある\t①
    \t課C\t\t④

    """
  static let projects = """
    部\t課\t番号\t４形態\t５類型\t７市の予算
    市民部\t課A\t1\t"①共催
    ③委託"\t①市主体\t①100千円
    \t（X担当）\t2\t③\t②\t①1,000千円
    環境部\t課B\t3\t\t②\t②無し
    \t\t4\t①\t\t①0千円
    \t課Z\t5\t④\t③\t①12,345千円

    """

  func survey() throws -> Survey {
    let codebook = try CodebookLoader.load(utf8: Array(Self.codebook.utf8), file: "codebook.tsv")
    return try Survey.load(
      codebook: codebook,
      sources: [
        "overall": ExportSource(bytes: Array(Self.overall.utf8), file: "overall.tsv"),
        "a": ExportSource(bytes: Array(Self.projects.utf8), file: "a.tsv"),
      ])
  }

  /// The rows of the first table of a query, as the TSV a machine reads.
  func tsv(_ query: Query, table index: Int = 0) throws -> [String] {
    let report = try query.run(on: try survey())
    let table = report.tables[index].forMachines
    let text = DelimitedRenderer(separator: "\t").render(table)
    return text.split(separator: "\n").map(String.init)
  }

  // MARK: - Bases

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
    let lines = DelimitedRenderer(separator: "\t").render(report.tables[0]).split(separator: "\n")
    XCTAssertEqual(lines[0], "code\tlabel\tn\tpercent\tpercent_of_mentions")
    XCTAssertEqual(lines[1], "1\t共催\t2\t40.0\t40.0")
    XCTAssertEqual(lines[3], "4\t補助\t1\t20.0\t20.0")
  }

  // MARK: - Item pairings

  func testSingleBySingle() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "部"))
    // 市民部: projects 1 (①) and 2 (②); 環境部: 3 (②), 4 (無回答), 5 (③).
    XCTAssertTrue(lines.contains("市民部\t市民部\t1\t市主体\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("市民部\t市民部\t2\t市・民\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("環境部\t環境部\t2\t市・民\t1\t33.3\t3"))
    XCTAssertTrue(lines.contains("環境部\t環境部\tNA\t無回答\t1\t33.3\t3"))
    XCTAssertTrue(lines.contains("total\t全体\t2\t市・民\t2\t40.0\t5"))
  }

  func testSingleBySingleOnTheAnswered() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "部", options: TableOptions(base: .answered)))
    XCTAssertTrue(lines.contains("環境部\t環境部\t2\t市・民\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("環境部\t環境部\tNA\t無回答\t1\t\t2"))
  }

  func testMultipleBySingle() throws {
    let lines = try tsv(Query(item: "形態", breakdown: "類型"))
    // ①市主体: project 1 (①③); ②市・民: 2 (③) and 3 (無回答); ③民間: 5 (④); 無回答: 4 (①).
    XCTAssertTrue(lines.contains("1\t市主体\t1\t共催\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("1\t市主体\t3\t委託\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("2\t市・民\t3\t委託\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("2\t市・民\tNA\t無回答\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("NA\t無回答\t1\t共催\t1\t100.0\t1"))
  }

  func testSingleByMultipleCountsARowInEachOfItsCodes() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "形態"))
    // Row ①共催: projects 1 (①) and 4 (無回答); ③委託: 1 (①) and 2 (②); ④補助: 5 (③); 無回答: 3 (②).
    XCTAssertTrue(lines.contains("1\t共催\t1\t市主体\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("1\t共催\tNA\t無回答\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("3\t委託\t2\t市・民\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("NA\t無回答\t2\t市・民\t1\t100.0\t1"))
  }

  func testMultipleByMultiple() throws {
    let lines = try tsv(Query(item: "形態", breakdown: "形態"))
    // Project 1 ticked ① and ③: it is in row ① and in column ③.
    XCTAssertTrue(lines.contains("1\t共催\t3\t委託\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("3\t委託\t1\t共催\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("NA\t無回答\tNA\t無回答\t1\t100.0\t1"))
  }

  // MARK: - Joins, filters, layers

  func testAProjectItemByAnOverallItemJoinsOnTheUnit() throws {
    let report = try Query(item: "形態", breakdown: "設問２").run(on: try survey())
    let table = report.tables[0]
    let lines = DelimitedRenderer(separator: "\t").render(table.forMachines).split(separator: "\n").map(
      String.init)
    // ①現在実施: projects 1 (課A), 3 and 4 (課B); ②: 2 (（X担当）); 結合なし: 5 (課Z).
    XCTAssertTrue(lines.contains("1\t現在実施\t1\t共催\t2\t66.7\t3"))
    XCTAssertTrue(lines.contains("1\t現在実施\tNA\t無回答\t1\t33.3\t3"))
    XCTAssertTrue(lines.contains("2\t現在＋将来\t3\t委託\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("unjoined\t結合なし\t4\t補助\t1\t100.0\t1"))
    XCTAssertTrue(
      table.notes.contains(
        "joined on the unit: 4 of 5 projects joined (1 without a unit of the overall form, counted as 結合なし); they belong to 3 of the 4 units, 1 units have none"
      ), "\(table.notes)")
  }

  func testFiltersKeepRowsAndArePrintedWithTheTable() throws {
    let filters = [try Filter(parsing: "部=環境部")]
    let report = try Query(item: "類型", filters: filters).run(on: try survey())
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

  func testLayersGiveOneTablePerCategory() throws {
    let report = try Query(item: "類型", breakdown: "形態", layer: "部").run(on: try survey())
    XCTAssertEqual(report.tables.count, 3)
    XCTAssertTrue(report.tables[0].notes.contains("layer: a.department 部 = 市民部"))
    XCTAssertTrue(report.tables[2].notes.contains("layer: a.department 部 = 無回答"))
  }

  // MARK: - Numbers

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

  func testAmountClassesAsABreakdown() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "a.7:class"))
    // 0 千円: project 4 (類型 blank); 100–1,000: project 1 (①); 1,000–10,000: 2 (②); 10,000+: 5 (③).
    XCTAssertTrue(lines.contains("0\t0千円\tNA\t無回答\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("100-1000\t100～1,000千円未満\t1\t市主体\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("ge10000\t10,000千円以上\t3\t民間\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("NA\t無回答\t2\t市・民\t1\t100.0\t1"))
  }

  // MARK: - Formats

  func testTextMarksZeroCountsAndSmallBases() throws {
    let report = try Query(item: "類型").run(on: try survey())
    let text = TextRenderer().render(report)
    XCTAssertTrue(text.contains("  base *  基数    5  100.0\n"), text)
    XCTAssertTrue(text.contains("* base under 30: 参考値 (for reference only)."))
    let crosstab = TextRenderer().render(try Query(item: "類型", breakdown: "部").run(on: try survey()))
    XCTAssertTrue(crosstab.contains("  市民部 *  2        1        1      −       −\n"), crosstab)
  }

  func testExcelCSVHasABOMAndCRLF() throws {
    let report = try Query(item: "類型").run(on: try survey())
    let csv = OutputFormat.csv.render(report, options: RenderOptions(excel: true))
    XCTAssertTrue(csv.hasPrefix("\u{FEFF}code,label,n,percent\r\n1,市主体,1,20.0\r\n"))
  }
}
