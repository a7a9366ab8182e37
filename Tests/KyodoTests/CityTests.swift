import Foundation
import XCTest

/// A designated city's survey (Fixtures/city, written by its make-city.py): 39 units in 局・区 →
/// 部 → 課 with seven 区役所 of the same 部 and 課 names and a 会計室 without 部, 120 projects, the
/// overall form in UTF-16LE and the projects in CP932, codes written as ①, 1, １, `1.共催`,
/// `(2)委託` and `1、3`, blank cells of U+200B and U+3000, a row of empty cells. Every expected
/// figure is in expected.txt, counted by the script from the values it chose, not from the cells.
final class CityTests: XCTestCase {
  static let city = KyodoCommandTests.root.appendingPathComponent("Tests/KyodoTests/Fixtures/city").path

  /// expected.txt: `KEY… VALUE` lines.
  private func expected() throws -> [String: Int] {
    let text = try String(contentsOfFile: Self.city + "/expected.txt", encoding: .utf8)
    var figures: [String: Int] = [:]
    for line in text.split(separator: "\n") {
      var words = line.split(separator: " ").map(String.init)
      guard let value = words.popLast().flatMap({ Int($0) }) else { continue }
      figures[words.joined(separator: " ")] = value
    }
    return figures
  }

  /// The TSV lines of `tabulate ARGUMENTS`, as dictionaries by column.
  private func lines(_ arguments: [String]) throws -> [[String: String]] {
    let result = try KyodoCommandTests.run(
      ["tabulate"] + arguments + ["--data", Self.city, "--format", "tsv"])
    XCTAssertEqual(result.status, 0, result.standardError)
    let rows = result.standardOutput.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  private func counts(_ item: String) throws -> [String: Int] {
    Dictionary(
      try lines([item]).compactMap { line in
        line["code"].flatMap { code in line["n"].flatMap(Int.init).map { (code, $0) } }
      }
    ) { first, _ in first }
  }

  func testFrequenciesOfEveryCellForm() throws {
    let figures = try expected()
    let overall = try counts("問１")
    for code in ["1", "2", "3", "NA"] {
      XCTAssertEqual(overall[code], figures["overall.1 \(code)"], "問１ \(code)")
    }
    let forms = try counts("形態")
    for code in ["1", "2", "3", "4"] { XCTAssertEqual(forms[code], figures["a.2 \(code)"], "形態 \(code)") }
    XCTAssertEqual(forms["base"], figures["projects"])
    let kinds = try counts("類型")
    for code in ["1", "2", "3", "NA"] { XCTAssertEqual(kinds[code], figures["a.3 \(code)"], "類型 \(code)") }
  }

  func testProjectsByTheTopLevelAndJoinedToTheirUnitsAnswer() throws {
    let figures = try expected()
    var wards: [String: Int] = [:]
    for line in try lines(["類型", "--by", "局・区"]) where line["row_code"] != "total" {
      if let label = line["row_label"], let base = line["base"].flatMap(Int.init) { wards[label] = base }
    }
    for (key, value) in figures where key.hasPrefix("a by ward ") {
      XCTAssertEqual(wards[String(key.dropFirst("a by ward ".count))] ?? 0, value, key)
    }
    var joined: [String: Int] = [:]
    for line in try lines(["類型", "--by", "問１"]) {
      if let code = line["row_code"], let base = line["base"].flatMap(Int.init) { joined[code] = base }
    }
    for code in ["1", "2", "3"] {
      XCTAssertEqual(joined[code], figures["a by overall.1 \(code)"], "joined \(code)")
    }
  }

  func testCheckListsOnlyTheRowOfEmptyCells() throws {
    let result = try KyodoCommandTests.run(["check", "--data", Self.city])
    XCTAssertEqual(result.status, 1, result.standardOutput)
    XCTAssertTrue(
      result.standardOutput.contains("a.tsv:67 (row 63): warning: a row of empty cells; it is skipped"))
    XCTAssertTrue(
      result.standardOutput.hasSuffix("a.tsv: 121 rows, 0 errors, 1 warning\n"), result.standardOutput)
  }
}
