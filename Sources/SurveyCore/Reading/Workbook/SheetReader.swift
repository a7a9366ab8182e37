/// Reads a worksheet's rows in order, a row at a time: each cell's text as the sheet shows it
/// (shared and inline strings, numbers as written, TRUE/FALSE, error values), and merged ranges
/// filled with their top-left cell's text.
public final class SheetReader {
  private let scanner: XMLScanner
  private let strings: SharedStrings
  private let styles: CellStyles
  /// Whether a number cell's style is looked at: only when some style is a date or time one.
  private let readsStyles: Bool
  /// The merged ranges not yet passed, by their first row.
  private var merges: [MergedRange]
  /// The merged ranges being filled, with their top-left cell's text.
  private var active: [(range: MergedRange, text: [UInt8])] = []
  private let place: (CellReference) -> String
  private var lastRow = 0

  init(
    scanner: XMLScanner, strings: SharedStrings, styles: CellStyles, merges: [MergedRange],
    place: @escaping (CellReference) -> String
  ) {
    self.scanner = scanner
    self.strings = strings
    self.styles = styles
    readsStyles = styles.hasDates
    self.merges = merges
    self.place = place
  }

  /// The next row the sheet has, or nil after the last.
  public func next() throws(SurveyError) -> SheetRow? {
    while try scanner.next() {
      if scanner.token == .end, scanner.isNamed("sheetData") { return nil }
      guard scanner.token == .start, scanner.isNamed("row") else { continue }
      var number = lastRow + 1
      if let text = try scanner.attribute("r") {
        guard let written = Int(String(decoding: text, as: UTF8.self)), written > lastRow else {
          throw SurveyError(
            Diagnostic(
              .error, file: place(CellReference(column: 0, row: lastRow + 1)),
              found: "a row numbered \(String(decoding: text, as: UTF8.self)) after row \(lastRow)",
              expected: "rows in order, as Excel writes them"))
        }
        number = written
      }
      lastRow = number
      var row = SheetRow(number: number, cells: [])
      if !scanner.isEmptyElement { try readCells(into: &row) }
      fillMerged(&row)
      return row
    }
    return nil
  }

  private func readCells(into row: inout SheetRow) throws(SurveyError) {
    var column = 0
    while try scanner.next() {
      if scanner.token == .end, scanner.isNamed("row") { return }
      guard scanner.token == .start, scanner.isNamed("c") else { continue }
      if let reference = try scanner.attribute("r") {
        guard let cell = CellReference(String(decoding: reference, as: UTF8.self)), cell.row == row.number,
          cell.column >= column
        else {
          throw SurveyError(
            Diagnostic(
              .error, file: place(CellReference(column: column, row: row.number)),
              found: "a cell named \(String(decoding: reference, as: UTF8.self)) in row \(row.number)",
              expected: "cells in order along their row"))
        }
        column = cell.column
      }
      let type = try scanner.attribute("t") ?? []
      let style = readsStyles ? try scanner.attribute("s") : nil
      let text =
        scanner.isEmptyElement
        ? [] : try readValue(type: type, style: style, at: CellReference(column: column, row: row.number))
      if !text.isEmpty {
        if row.cells.count <= column {
          row.cells.append(contentsOf: repeatElement([], count: column + 1 - row.cells.count))
        }
        row.cells[column] = text
      }
      column += 1
    }
  }

  /// Reads a cell's `<v>` or inline string up to its end tag, and gives the text it shows.
  private func readValue(type: [UInt8], style: [UInt8]?, at cell: CellReference) throws(SurveyError)
    -> [UInt8]
  {
    var value: [UInt8] = []
    var inValue = false
    var phoneticDepth = 0
    while try scanner.next() {
      switch scanner.token {
      case .end where scanner.isNamed("c"):
        return try shown(value, type: type, style: style, at: cell)
      case .start where scanner.isNamed("v") || scanner.isNamed("t"):
        inValue = !scanner.isEmptyElement
      case .end where scanner.isNamed("v") || scanner.isNamed("t"):
        inValue = false
      case .start where scanner.isNamed("rPh"):
        if !scanner.isEmptyElement { phoneticDepth += 1 }
      case .end where scanner.isNamed("rPh"):
        phoneticDepth -= 1
      case .text where inValue && phoneticDepth == 0:
        value.append(contentsOf: scanner.text)
      default:
        break
      }
    }
    throw SurveyError(
      Diagnostic(.error, file: place(cell), found: "a cell that never ends", expected: "a whole sheet"))
  }

  /// The text a cell of `type` and `style` holding `value` shows: a number in a date or time
  /// format as its date or time (`CellStyles`), other numbers as written.
  private func shown(_ value: [UInt8], type: [UInt8], style: [UInt8]?, at cell: CellReference)
    throws(SurveyError) -> [UInt8]
  {
    switch String(decoding: type, as: UTF8.self) {
    case "s":
      guard let index = Int(String(decoding: value, as: UTF8.self)), let text = strings[index] else {
        throw SurveyError(
          Diagnostic(
            .error, file: place(cell),
            found: "a shared string numbered \(String(decoding: value, as: UTF8.self))",
            expected: "one of the workbook's \(strings.count) shared strings"))
      }
      return Array(text)
    case "b":
      return Array((value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE").utf8)
    case "inlineStr", "str":
      return SpreadsheetText.unescaped(value)
    case "d":
      return styles.shown(iso: value, style: style) ?? value
    default:
      guard let style, !value.isEmpty else { return value }
      return styles.shown(value, style: style) ?? value
    }
  }

  /// Gives the cells of merged ranges the text of their top-left cell, as the sheet shows them.
  private func fillMerged(_ row: inout SheetRow) {
    while let range = merges.first, range.first.row <= row.number {
      merges.removeFirst()
      let corner = range.first.column < row.cells.count ? row.cells[range.first.column] : []
      active.append((range, range.first.row == row.number ? corner : []))
    }
    for (range, text) in active where !text.isEmpty && range.last.row >= row.number {
      if row.cells.count <= range.last.column {
        row.cells.append(contentsOf: repeatElement([], count: range.last.column + 1 - row.cells.count))
      }
      for column in range.first.column...range.last.column
      where row.number != range.first.row || column != range.first.column {
        row.cells[column] = text
      }
    }
    active.removeAll { $0.range.last.row <= row.number }
  }
}
