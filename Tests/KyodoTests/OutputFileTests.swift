import Foundation
import XCTest

/// `--output FILE`: the result written whole, or nothing and status 74.
final class OutputFileTests: XCTestCase {
  func testWorkbookWrittenToTheFileNamed() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("集計.xlsx").path
    let result = try KyodoCommandTests.run([
      "tabulate", "形態", "--by", "部", "--format", "xlsx", "--output", path,
    ])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.standardOutput, "")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04])
    // Nothing but the workbook is left beside it (no temporary file).
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["集計.xlsx"])
    // A text format goes to the file as well.
    let tsv = try KyodoCommandTests.run(["tabulate", "形態", "--format", "tsv", "--output", path])
    XCTAssertEqual(tsv.status, 0)
    XCTAssertEqual(
      try String(contentsOfFile: path, encoding: .utf8),
      try KyodoCommandTests.run(["tabulate", "形態", "--format", "tsv"]).standardOutput)
  }

  func testUnwritableDestinationIsStatus74() throws {
    let result = try KyodoCommandTests.run([
      "tabulate", "形態", "--format", "xlsx", "--output", "/nonexistent/集計.xlsx",
    ])
    XCTAssertEqual(result.status, 74)
    XCTAssertTrue(
      result.standardError.contains("cannot write to /nonexistent/集計.xlsx: No such file or directory"),
      result.standardError)
  }
}
