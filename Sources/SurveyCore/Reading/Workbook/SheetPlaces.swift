/// Where the records of a sheet written out as TSV came from: the TSV line each record starts
/// on, and the sheet row it was. A diagnostic about such a copy is given back the sheet's row
/// and column letter (`調査.xlsx:Ａ調査票!J6`), which is what a spreadsheet user looks for.
public struct SheetPlaces: Sendable {
  /// The name diagnostics give the copy: the workbook and the sheet, `調査.xlsx:Ａ調査票`.
  public let file: String
  /// At each TSV line where the difference between line and row changes, that line and its row;
  /// a copy without cells of several lines has none (line = row).
  private var shifts: [(line: Int, row: Int)] = []

  public init(file: String) {
    self.file = file
  }

  /// Notes that the record starting on TSV `line` is sheet row `row` (lines given in order).
  public mutating func record(line: Int, row: Int) {
    let current = shifts.last.map { $0.row - $0.line } ?? 0
    if row - line != current { shifts.append((line, row)) }
  }

  /// The sheet row of the record starting on TSV `line`.
  public func row(ofLine line: Int) -> Int {
    var low = 0
    var high = shifts.count
    while low < high {
      let middle = (low + high) / 2
      if shifts[middle].line <= line { low = middle + 1 } else { high = middle }
    }
    return low == 0 ? line : line + shifts[low - 1].row - shifts[low - 1].line
  }

  /// The TSV line the record of sheet row `row` starts on.
  public func line(ofRow row: Int) -> Int {
    guard let shift = shifts.last(where: { $0.row <= row }) else { return row }
    return row - shift.row + shift.line
  }

  /// Makes these the places of the same copy with its lines before `line` written anew (their
  /// places being `top`'s) and the rest moved by `offset` lines, in place: a large sheet's
  /// places are not copied.
  public mutating func rewrite(before line: Int, as top: SheetPlaces, movedBy offset: Int) {
    var head = top
    head.record(line: line + offset, row: row(ofLine: line))
    let kept = shifts.firstIndex { $0.line > line } ?? shifts.count
    shifts.replaceSubrange(0..<kept, with: head.shifts)
    for index in head.shifts.count..<shifts.count { shifts[index].line += offset }
  }

  /// The diagnostic with the sheet's place instead of the copy's line and field: `FILE!J6` when
  /// it names a field, `FILE` and the row as its line when it names a record only.
  public func placed(_ diagnostic: Diagnostic) -> Diagnostic {
    guard diagnostic.file == file, let line = diagnostic.line else { return diagnostic }
    let row = row(ofLine: line)
    let cell = diagnostic.column.flatMap { $0 > 0 ? CellReference(column: $0 - 1, row: row) : nil }
    return diagnostic.inSheet(file, cell: cell, row: row)
  }

  /// The diagnostic with the sheet's cell beside its line (`a.tsv:68:11 (K10)`), or the row for
  /// a problem of the whole record (`a.tsv:23 (row 22)`): for a text export, whose lines are kept.
  public func annotated(_ diagnostic: Diagnostic) -> Diagnostic {
    guard diagnostic.file == file, let line = diagnostic.line, diagnostic.cell == nil else {
      return diagnostic
    }
    var annotated = diagnostic
    let row = row(ofLine: line)
    if let column = diagnostic.column, column > 0 {
      annotated.cell = CellReference(column: column - 1, row: row).description
    } else {
      annotated.cell = "row \(row)"
    }
    return annotated
  }

  /// The places of a text export's records: each record is a sheet row (Excel saves one per
  /// row, a blank row as an empty record), so its row is its number, the header's being 1.
  /// `separator` is the tab of TSV or the comma of CSV: a quote opens a field only after it. The
  /// file is read up to `throughLine`; rows after it are not known. A hot loop, over every byte up
  /// to that line: one state machine, which passes over the bytes inside a field at once.
  public static func ofRecords(
    in chunks: FileChunks, separator: UInt8 = 0x09, throughLine lastLine: Int = .max
  ) throws(SurveyError) -> SheetPlaces {
    var places = SheetPlaces(file: chunks.file)
    var line = 1
    var row = 1
    var fieldStart = true
    var quoted = false
    var quoteSeen = false
    var carriageReturn = false
    // The bytes that change what follows; a field's other bytes are passed over at once.
    var special = [Bool](repeating: false, count: 256)
    for byte in [0x0A, 0x0D, 0x22, separator] { special[Int(byte)] = true }
    // Read only as far as the last line asked about: the problems listed often all lie near the start.
    while line <= lastLine, let chunk = try chunks.nextChunk() {
      chunk.withUnsafeBufferPointer { bytes in
        var index = 0
        while index < bytes.count {
          if !carriageReturn && !quoteSeen && !fieldStart {
            while index < bytes.count && !special[Int(bytes[index])] { index += 1 }
            guard index < bytes.count else { break }
          }
          let byte = bytes[index]
          index += 1
          if carriageReturn {
            carriageReturn = false
            if byte == 0x0A { continue }
          }
          if quoted {
            if quoteSeen {
              quoteSeen = false
              if byte == 0x22 { continue }
              quoted = false
            } else if byte == 0x22 {
              quoteSeen = true
              continue
            } else {
              if byte == 0x0A || byte == 0x0D {
                line += 1
                carriageReturn = byte == 0x0D
              }
              continue
            }
          }
          switch byte {
          case 0x0A, 0x0D:
            line += 1
            row += 1
            carriageReturn = byte == 0x0D
            places.record(line: line, row: row)
            fieldStart = true
          case separator:
            fieldStart = true
          case 0x22 where fieldStart:
            quoted = true
            fieldStart = false
          default:
            fieldStart = false
          }
        }
      }
    }
    return places
  }
}
