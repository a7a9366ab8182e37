import XCTest

@testable import SurveyCore

/// Checker reports every problem of every export, errors included, and adds the checks that need
/// a whole form: identifiers used twice, implausible start years, no-amount codes with an amount,
/// PDF glyph errors and units the overall form does not list.
final class CheckerTests: XCTestCase {
  private let codebook: Codebook = {
    let overall = Form(
      id: "overall", title: "全体調査票", file: "overall.tsv", rowNoun: "unit", role: .roster,
      items: [
        Item(
          id: "overall.department", number: "部", title: "部", kind: .department, header: "部", fillsDown: true),
        Item(id: "overall.section", number: "課", title: "課", kind: .section, header: "課"),
        Item(id: "overall.1", number: "設問１", title: "なぜ", kind: .text, header: "設問１"),
      ])
    let a = Form(
      id: "a", title: "Ａ調査票", file: "a.tsv", rowNoun: "project",
      items: [
        Item(id: "a.department", number: "部", title: "部", kind: .department, header: "部", fillsDown: true),
        Item(id: "a.section", number: "課", title: "課", kind: .section, header: "課", fillsDown: true),
        Item(id: "a.number", number: "番号", title: "番号", kind: .identifier, header: "番号"),
        Item(
          id: "a.6", number: "６", title: "始期", kind: .year, header: "６始期",
          options: [
            Option(code: 1, label: "開始年", role: .figure), Option(code: 2, label: "不明", role: .unknown),
          ]),
        Item(
          id: "a.7", number: "７", title: "市の予算", kind: .amount, header: "７市の予算",
          options: [Option(code: 1, label: "金額", role: .figure), Option(code: 2, label: "無し", role: .none)]),
      ])
    return Codebook(
      forms: [overall, a], nonAnswers: ["記入なし"], amountUnits: [AmountUnit(suffix: "千円", yen: 1000)])
  }()

  private let overall = "部\t課\t設問１\n市民部\t経済課\t必要\n"

  private func check(a lines: [String], overall: String? = nil) -> CheckReport {
    let text = (["部\t課\t番号\t６始期\t７市の予算"] + lines).joined(separator: "\n") + "\n"
    return Checker.check(
      codebook: codebook,
      sources: [
        "overall": ExportSource(bytes: Array((overall ?? self.overall).utf8), file: "overall.tsv"),
        "a": ExportSource(bytes: Array(text.utf8), file: "a.tsv"),
      ],
      referenceYear: 2025)
  }

  func testCleanDataHasNoDiagnosticsAndCountsRows() {
    let report = check(a: ["市民部\t経済課\t1\t①平成１２\t①１０千円", "\t\t2\t②不明\t②無し"])
    XCTAssertEqual(report.diagnostics, [])
    XCTAssertEqual(report.files.map(\.rows), [1, 2])
    XCTAssertNil(report.worst)
  }

  func testAnIdentifierUsedTwiceIsAnErrorAtTheLaterRow() {
    let report = check(a: ["市民部\t経済課\t1\t②不明\t②無し", "\t\t１\t②不明\t②無し"])
    XCTAssertEqual(
      report.diagnostics.map(\.description),
      ["a.tsv:3:3: error: a.number 番号: '１', already used on line 2; expected each 番号 once"])
    XCTAssertEqual(report.worst, .error)
  }

  func testAStartYearAfterTheReferenceYearIsAnError() {
    let report = check(a: ["市民部\t経済課\t1\t①令和８\t②無し", "\t\t2\t①令和７\t②無し"])
    XCTAssertEqual(
      report.diagnostics.map(\.description),
      ["a.tsv:2:4: error: a.6 ６ 始期: start year 2026 in '令和８', after 2025; expected a year from 1868 to 2025"])
  }

