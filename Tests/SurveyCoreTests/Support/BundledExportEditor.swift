import Foundation
import XCTest

@testable import SurveyCore

/// Edits cells of a bundled export by project number and column header, keeping every other byte
/// as it is, so that an end-to-end test can put into the real survey a cell as offices type it.
struct BundledExportEditor {
  /// The records of the file, each a list of raw fields (quotes and all, as in the file).
  private var records: [[String]]

  init(contentsOf url: URL) throws {
    let text = try String(contentsOf: url, encoding: .utf8)
    var records: [[String]] = [[]]
    var field = ""
    var quoted = false
    for character in text {
      if character == "\"" { quoted.toggle() }
      if !quoted && character == "\t" {
        records[records.count - 1].append(field)
        field = ""
      } else if !quoted && character == "\r\n" {
        records[records.count - 1].append(field)
        field = ""
        records.append([])
      } else {
        field.append(character)
      }
    }
    if !field.isEmpty || !(records.last?.isEmpty ?? true) { records[records.count - 1].append(field) }
    if records.last?.isEmpty ?? false { records.removeLast() }
    self.records = records
  }

  /// Sets the cell of the row whose `番号` is `number`, in the column headed `header`.
  mutating func set(_ header: String, ofProject number: Int, to value: String) throws {
    let columns = try XCTUnwrap(records.first)
    let column = try XCTUnwrap(columns.firstIndex(of: header), "no column \(header)")
    let numberColumn = try XCTUnwrap(columns.firstIndex(of: "番号"))
    let row = try XCTUnwrap(
      records.firstIndex { $0.count > numberColumn && $0[numberColumn] == String(number) })
    let needsQuotes = value.contains { $0 == "\t" || $0 == "\n" || $0 == "\"" || $0 == "\r\n" }
    records[row][column] =
      needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
  }

  /// The file's bytes, CRLF line ends as in the bundled exports.
  var bytes: [UInt8] {
    Array(records.map { $0.joined(separator: "\t") }.joined(separator: "\r\n").utf8) + [0x0D, 0x0A]
  }
}
