import Foundation
import XCTest

@testable import SurveyCore

/// The standard report of every questionnaire.
final class StandardReportTests: XCTestCase {
  /// A form with no department column still says how many rows it has: they are counted by a pass,
  /// since an export's rows are known only once read (it said "0 entries" before any pass).
  func testAFormWithoutADepartmentCountsItsRows() throws {
    let data = StreamingTests.data
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    for name in ["overall.tsv", "a.tsv", "b.tsv", "c.tsv"] {
      try FileManager.default.copyItem(
        at: data.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    // Ｃ調査票's 部 read as a section: the form then has no department item.
    let codebook = try String(contentsOf: data.appendingPathComponent("codebook.tsv"), encoding: .utf8)
      .replacingOccurrences(
        of: "item\tc.department\t部\t部\tdepartment\t", with: "item\tc.department\t部\t部\tsection\t")
    try codebook.write(
      to: directory.appendingPathComponent("codebook.tsv"), atomically: true, encoding: .utf8)
    let report = try StandardReport.make(try Survey.load(directory: directory)).value
    let section = try XCTUnwrap(report.sections.first { $0.heading == "Ｃ調査票" })
    // The bundled Ｃ調査票 lists 4 entries (see SurveyFiguresTests).
    XCTAssertEqual(section.summary, ["4 entries"])
  }

  /// A row of empty cells (Excel leaves them below formatted cells) is skipped with a warning, not
  /// counted as a project that inherits the 部 above: the bundled 70 projects stay 70.
  func testARowOfEmptyCellsIsSkippedWithAWarning() throws {
    let text = try String(contentsOf: StreamingTests.data.appendingPathComponent("a.tsv"), encoding: .utf8)
    let header = try XCTUnwrap(text.split(separator: "\r\n").first)
    let tabs = String(
      repeating: "\t", count: header.split(separator: "\t", omittingEmptySubsequences: false).count - 1)
    // The line after the file's last: its line feeds counted as bytes ("\r\n" is one Character).
    let blankLine = text.utf8.filter { $0 == 0x0A }.count + 1
    let directory = try StreamingTests.bundledWith(a: Array((text + tabs + "\r\n").utf8), in: self)
    let outcome = try StandardReport.make(try Survey.load(directory: directory))
    let section = try XCTUnwrap(outcome.value.sections.first { $0.heading.hasPrefix("Ａ調査票") })
    XCTAssertTrue(
      section.summary.first?.hasPrefix("70 projects in 11 departments") ?? false, "\(section.summary)")
    let skipped = outcome.warnings.filter { $0.found == "a row of empty cells; it is skipped" }
    XCTAssertEqual(skipped.map(\.line), [blankLine])
  }
}