  func testANoAmountCodeFollowedByAnAmountIsAWarning() {
    let report = check(a: ["市民部\t経済課\t1\t②不明\t②無し（１２０千円）", "\t\t2\t②不明\t②無し（年２回）"])
    XCTAssertEqual(report.diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(report.diagnostics.first?.line, 2)
    XCTAssertTrue(CheckDiagnostics.containsAmount("（１，２００ 千円）", units: codebook.amountUnits))
    XCTAssertFalse(CheckDiagnostics.containsAmount("千円", units: codebook.amountUnits))
    XCTAssertFalse(CheckDiagnostics.containsAmount("年２回", units: codebook.amountUnits))
  }

  func testGlyphErrorsAreWarningsInAnyCell() {
    let report = check(a: ["市民部\t経済課\t1\t②不明\t②無し"], overall: "部\t課\t設問１\n市民部\t経済課\t实施が尐ない\n")
    XCTAssertEqual(
      report.diagnostics.map(\.description),
      [
        "overall.tsv:2:3: warning: overall.1 設問１ なぜ: '实' (U+5B9E), a glyph error of a PDF's text layer; expected '実'",
        "overall.tsv:2:3: warning: overall.1 設問１ なぜ: '尐' (U+5C10), a glyph error of a PDF's text layer; expected '少'",
      ])
    XCTAssertEqual(report.worst, .warning)
  }

  func testEveryFileIsCheckedEvenWhenOneCannotBeRead() {
    let report = check(a: ["市民部\t経済課\t1\t①平成１２\t①12ドル"], overall: "部\t\"課\n")
    XCTAssertEqual(report.files.map(\.file), ["overall.tsv", "a.tsv"])
    XCTAssertEqual(report.files.map(\.errors), [1, 1])
    XCTAssertEqual(report.files.map(\.rows), [0, 1])
  }

  func testAUnitTheOverallFormDoesNotListIsAWarningUnlessItsRowIsAlreadyAnError() {
    let report = check(a: ["総務部\t職員課\t1\t②不明\t②無し", "\t\t2\t②不明\t②無し", "環境部\t\t3\t②不明\t②無し"])
    XCTAssertEqual(
      report.diagnostics.map { "\($0.line ?? 0) \($0.severity)" }, ["2 warning", "3 warning", "4 error"])
  }

  func testDiagnosticsAreInFileOrder() {
    // ①十ドル: a numeral in no declared unit, unreadable (①十千円 would read as 10千円).
    let report = check(a: ["市民部\t経済課\t1\t①令和９\t①十ドル", "\t\t1\t②不明\t②無し"])
    XCTAssertEqual(report.diagnostics.map { [$0.line ?? 0, $0.column ?? 0] }, [[2, 4], [2, 5], [3, 3]])
  }

  /// A form whose project number, start year and amount fill down (no bundled codebook has one):
  /// each written cell is judged once, on its own row; the rows that inherit it are not reported
  /// again. Expected: the three problems of line 2 (the future year, the amount after ②無し, and
  /// no unit warning for a row already in error) and the number written again on line 5.
  func testAFilledDownCellIsJudgedOnceWhereItIsWritten() throws {
    let codebookText = """
      form\toverall\t全体調査票\toverall.tsv\tunit
      item\toverall.department\t部\t部\tdepartment\t部\tfill-down
      item\toverall.section\t課\t課\tsection\t課
      form\ta\tＡ調査票\ta.tsv\tproject
      item\ta.department\t部\t部\tdepartment\t部\tfill-down
      item\ta.section\t課\t課\tsection\t課\tfill-down
      item\ta.number\t番号\t番号\tidentifier\t番号\tfill-down
      item\ta.6\t６\t始期\tyear\t６始期\tfill-down
      option\ta.6\t1\t開始年\tfigure
      item\ta.7\t７\t市の予算\tamount\t７市の予算\tfill-down
      option\ta.7\t1\t金額\tfigure
      option\ta.7\t2\t無し\tnone
      item\ta.name\t名称\t名称\ttext\t名称
      amount-unit\t千円\t1000

      """
    let codebook = try CodebookLoader.load(utf8: Array(codebookText.utf8), file: "codebook.tsv")
    let a = """
      部\t課\t番号\t６始期\t７市の予算\t名称
      市民部\t経済課\t1\t①令和９\t②無し（１２０千円）\t講座
      \t\t\t\t\t講座の２回目
      \t\t\t\t\t講座の３回目
      \t\t1\t①令和２\t①１０千円\t祭り
      \t\t\t\t\t祭りの２日目

      """
    let report = Checker.check(
      codebook: codebook,
      sources: [
        "overall": ExportSource(bytes: Array("部\t課\n市民部\t経済課\n".utf8), file: "overall.tsv"),
        "a": ExportSource(bytes: Array(a.utf8), file: "a.tsv"),
      ],
      referenceYear: 2025)
    XCTAssertEqual(
      report.diagnostics.map(\.description),
      [
        "a.tsv:2:4: error: a.6 ６ 始期: start year 2027 in '令和９', after 2025; expected a year from 1868 to 2025",
        "a.tsv:2:5: warning: a.7 ７ 市の予算: '②無し（１２０千円）': code ②無し followed by an amount, which is not counted;"
          + " expected ①金額 with the amount, or ② alone",
        "a.tsv:5:3: error: a.number 番号: '1', already used on line 2; expected each 番号 once",
      ])
    XCTAssertEqual(report.files.map(\.rows), [1, 5])
  }

  /// Regression: a file of half a million ragged rows held every diagnostic (440 MB for 1 MB of
  /// input); past the limit they are counted, not kept.
  func testProblemsBeyondTheLimitAreCountedNotListed() {
    let rows = ["市民部\t経済課\t1\t②不明\t②無し"] + Array(repeating: "x", count: 25) + ["\t\t1\t②不明\t②無し"]
    let text = (["部\t課\t番号\t６始期\t７市の予算"] + rows).joined(separator: "\n")
    let report = Checker.check(
      codebook: codebook,
      sources: [
        "overall": ExportSource(bytes: Array(overall.utf8), file: "overall.tsv"),
        "a": ExportSource(bytes: Array(text.utf8), file: "a.tsv"),
      ],
      referenceYear: 2025, limit: 10)
    let file = report.files[1]
    XCTAssertEqual(file.diagnostics.count, 10)
    XCTAssertEqual(file.diagnostics.first?.line, 3)
    XCTAssertEqual(file.errors, 26)
    XCTAssertEqual(file.omitted, 16)
    XCTAssertEqual(
      CheckFormat.summaries(report).last,
      "a.tsv: 27 rows, 26 errors, 0 warnings (16 not listed: only the first 10 are)")
  }

}

/// Files are checked a chunk at a time, never held whole: the report is the one their bytes, given
/// whole, produce.
final class StreamedCheckTests: XCTestCase {
  /// The bundled data with a.tsv's body twice over (every project number used again), a glyph
  /// error, a future start year and a row whose 課 the overall form does not list.
  private func damagedA() throws -> String {
    let text = try String(contentsOf: StreamingTests.data.appendingPathComponent("a.tsv"), encoding: .utf8)
    let headerEnd = try XCTUnwrap(text.firstIndex(of: "\r\n"))
    let body = String(text[text.index(after: headerEnd)...])
    return String(text[...headerEnd]) + body.replacingOccurrences(of: "実施", with: "实施") + body
      + "総務部\t架空課\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\r\n"
  }

