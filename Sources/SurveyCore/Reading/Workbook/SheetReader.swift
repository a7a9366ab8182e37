/// Reads a worksheet's rows in order, a row at a time: each cell's text as the sheet shows it
/// (shared and inline strings, numbers as written or as dates, TRUE/FALSE, error values). The
/// sheet's merged ranges follow its rows in the XML: they are in `merges` once the last row has
/// been read, for a `MergeFill` of the rows.
///
/// An error names the cell being read, or the last cell read, or the row when none of its cells
/// has been: `調査.xlsx:Ａ調査票!J6`, `調査.xlsx:Ａ調査票:6`.
public final class SheetReader {
  private let scanner: XMLScanner
  private let strings: SharedStrings
  private let styles: CellStyles
  /// Whether a number cell's style is looked at: only when some style is a date or time one.
  private let readsStyles: Bool
  /// The sheet's merged ranges, read after its last row.
  public private(set) var merges: [MergedRange] = []
  /// The sheet in diagnostics (`調査.xlsx:Ａ調査票`), and the workbook (`調査.xlsx`).
  private let sheetPlace: String
  private let workbook: String
  private var lastRow = 0
  /// Where reading is: a row (its number), then its cells.
  private var row = 0
  private var cell: CellReference?

  /// The thread inflating the sheet, stopped when the reader is done with.
  private let readAhead: ReadAhead?

  init(
    scanner: XMLScanner, strings: SharedStrings, styles: CellStyles, place: String, workbook: String,
    readAhead: ReadAhead? = nil
  ) {
    self.readAhead = readAhead
    self.scanner = scanner
    self.strings = strings
    self.styles = styles
    readsStyles = styles.hasDates
    sheetPlace = place
    self.workbook = workbook
  }

  deinit {
    readAhead?.stop()
  }

  /// The next row the sheet has, or nil after the last (when `merges` have been read).
  public func next() throws(SurveyError) -> SheetRow? {
    do {
      return try nextRow()
    } catch {
      throw SurveyError(error.diagnostics.map(placed))
    }
  }

  /// The diagnostic of an error about the sheet or the workbook, at the place reading reached.
  private func placed(_ diagnostic: Diagnostic) -> Diagnostic {
    guard diagnostic.file == sheetPlace || diagnostic.file == workbook else { return diagnostic }
    return diagnostic.inSheet(sheetPlace, cell: cell, row: row > 0 ? row : nil)
  }

  private func place(_ cell: CellReference) -> String {
    "\(sheetPlace)!\(cell)"
  }

  private func nextRow() throws(SurveyError) -> SheetRow? {
    while try scanner.next() {
      if scanner.token == .end, scanner.isNamed("sheetData") {
        try readMerges()
        return nil
      }
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
      (row, cell) = (number, nil)
      var row = SheetRow(number: number, cells: [])
      if !scanner.isEmptyElement { try readCells(into: &row) }
      return row
    }
    return nil
  }

  /// Reads the `mergeCell` elements after the rows.
  private func readMerges() throws(SurveyError) {
    while try scanner.next() {
      guard scanner.token == .start, scanner.isNamed("mergeCell"), let ref = try scanner.attribute("ref"),
        let range = MergedRange(String(decoding: ref, as: UTF8.self))
      else { continue }
      merges.append(range)
    }
  }

  private func readCells(into row: inout SheetRow) throws(SurveyError) {
    var column = 0
    while try scanner.next() {
      if scanner.token == .end, scanner.isNamed("row") { return }
      guard scanner.token == .start, scanner.isNamed("c") else { continue }
      if let reference = try scanner.attributeSlice("r") {
        guard let cell = CellReference(utf8: reference), cell.row == row.number,
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
      self.cell = CellReference(column: column, row: row.number)
      let type = try Self.type(scanner.attributeSlice("t"))
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
  private func readValue(type: CellType, style: [UInt8]?, at cell: CellReference) throws(SurveyError)
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
        scanner.appendText(to: &value)
      default:
        break
      }
    }
    throw SurveyError(
      Diagnostic(.error, file: place(cell), found: "a cell that never ends", expected: "a whole sheet"))
  }

  /// The types of cell (`t`) whose text is not the value as written.
  private enum CellType {
    case number, sharedString, boolean, inlineString, date, other
  }

  private static func type(_ bytes: ArraySlice<UInt8>?) -> CellType {
    guard let bytes else { return .number }
    switch String(decoding: bytes, as: UTF8.self) {
    case "n": return .number
    case "s": return .sharedString
    case "b": return .boolean
    case "inlineStr", "str": return .inlineString
    case "d": return .date
    default: return .other
    }
  }

  /// The text a cell of `type` and `style` holding `value` shows: a number in a date or time
  /// format as its date or time (`CellStyles`), other numbers as written.
  private func shown(_ value: [UInt8], type: CellType, style: [UInt8]?, at cell: CellReference)
    throws(SurveyError) -> [UInt8]
  {
    switch type {
    case .sharedString:
      guard let index = Self.index(value), let text = try strings.text(at: index) else {
        throw SurveyError(
          Diagnostic(
            .error, file: place(cell),
            found: "a shared string numbered \(String(decoding: value, as: UTF8.self))",
            expected: "one of the workbook's \(strings.count) shared strings"))
      }
      return text
    case .boolean:
      return Array((value == [UInt8(ascii: "1")] ? "TRUE" : "FALSE").utf8)
    case .inlineString:
      return SpreadsheetText.unescaped(value)
    case .date:
      return styles.shown(iso: value, style: style) ?? value
    case .other:
      return value
    case .number:
      guard let style, !value.isEmpty else { return value }
      return styles.shown(value, style: style) ?? value
    }
  }

  /// The number of a shared string: decimal digits, at most 18 of them.
  private static func index(_ digits: [UInt8]) -> Int? {
    guard !digits.isEmpty, digits.count <= 18 else { return nil }
    var value = 0
    for digit in digits {
      guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(digit - UInt8(ascii: "0"))
    }
    return value
  }
}
