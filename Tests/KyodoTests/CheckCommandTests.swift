import Foundation
import XCTest

/// `kyodo check` as a script sees it: its formats, its summary lines and its exit statuses.
extension KyodoCommandTests {
  func testCheckOfTheBundledDataListsItsFourteenWarnings() throws {
    let result = try kyodo(["check"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(result.standardError, "")
    let lines = result.standardOutput.split(separator: "\n")
    XCTAssertEqual(lines.filter { $0.contains(": warning: ") }.count, 14)
    XCTAssertEqual(
      Array(lines.suffix(4)),
      [
        "data/overall.tsv: 52 rows, 0 errors, 0 warnings", "data/a.tsv: 70 rows, 0 errors, 11 warnings",
        "data/b.tsv: 5 rows, 0 errors, 1 warning", "data/c.tsv: 4 rows, 0 errors, 2 warnings",
      ])
  }

  func testCheckOfCleanDataExitsZero() throws {
    let result = try kyodo(["check", "--data", "Tests/KyodoTests/Fixtures/mini"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(
      result.standardOutput,
      """
      Tests/KyodoTests/Fixtures/mini/overall.tsv: 5 rows, 0 errors, 0 warnings
      Tests/KyodoTests/Fixtures/mini/a.tsv: 6 rows, 0 errors, 0 warnings

      """)
  }

  func testCheckAsTSVPutsTheSummaryOnStandardError() throws {
    let result = try kyodo([
      "check", "--data", "Tests/KyodoTests/Fixtures/mini", "--format", "tsv", "--file",
      "a=Tests/KyodoTests/Fixtures/broken/16-unknown-code/a.tsv",
    ])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardOutput,
      """
      file\tline\tcolumn\tseverity\titem\tfound\texpected\tcell
      Tests/KyodoTests/Fixtures/broken/16-unknown-code/a.tsv\t3\t4\terror\ta.4 ４ 形態\tunknown code ⑨ in '企業'\tone of ①共催 ③委託 ④補助 ⑧その他\tD3

      """)
    XCTAssertEqual(
      result.standardError,
      """
      Tests/KyodoTests/Fixtures/mini/overall.tsv: 5 rows, 0 errors, 0 warnings
      Tests/KyodoTests/Fixtures/broken/16-unknown-code/a.tsv: 2 rows, 1 error, 0 warnings

      """)
  }

  func testCheckAsJSONIsOneDocument() throws {
    let result = try kyodo([
      "check", "--data", "Tests/KyodoTests/Fixtures/mini", "--format", "json", "--file",
      "a=Tests/KyodoTests/Fixtures/broken/35-code-missing-known-label/a.tsv",
    ])
    XCTAssertEqual(result.status, 1)
    let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
    let root = try XCTUnwrap(document as? [String: Any])
    XCTAssertEqual(root["errors"] as? Int, 0)
    XCTAssertEqual(root["warnings"] as? Int, 1)
    let files = try XCTUnwrap(root["files"] as? [[String: Any]])
    XCTAssertEqual(files.map { $0["rows"] as? Int }, [5, 2])
    let diagnostic = try XCTUnwrap((files[1]["diagnostics"] as? [[String: Any]])?.first)
    XCTAssertEqual(diagnostic["line"] as? Int, 3)
    XCTAssertEqual(diagnostic["severity"] as? String, "warning")
  }

  func testCheckUsageErrorsExitWithSixtyFour() throws {
    for arguments in [["check", "--format", "csv"], ["check", "--colour"], ["check", "--year", "soon"]] {
      let result = try kyodo(arguments)
      XCTAssertEqual(result.status, 64, arguments.joined(separator: " "))
      XCTAssertEqual(result.standardOutput, "")
      XCTAssertTrue(result.standardError.hasPrefix("kyodo check: error: "), result.standardError)
    }
    let unknownForm = try kyodo(["check", "--file", "z=data/a.tsv"])
    XCTAssertEqual(unknownForm.status, 64)
  }

  func testCheckReportsAnUnreadableCodebookAsItsOnlyFile() throws {
    let result = try kyodo(["check", "--codebook", "Tests/KyodoTests/Fixtures/broken/08-empty-file/a.tsv"])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardOutput,
      """
      Tests/KyodoTests/Fixtures/broken/08-empty-file/a.tsv: error: no forms; expected at least one 'form' record
      Tests/KyodoTests/Fixtures/broken/08-empty-file/a.tsv: codebook, 1 error, 0 warnings

      """)
  }

  /// The bundled survey in UTF-8 with a BOM, UTF-16LE and UTF-16BE with a BOM, and CP932 gives the
  /// same standard report, byte for byte, and check finds the same 14 warnings. overall.tsv and
  /// a.tsv hold ⑴ and ㈶, which CP932 lacks (Excel would have to save them as Unicode text), so
  /// the CP932 run has only b.tsv and c.tsv in CP932.
  func testEveryEncodingOfTheBundledDataGivesTheSameReport() throws {
    let reference = try kyodo(["tabulate", "--format", "tsv"])
    XCTAssertEqual(reference.status, 0)
    let encodings: [(String, (String) throws -> [UInt8])] = [
      ("UTF-8 with BOM", { [0xEF, 0xBB, 0xBF] + Array($0.utf8) }),
      ("UTF-16LE", { [0xFF, 0xFE] + $0.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }),
      ("UTF-16BE", { [0xFE, 0xFF] + $0.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }),
      ("CP932", { $0.data(using: .shiftJIS).map(Array.init) ?? Array($0.utf8) }),
    ]
    for (name, encode) in encodings {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "kyodo-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: directory) }
      for file in ["codebook.tsv", "overall.tsv", "a.tsv", "b.tsv", "c.tsv"] {
        let text = try String(contentsOf: Self.root.appendingPathComponent("data/\(file)"), encoding: .utf8)
        let bytes = file == "codebook.tsv" ? Array(text.utf8) : try encode(text)
        try Data(bytes).write(to: directory.appendingPathComponent(file))
      }
      let result = try kyodo(["tabulate", "--data", directory.path, "--format", "tsv"])
      XCTAssertEqual(result.status, 0, "\(name): \(result.standardError)")
      XCTAssertEqual(
        result.standardOutput.replacingOccurrences(of: directory.path, with: "data"),
        reference.standardOutput,
        name)
      let text = try kyodo(["tabulate", "--data", directory.path])
      XCTAssertTrue(text.standardOutput.contains("/c.tsv, \(name))"), name)
      let check = try kyodo(["check", "--data", directory.path])
      XCTAssertEqual(check.status, 1, name)
      XCTAssertEqual(check.standardOutput.components(separatedBy: ": warning: ").count - 1, 14, name)
    }
  }
}