  func testAFileReadInChunksIsReportedAsItsBytesAre() throws {
    let text = try damagedA()
    // CP932 has neither 实 nor ㈳ and ㈶: a CP932 export has 実 and the bracketed forms.
    let cp932 = text.replacingOccurrences(of: "实", with: "実").replacingOccurrences(of: "㈳", with: "（社）")
      .replacingOccurrences(of: "㈶", with: "（財）")
    let encodings: [[UInt8]] = [Array(text.utf8), Array(try XCTUnwrap(cp932.data(using: .shiftJIS)))]
    for (index, bytes) in encodings.enumerated() {
      let directory = try StreamingTests.bundledWith(a: bytes, in: self)
      let fromFiles = Checker.check(directory: directory, referenceYear: 2010)
      var sources: [String: ExportSource] = [:]
      for name in ["overall", "a", "b", "c"] {
        let url = directory.appendingPathComponent("\(name).tsv")
        sources[name] = ExportSource(bytes: try Survey.readFile(url), file: url.relativePath)
      }
      let codebook = try CodebookLoader.load(
        utf8: try Survey.readFile(directory.appendingPathComponent("codebook.tsv")), file: "codebook.tsv")
      let fromBytes = Checker.check(codebook: codebook, sources: sources, referenceYear: 2010)
      XCTAssertEqual(fromFiles, fromBytes)
      let a = try XCTUnwrap(fromFiles.files.first { $0.formID == "a" })
      XCTAssertEqual(a.rows, 141, "the 70 projects twice and the made-up row")
      let found = a.diagnostics.map(\.found)
      XCTAssertEqual(found.filter { $0.contains("already used on line") }.count, 70)
      XCTAssertEqual(found.contains { $0.contains("a glyph error of a PDF's text layer") }, index == 0)
      XCTAssertEqual(a.diagnostics.last?.found.hasPrefix("a unit that the overall form does not list"), true)
    }
  }
}

/// An export read in parts is checked on the engine's counting pass, its parts handed over in
/// file order: the report is the one a reading of the file in one part gives.
final class PartedCheckTests: XCTestCase {
  func testAFileReadInPartsIsReportedAsAReadingInOnePartReportsIt() throws {
    let text = try String(contentsOf: StreamingTests.data.appendingPathComponent("a.tsv"), encoding: .utf8)
    let headerEnd = try XCTUnwrap(text.firstIndex(of: "\r\n"))
    let header = String(text[...headerEnd])
    let body = String(text[text.index(after: headerEnd)...])
    // 20 copies of the 70 projects (1 MB, in parts of 64 KB), every project number used again in
    // later parts, a glyph error in the second half, and rows whose 課 the overall form lacks:
    // one with no number, one whose number is used again (no unit warning: it is an error), one
    // with a start year after 2010 (the same), and one with ②無し followed by an amount.
    let copies = String(repeating: body, count: 10)
    func made(_ number: String, year: String = "", amount: String = "") -> String {
      (["総務部", "架空課", "", number] + Array(repeating: "", count: 7) + [year, amount]
        + Array(repeating: "", count: 9)).joined(separator: "\t") + "\r\n"
    }
    let a =
      header + copies + copies.replacingOccurrences(of: "実施", with: "实施") + made("") + made("１")
      + made("９９９", year: "①平成２５") + made("1000", amount: "②無し（１２０千円）")
    let directory = try StreamingTests.bundledWith(a: Array(a.utf8), in: self)
    let codebook = try CodebookLoader.load(contentsOf: directory.appendingPathComponent("codebook.tsv"))
    let form = try XCTUnwrap(codebook.forms.first { $0.id == "a" })
    let organization = try Survey.load(directory: StreamingTests.data).organization
    let input = ExportInput.file(directory.appendingPathComponent("a.tsv"))
    var all: FileCheck?
    for limit in [10, 1000, 100_000] {
      let (parted, _) = Checker.checkExport(
        input, form: form, codebook: codebook, referenceYear: 2010, limit: limit,
        organization: organization, partBytes: 64 << 10)
      let (whole, _) = Checker.checkExport(
        input, form: form, codebook: codebook, referenceYear: 2010, limit: limit, organization: organization)
      XCTAssertEqual(parted, whole, "limit \(limit)")
      XCTAssertEqual(parted.rows, 20 * 70 + 4)
      all = parted
    }
    let found = try XCTUnwrap(all).diagnostics.map(\.found)
    let duplicates = found.filter { $0.contains("already used on line") }
    XCTAssertEqual(duplicates.count, 19 * 70 + 1)
    XCTAssertEqual(duplicates.last, "'１', already used on line 2")
    XCTAssertTrue(found.contains { $0.contains("a glyph error of a PDF") })
    let units = found.filter { $0.hasPrefix("a unit that the overall") }
    XCTAssertEqual(units.count, 2, "the rows without a number and with ②無し（１２０千円）")
    XCTAssertTrue(found.contains { $0.hasPrefix("start year 2013") })
    XCTAssertTrue(found.contains { $0.hasPrefix("'②無し（１２０千円）': code ②無し followed by an amount") })
  }
}
