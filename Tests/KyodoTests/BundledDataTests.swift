import Foundation
import XCTest

/// The survey kyodo carries (data/*.tsv embedded at build time): read from any folder, with
/// --data and ./data winning over it.
final class BundledDataTests: XCTestCase {
  private func emptyDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
  }

  func testEmbeddedSurveyPrintsWhatTheRepositorysDataPrints() throws {
    let elsewhere = try emptyDirectory()
    for arguments in [["tabulate"], ["check", "--format", "json"], ["tabulate", "形態", "--by", "設問２"]] {
      let inRepository = try KyodoCommandTests.run(arguments)
      let outside = try KyodoCommandTests.run(arguments, directory: elsewhere)
      XCTAssertEqual(outside.standardOutput, inRepository.standardOutput, "\(arguments)")
      XCTAssertEqual(outside.standardError, inRepository.standardError, "\(arguments)")
      XCTAssertEqual(outside.status, inRepository.status, "\(arguments)")
    }
    // The figure CI checks: the bundled report's first form.
    XCTAssertTrue(
      try KyodoCommandTests.run(["tabulate"], directory: elsewhere).standardOutput.contains(
        "52 units in 15 departments"))
  }

  func testLocalDataAndDataOptionWinOverTheEmbeddedSurvey() throws {
    let directory = try emptyDirectory()
    try FileManager.default.copyItem(
      at: URL(fileURLWithPath: KyodoCommandTests.mini), to: directory.appendingPathComponent("data"))
    let local = try KyodoCommandTests.run(["tabulate"], directory: directory)
    let given = try KyodoCommandTests.run(["tabulate", "--data", KyodoCommandTests.mini])
    // The same tables; only the files' names differ (data/a.tsv against the path given).
    XCTAssertEqual(
      local.standardOutput,
      given.standardOutput.replacingOccurrences(of: KyodoCommandTests.mini + "/", with: "data/"))
    XCTAssertFalse(local.standardOutput.contains("52 units in 15 departments"))
  }
}
