import XCTest

@testable import SurveyCore

/// Cells parsed by one part of a pass, found by the next: the same value, the diagnostics placed
/// where the next part meets the cell.
final class ParsedCellsTests: XCTestCase, SmallSurveyTesting {
  /// The shared cells of the small survey's Ａ form, the index of its item `id`, and a maker of a
  /// part's table of that item (in column `column`) sharing them.
  private func sharing(item id: String, column: Int) throws -> (
    shared: ParsedCells, index: Int, table: () -> CellTable
  ) {
    let codebook = try survey().codebook
    let form = try XCTUnwrap(codebook.forms.first { $0.id == "a" })
    let index = try XCTUnwrap(form.items.firstIndex { $0.id == id })
    let shared = ParsedCells(items: form.items)
    let table = {
      CellTable(
        item: form.items[index], codebook: codebook, file: "a.tsv", column: column, shared: (shared, index))
    }
    return (shared, index, table)
  }

  func testAPartFindsWhatAnotherParsedWithItsDiagnosticsAtItsOwnLine() throws {
    let (shared, index, table) = try sharing(item: "a.5", column: 5)
    var first = table()
    var second = table()
    var log = DiagnosticLog()
    // Two codes in single-choice 類型: a warning at the line where each part meets the cell.
    let cell = Array("①③".utf8)
    let firstID = cell.withUnsafeBufferPointer { first.id(of: $0, line: 3, log: &log) }
    XCTAssertNotNil(cell.withUnsafeBufferPointer { shared.find(item: index, $0) })
    let secondID = cell.withUnsafeBufferPointer { second.id(of: $0, line: 9, log: &log) }
    XCTAssertEqual(
      first.value(firstID), .codes([CodedAnswer(code: 1, text: ""), CodedAnswer(code: 3, text: "")]))
    XCTAssertEqual(second.value(secondID), first.value(firstID))
    XCTAssertEqual(log.diagnostics.map(\.line), [3, 9])
    XCTAssertEqual(log.diagnostics.map(\.column), [5, 5])
    XCTAssertEqual(log.diagnostics[0].found, log.diagnostics[1].found)
    XCTAssertTrue(
      log.diagnostics[1].found.hasPrefix("2 codes (①③) in a single-choice item"), log.diagnostics[1].found)
  }

  func testFreeTextIsNotKept() throws {
    let (shared, index, makeTable) = try sharing(item: "a.number", column: 3)
    var table = makeTable()
    var log = DiagnosticLog()
    let cell = Array("42".utf8)
    _ = cell.withUnsafeBufferPointer { table.id(of: $0, line: 2, log: &log) }
    XCTAssertNil(cell.withUnsafeBufferPointer { shared.find(item: index, $0) })
  }

  func testAPartWhoseNewCellsAreNeverFoundStopsAsking() throws {
    let (shared, index, makeTable) = try sharing(item: "a.7", column: 6)
    var table = makeTable()
    var log = DiagnosticLog()
    // 1,100 different approximate amounts, none parsed by another part: the first 1,024 are kept
    // for the parts after, then the part parses the rest without asking or keeping.
    let cells = (1...1_100).map { Array("①約\($0)千円".utf8) }
    for (line, cell) in cells.enumerated() {
      _ = cell.withUnsafeBufferPointer { table.id(of: $0, line: line + 2, log: &log) }
    }
    XCTAssertNotNil(cells[1_023].withUnsafeBufferPointer { shared.find(item: index, $0) })
    XCTAssertNil(cells[1_024].withUnsafeBufferPointer { shared.find(item: index, $0) })
    XCTAssertNil(cells[1_099].withUnsafeBufferPointer { shared.find(item: index, $0) })
    XCTAssertTrue(log.diagnostics.isEmpty)
  }
}
