import Foundation
import XCTest

@testable import SurveyCore

/// A log keeps problems up to its limits and counts the rest, so that the number of warnings a
/// run reports is exact however many it lists.
final class DiagnosticTests: XCTestCase {
  private func warning(_ line: Int) -> Diagnostic {
    Diagnostic(.warning, file: "a.tsv", line: line, found: "a label that does not match its code")
  }

  func testAWarningLimitCountsTheWarningsItDoesNotKeepButKeepsErrors() {
    var log = DiagnosticLog(limit: 100, warningLimit: 2)
    for line in 1...5 { log.append(warning(line)) }
    log.append(Diagnostic(.error, file: "a.tsv", line: 6, found: "unknown code ⑳"))
    XCTAssertEqual(log.diagnostics.map(\.line), [1, 2, 6])
    XCTAssertEqual(log.omittedWarnings, 3)
    XCTAssertEqual(log.omittedErrors, 0)
    XCTAssertEqual(log.empty.warningLimit, 2)
    XCTAssertEqual(log.empty.limit, 100)
  }

  func testTheNoteOfOmittedProblemsCountsTheWarningsItStandsFor() throws {
    var log = DiagnosticLog(limit: 3)
    for line in 1...10 { log.append(warning(line)) }
    let note = try XCTUnwrap(log.omissionNote(file: "a.tsv"))
    XCTAssertEqual(note.found, "7 more problems not listed (0 errors, 7 warnings)")
    XCTAssertEqual((log.diagnostics + [note]).reduce(0) { $0 + $1.warningCount }, 10)
    XCTAssertEqual(Diagnostic(.error, file: "a.tsv", found: "x").warningCount, 0)
  }

  /// A log that keeps no warning says how many it counted, not that a limit was passed; errors
  /// past the limit are still problems not listed.
  func testWarningsOnlyCountedAreNotCalledProblemsNotListed() throws {
    var counting = DiagnosticLog(limit: 10, warningLimit: 0)
    for line in 1...3 { counting.append(warning(line)) }
    counting.append(Diagnostic(.error, file: "a.tsv", line: 4, found: "unknown code ⑳"))
    let note = try XCTUnwrap(counting.omissionNote(file: "a.tsv"))
    XCTAssertEqual(note.description, "a.tsv: warning: 3 warnings, counted and not listed")
    XCTAssertEqual(note.warningCount, 3)
    var full = DiagnosticLog(limit: 1, warningLimit: 0)
    for line in 1...2 { full.append(Diagnostic(.error, file: "a.tsv", line: line, found: "x")) }
    full.append(warning(3))
    XCTAssertEqual(
      full.omissionNote(file: "a.tsv")?.found, "2 more problems not listed (1 error, 1 warning)")
  }

  /// The bundled data's 14 warnings (11 in a.tsv, 1 in b.tsv, 2 in c.tsv: see README's kyodo check),
  /// counted when none are kept, in memory and streamed.
  func testWarningsCountedButNotKeptAddUpToTheWarningsListed() throws {
    let data = StreamingTests.data
    let listed = try Survey.load(directory: data)
    XCTAssertEqual(try StandardReport.make(listed).warnings.count, 14)
    let counted = try Survey.load(directory: data, warningsKept: 0)
    let warnings = try StandardReport.make(counted).warnings
    XCTAssertEqual(warnings.reduce(0) { $0 + $1.warningCount }, 14)
    XCTAssertTrue(warnings.allSatisfy { $0.omittedWarnings > 0 }, "only the notes are kept")
  }
}
