import Foundation
import SurveyCore

/// Writes a sheet's rows as TSV to a file: a row per sheet row (an empty line for a row the sheet
/// leaves out), each as wide as the first (the header), cells holding a tab, a line break or a
/// leading quote quoted as Excel quotes them; the places of its records are noted.
struct SheetSpool {
  private let writer: DescriptorWriter
  private(set) var places: SheetPlaces
  private var buffer: [UInt8] = []
  /// The line the next record starts on.
  private(set) var line = 1
  private var nextRow = 1
  /// The header's width, once written.
  private(set) var width: Int?

  init(descriptor: Int32, path: String, file: String) {
    writer = DescriptorWriter(descriptor: descriptor, destination: path)
    places = SheetPlaces(file: file)
  }

  /// Writes an empty line for each row the sheet leaves out before `row`.
  mutating func skip(to row: Int) {
    while nextRow < row {
      buffer.append(0x0A)
      line += 1
      nextRow += 1
    }
  }

  /// Writes the row (rows given in order).
  mutating func write(_ row: SheetRow) throws {
    skip(to: row.number)
    places.record(line: line, row: row.number)
    // A sheet leaves out a row's empty cells at its end; the header's row says how many there are.
    if width == nil { width = row.cells.count }
    for (index, cell) in row.cells.enumerated() {
      if index > 0 { buffer.append(0x09) }
      line += Self.append(cell, to: &buffer)
    }
    if let width, row.cells.count < width, !row.cells.isEmpty {
      buffer += repeatElement(0x09, count: width - row.cells.count)
    }
    buffer.append(0x0A)
    line += 1
    nextRow = row.number + 1
    if buffer.count >= 1 << 20 {
      try writer.write(buffer[...])
      buffer.removeAll(keepingCapacity: true)
    }
  }

  /// The places of the records written, handed over: the spool keeps none.
  mutating func takePlaces() -> SheetPlaces {
    defer { places = SheetPlaces(file: places.file) }
    return places
  }

  /// Writes what is left in the buffer.
  mutating func finish() throws {
    try writer.write(buffer[...])
    buffer = []
  }

  /// Appends a cell as a TSV field; returns the line breaks it holds.
  private static func append(_ cell: [UInt8], to buffer: inout [UInt8]) -> Int {
    // A byte below 0x20 or a quote is rare: the cell is looked at through a pointer for them.
    let needsQuotes = cell.withUnsafeBufferPointer { bytes in
      bytes.first == UInt8(ascii: "\"")
        || bytes.contains { $0 < 0x0E && ($0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
    }
    guard needsQuotes else {
      buffer += cell
      return 0
    }
    var breaks = 0
    buffer.append(UInt8(ascii: "\""))
    for (index, byte) in cell.enumerated() {
      buffer.append(byte)
      if byte == UInt8(ascii: "\"") { buffer.append(byte) }
      if byte == 0x0A || (byte == 0x0D && (index + 1 == cell.count || cell[index + 1] != 0x0A)) {
        breaks += 1
      }
    }
    buffer.append(UInt8(ascii: "\""))
    return breaks
  }
}
