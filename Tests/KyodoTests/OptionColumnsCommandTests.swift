import Foundation
import XCTest

/// `kyodo items` and `kyodo check` on an item written one column per option (`columns`).
final class OptionColumnsCommandTests: XCTestCase {
  private static let codebook = """
    form\toverall\t全体\toverall.tsv\tunit
    item\toverall.department\t部\t部\tdepartment\t部\tfill-down
    item\toverall.section\t課\t課\tsection\t課
    form\ta\tＡ\ta.tsv\tproject
    item\ta.department\t部\t部\tdepartment\t部\tfill-down
    item\ta.section\t課\t課\tsection\t課\tfill-down
    item\ta.4\t４\t形態\tmultiple\t形態\tcolumns
    option\ta.4\t1\t共催\t\t\t\t形態_共催
    option\ta.4\t3\t委託\t\t\t\t形態_委託

    """

  /// A directory with the codebook, an overall form and this Ａ export.
  private func directory(a: String) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    let files = ["codebook.tsv": Self.codebook, "overall.tsv": "部\t課\n市民部\t課A\n", "a.tsv": a]
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return directory.path
  }

  func testItemsListsTheColumnOfEachOption() throws {
    let data = try directory(a: "部\t課\t形態_共催\t形態_委託\n市民部\t課A\t1\t0\n")
    let result = try KyodoCommandTests.run(["items", "a", "--data", data, "--format", "tsv"])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertTrue(
      result.standardOutput.contains("a.4\t４\t形態\tmultiple, columns\t①共催 [形態_共催] ③委託 [形態_委託]"),
      result.standardOutput)
  }

  /// The cell that is no mark is named as a spreadsheet user finds it: column D, row 3.
  func testCheckNamesTheCellOfAnUnreadableMark() throws {
    let data = try directory(a: "部\t課\t形態_共催\t形態_委託\n市民部\t課A\t○\t\n\t\t○\t済\n")
    let result = try KyodoCommandTests.run(["check", "--data", data])
    XCTAssertEqual(result.status, 2, result.standardOutput + result.standardError)
    XCTAssertTrue(
      result.standardOutput.contains(
        "\(data)/a.tsv:3:4 (D3): error: a.4 ４ 形態: '済' in the column of option ③委託 ('形態_委託'); "),
      result.standardOutput)
  }
}
