import Foundation
import XCTest

/// Exports as offices keep them: workbooks (.xlsx) written from the bundled exports by openpyxl
/// and LibreOffice, with merged 部 and 課 cells (Tests/SurveyCoreTests/Fixtures/xlsx), and CSV
/// as Excel saves it, written by Python's csv module (Fixtures/csv). Each must give the bundled
/// report's tables, its warnings naming the sheet's cells.
final class SpreadsheetInputTests: XCTestCase {
  static let workbooks = "Tests/SurveyCoreTests/Fixtures/xlsx"
  static let csv = "Tests/KyodoTests/Fixtures/csv"

  private func report(_ arguments: [String], naming names: [String: String]) throws -> String {
    var text = try KyodoCommandTests.run(["tabulate"] + arguments).standardOutput
    for (name, bundled) in names { text = text.replacingOccurrences(of: name, with: bundled) }
    return text
  }

  func testWorkbooksGiveTheBundledReport() throws {
    let bundled = try KyodoCommandTests.run(["tabulate"]).standardOutput
    for workbook in ["survey.xlsx", "survey-libreoffice.xlsx"] {
      let path = "\(Self.workbooks)/\(workbook)"
      // The overall form is the first sheet, named or not; the Ａ調査票 sheet is named.
      let text = try report(
        ["--file", "overall=\(path)", "--file", "a=\(path):Ａ調査票"],
        naming: ["\(path):全体調査票": "data/overall.tsv", "\(path):Ａ調査票": "data/a.tsv"])
      XCTAssertEqual(text, bundled, workbook)
    }
  }

  func testAWholeWorkbookGivesEveryFormFromItsSheet() throws {
    let bundled = try KyodoCommandTests.run(["tabulate"]).standardOutput
    let path = "\(Self.workbooks)/survey-libreoffice.xlsx"
    let names = ["全体調査票": "overall", "Ａ調査票": "a", "Ｂ調査票": "b", "Ｃ調査票": "c"]
    let text = try report(
      ["--workbook", path],
      naming: Dictionary(uniqueKeysWithValues: names.map { ("\(path):\($0.key)", "data/\($0.value).tsv") }))
    XCTAssertEqual(text, bundled)
    // A workbook without a sheet for a form says which, and which sheets it has.
    let partial = try KyodoCommandTests.run(["check", "--workbook", "\(Self.workbooks)/../zip/members.zip"])
    XCTAssertNotEqual(partial.status, 0)
  }

  func testWorkbookDiagnosticsNameTheSheetsCells() throws {
    // data/a.tsv:68:11 (line 68, the 11th field: 類型 of the 9th project, "②③") is row 10,
    // column K of the sheet: the script wrote the header in row 1 and a row per project.
    let result = try KyodoCommandTests.run(["check", "--file", "a=\(Self.workbooks)/survey.xlsx:Ａ調査票"])
    XCTAssertTrue(
      result.standardOutput.contains(
        "\(Self.workbooks)/survey.xlsx:Ａ調査票!K10: warning: a.5 ５ 類型: 2 codes (②③) in a single-choice item"),
      result.standardOutput)
    let missing = try KyodoCommandTests.run(["tabulate", "--file", "a=\(Self.workbooks)/survey.xlsx:Ｄ調査票"])
    XCTAssertEqual(
      missing.standardError,
      "\(Self.workbooks)/survey.xlsx: error: no sheet named Ｄ調査票; expected one of its sheets: "
        + "全体調査票, Ａ調査票, Ｂ調査票, Ｃ調査票\n")
  }

  func testCSVAsExcelSavesItGivesTheBundledReport() throws {
    let bundled = try KyodoCommandTests.run(["tabulate"]).standardOutput
    let utf8 = try report(
      ["--file", "a=\(Self.csv)/a-utf8.csv"],
      naming: ["(\(Self.csv)/a-utf8.csv, UTF-8 with BOM)": "(data/a.tsv, UTF-8)"])
    XCTAssertEqual(utf8, bundled)
    let cp932 = try report(
      ["--file", "a=\(Self.csv)/a-cp932.csv"],
      naming: ["(\(Self.csv)/a-cp932.csv, CP932)": "(data/a.tsv, UTF-8)"])
    XCTAssertEqual(cp932, bundled)
    // kyodo check names the CSV's own lines, which are the TSV's.
    let check = try KyodoCommandTests.run(["check", "--file", "a=\(Self.csv)/a-utf8.csv"]).standardOutput
    XCTAssertEqual(
      check.replacingOccurrences(of: "\(Self.csv)/a-utf8.csv", with: "data/a.tsv"),
      try KyodoCommandTests.run(["check"]).standardOutput)
  }

  func testOtherSpreadsheetFilesAreNamedForWhatTheyAre() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    let xls = directory.appendingPathComponent("調査.xls")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(
      to: xls)
    let result = try KyodoCommandTests.run(["tabulate", "--file", "a=\(xls.path)"])
    XCTAssertNotEqual(result.status, 0)
    XCTAssertTrue(
      result.standardError.hasPrefix(
        "\(xls.path): error: an Excel 97-2003 workbook (.xls), or a workbook protected by a password; expected"
      ),
      result.standardError)
  }

  func testACSVHeaderNamingNoItemCountsTheCSVsOwnCells() throws {
    // Three cells by its commas (the quoted "c,d" is one), one by tabs: not the copy's cells,
    // which the conversion separates with tabs.
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    let csv = directory.appendingPathComponent("a.csv")
    try Data("x,y,\"c,d\"\r\n1,2,3\r\n".utf8).write(to: csv)
    let result = try KyodoCommandTests.run(["tabulate", "--file", "a=\(csv.path)"])
    XCTAssertTrue(
      result.standardError.contains(
        "\(csv.path):1 (row 1): error: a header naming none of the Ａ調査票 items, read as tab-separated (1 cells) "
          + "or comma-separated (3 cells)"),
      result.standardError)
  }
}
