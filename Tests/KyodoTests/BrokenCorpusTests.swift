import Foundation
import XCTest

/// `kyodo check` on the broken corpus: one directory per kind of damage under
/// `Fixtures/broken/`, each with its damaged export(s) and the exact output they must produce.
extension KyodoCommandTests {
  static let broken = fixtures.appendingPathComponent("broken")

  /// The corpus directories, in order.
  func brokenCases() throws -> [URL] {
    try FileManager.default.contentsOfDirectory(
      at: Self.broken, includingPropertiesForKeys: [.isDirectoryKey]
    )
    .filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
    .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  /// `kyodo check` on the miniature survey with each `FORM.tsv` of the directory given by
  /// `--file`, with paths relative to the repository so the output is the same in any clone.
  func checkBrokenCase(_ directory: URL) throws -> Result {
    let relative = "Tests/KyodoTests/Fixtures/broken/" + directory.lastPathComponent
    let exports = try FileManager.default.contentsOfDirectory(atPath: directory.path)
      .filter { $0.hasSuffix(".tsv") }.sorted()
    var arguments = ["check", "--data", "Tests/KyodoTests/Fixtures/mini", "--year", "2025"]
    for export in exports {
      arguments += ["--file", "\(export.dropLast(4))=\(relative)/\(export)"]
    }
    return try kyodo(arguments)
  }

  func testTheBrokenCorpusHasAtLeastThirtyKindsOfDamage() throws {
    XCTAssertGreaterThanOrEqual(try brokenCases().count, 30)
  }

  /// Each case prints exactly its expected.txt, and the exit status follows from it: 2 when it
  /// holds an error, 1 when only warnings, 0 when clean.
  func testEveryBrokenExportGivesItsExactDiagnostics() throws {
    for directory in try brokenCases() {
      let name = directory.lastPathComponent
      let expected = try String(
        contentsOf: directory.appendingPathComponent("expected.txt"), encoding: .utf8)
      let result = try checkBrokenCase(directory)
      XCTAssertEqual(result.standardOutput, expected, name)
      XCTAssertEqual(result.standardError, "", name)
      let status: Int32 = expected.contains(": error: ") ? 2 : expected.contains(": warning: ") ? 1 : 0
      XCTAssertEqual(result.status, status, name)
    }
  }
}
