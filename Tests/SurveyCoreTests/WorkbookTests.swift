import Foundation
import XCTest

@testable import SurveyCore

/// Workbooks written from the bundled exports by openpyxl and by LibreOffice
/// (Fixtures/xlsx/make-fixtures.py), read back row by row and compared with the rows the script
/// wrote as the sheet shows them (merged 部 and 課 filled).
final class WorkbookTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/xlsx")

  /// The sheet's rows in the expected files' form: the row number, then the cells up to the last
  /// that is not empty, line breaks written `\n`.
  private func shown(_ workbook: String, sheet: String?) throws -> String {
    let book = try Workbook(url: Self.fixtures.appendingPathComponent(workbook), file: workbook)
    let rows = try book.rows(of: try book.sheet(named: sheet))
    var read: [SheetRow] = []
    while let row = try rows.next() { read.append(row) }
    // The merged ranges are read after the rows.
    var fill = MergeFill(rows.merges)
    var lines = ""
    for var row in read {
      fill.fill(&row)
      var cells = row.cells.map {
        String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "\n", with: "\\n")
          .replacingOccurrences(of: "\r", with: "\\r")
      }
      while cells.last == "" { cells.removeLast() }
      lines += ([String(row.number)] + cells).joined(separator: "\t") + "\n"
    }
    return lines
  }

  private func expected(_ name: String) throws -> String {
    try String(contentsOf: Self.fixtures.appendingPathComponent("expected-\(name).tsv"), encoding: .utf8)
  }

  func testOpenpyxlWorkbookReadsAsTheSheetShowsIt() throws {
    XCTAssertEqual(try shown("survey.xlsx", sheet: "Ａ調査票"), try expected("a"))
    XCTAssertEqual(try shown("survey.xlsx", sheet: nil), try expected("overall"))
  }

  func testLibreOfficeWorkbookWithSharedStrings() throws {
    XCTAssertEqual(try shown("survey-libreoffice.xlsx", sheet: "Ａ調査票"), try expected("a"))
    XCTAssertEqual(try shown("survey-libreoffice.xlsx", sheet: "全体調査票"), try expected("overall"))
  }

  func testMissingSheetNamesTheSheetsThereAre() throws {
    let book = try Workbook(url: Self.fixtures.appendingPathComponent("survey.xlsx"), file: "調査.xlsx")
    XCTAssertEqual(book.sheets.map(\.name), ["全体調査票", "Ａ調査票", "Ｂ調査票", "Ｃ調査票"])
    XCTAssertThrowsError(try book.sheet(named: "Ｄ調査票")) {
      XCTAssertEqual(
        "\($0)",
        "調査.xlsx: error: no sheet named Ｄ調査票; expected one of its sheets: 全体調査票, Ａ調査票, Ｂ調査票, Ｃ調査票")
    }
  }

  func testCellReferences() {
    // Column letters as Excel numbers them: Z is the 26th column, AA the 27th, XFD the last.
    XCTAssertEqual(CellReference("J6"), CellReference(column: 9, row: 6))
    XCTAssertEqual(CellReference("$AA$10"), CellReference(column: 26, row: 10))
    XCTAssertEqual(CellReference("XFD1048576")?.column, 16383)
    XCTAssertNil(CellReference("6J"))
    XCTAssertNil(CellReference("J0"))
    XCTAssertEqual(CellReference.columnName(25), "Z")
    XCTAssertEqual(CellReference.columnName(26), "AA")
    XCTAssertEqual(CellReference(column: 16383, row: 2).description, "XFD2")
  }

  func testEscapedCharactersOfSpreadsheetText() {
    XCTAssertEqual(SpreadsheetText.unescaped(Array("一行目_x000D_\n二行目".utf8)), Array("一行目\r\n二行目".utf8))
    XCTAssertEqual(SpreadsheetText.unescaped(Array("_x005F_x0041_".utf8)), Array("_x0041_".utf8))
    XCTAssertEqual(SpreadsheetText.unescaped(Array("a_b_x12_".utf8)), Array("a_b_x12_".utf8))
  }

  /// The error reading every row of the workbook's first sheet throws.
  private func readingError(_ workbook: String) throws -> String? {
    let book = try Workbook(url: Self.fixtures.appendingPathComponent(workbook), file: "調査.xlsx")
    let rows = try book.rows(of: try book.sheet(named: nil))
    do {
      while try rows.next() != nil {}
      return nil
    } catch {
      return error.description
    }
  }

  func testAnErrorInASheetNamesTheCell() throws {
    // Fixtures/xlsx/make-fixtures.py broken: a bare "&" in cell J6, and a CRC-32 that is wrong,
    // found after the last cell (D3) has been read.
    XCTAssertEqual(
      try readingError("malformed.xlsx"),
      "調査.xlsx:Ａ調査票!J6: error: malformed XML: an \"&\" that starts no entity; expected a workbook as Excel saves it"
    )
    XCTAssertEqual(
      try readingError("bad-crc.xlsx"),
      "調査.xlsx:Ａ調査票!D3: error: a damaged workbook: xl/worksheets/sheet1.xml fails its CRC-32 check; "
        + "expected a workbook as Excel saves it")
  }

  func testASheetLeftUnreadStopsItsInflatingThread() throws {
    // The sheet is inflated on a thread of its own, a few pieces ahead: a reader given up after
    // its first row ends that thread, and the workbook reads on (here the same sheet again).
    let book = try Workbook(url: Self.fixtures.appendingPathComponent("survey.xlsx"), file: "調査.xlsx")
    let sheet = try book.sheet(named: "Ａ調査票")
    for _ in 0..<20 {
      let rows = try book.rows(of: sheet)
      XCTAssertEqual(try rows.next()?.number, 1)
    }
    XCTAssertEqual(try shown("survey.xlsx", sheet: "Ａ調査票"), try expected("a"))
  }
}
