import Foundation
import XCTest

@testable import SurveyCore

/// kyodo's own workbooks, read back with its workbook reader (itself checked against openpyxl's
/// and LibreOffice's files in WorkbookTests; scripts/check-workbook.py checks these workbooks
/// with openpyxl and LibreOffice against `--format tsv`).
final class WorkbookRendererTests: XCTestCase {
  private func rows(of bytes: [UInt8], sheet: Int) throws -> [[String]] {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kyodo-\(UUID().uuidString).xlsx")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let book = try Workbook(url: url, file: "report.xlsx")
    let reader = try book.rows(of: book.sheets[sheet])
    var rows: [[String]] = []
    while let row = try reader.next() {
      while rows.count < row.number - 1 { rows.append([]) }
      rows.append(row.cells.map { String(decoding: $0, as: UTF8.self) })
    }
    return rows
  }

  func testCrosstabIsWideWithCountAndPercentRows() throws {
    // The bundled survey's 形態 by 部: 全体 70 projects, ①共催 17 of them (24.3%); 企画財政部 3,
    // two of them ②実行委 (66.7%): the figures of docs/GUIDE.md's crosstab, counted from a.tsv.
    let survey = try Survey.load(directory: SurveyFiguresTests.dataDirectory)
    let report = try Query(item: "形態", breakdown: "部").plan(on: survey).run().value
    let bytes = WorkbookRenderer().render(report)
    let contents = try rows(of: bytes, sheet: 0)
    XCTAssertEqual(contents[0], [report.title])
    XCTAssertEqual(contents[2], ["No.", "表", "シート"])
    XCTAssertEqual(contents[3], ["1", report.tables[0].title, "a.4-by-a.department"])
    let sheet = try rows(of: bytes, sheet: 1)
    XCTAssertEqual(sheet[0], [report.tables[0].title])
    XCTAssertEqual(Array(sheet[2].prefix(3)), ["部", "n", "①共催"])
    XCTAssertEqual(Array(sheet[3].prefix(3)), ["全体", "70", "17"])
    XCTAssertEqual(Array(sheet[4].prefix(3)), ["", "", "24.3"])
    XCTAssertEqual(Array(sheet[5].prefix(4)), ["企画財政部 *", "3", "0", "2"])
    XCTAssertEqual(Array(sheet[6].prefix(4)), ["", "", "0.0", "66.7"])
    XCTAssertEqual(sheet.last, [report.tables[0].notes.last ?? ""])
  }

  func testSheetNamesAreValidAndUnique() {
    var names = SheetNames()
    XCTAssertEqual(names.name(for: "a.4-by-a.department"), "a.4-by-a.department")
    XCTAssertEqual(names.name(for: "a/b:c*d?[e]\\f"), "a_b_c_d__e__f")
    let long = String(repeating: "表", count: 40)
    XCTAssertEqual(names.name(for: long), String(repeating: "表", count: 31))
    XCTAssertEqual(names.name(for: long), String(repeating: "表", count: 28) + "(2)")
    XCTAssertEqual(names.name(for: "A.4-BY-A.DEPARTMENT"), "A.4-BY-A.DEPARTMENT(2)")
    XCTAssertEqual(names.name(for: "'quoted'"), "quoted")
  }

  func testEscapedTextReadsBack() {
    let text = "a<b>&\"c\"\u{1}_x0041_\n行"
    let escaped = SpreadsheetText.escaped(text)
    XCTAssertEqual(escaped, "a&lt;b&gt;&amp;&quot;c&quot;_x0001__x005F_x0041_\n行")
    // After XML's entities, the reader's unescaping gives the text back.
    let unentitied = escaped.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(
      of: "&gt;", with: ">"
    )
    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    XCTAssertEqual(String(decoding: SpreadsheetText.unescaped(Array(unentitied.utf8)), as: UTF8.self), text)
  }
}
