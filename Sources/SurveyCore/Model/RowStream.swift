import Foundation

/// How a streamed export's rows are read again: a new reader over the file for each pass, the
/// unit each row belongs to, and what the first complete pass found wrong.
public struct RowStream: Sendable {
  let open: @Sendable () -> (FormReader, FileChunks)?
  let place: @Sendable (Row) -> Row
  let unitWarning: (@Sendable (Row) -> Diagnostic)?
  let check = StreamCheck()
  /// The file, for reading it in parts (`count`).
  let url: URL?
  /// A new lookup of units, one per thread that reads rows.
  let units: (@Sendable () -> UnitLookup)?
  /// The smallest part of a file worth a thread of its own.
  var minimumPartBytes = 4 << 20
  /// The largest part a counting pass reads: what a part counts is held until its turn to hand it
  /// over, so this bounds the memory of a pass.
  var partBytes = 40 << 20
  /// The most combinations a part counts before handing them over, when it may (a part read alone:
  /// a small file, one read in one part, or the part that reads on after a wrong guess).
  var combinationsHeld = 1 << 16

  init(
    open: @escaping @Sendable () -> (FormReader, FileChunks)?, place: @escaping @Sendable (Row) -> Row,
    unitWarning: (@Sendable (Row) -> Diagnostic)?, url: URL?, units: (@Sendable () -> UnitLookup)?
  ) {
    self.open = open
    self.place = place
    self.unitWarning = unitWarning
    self.url = url
    self.units = units
  }

  /// Hands every row to `body`, in file order; a pass that reaches the end also records what it
  /// found, the first time.
  func forEach(_ body: (Row) throws -> Void) rethrows {
    guard let opened = open() else { return }
    var reader = opened.0
    let checking = !check.isDone
    var count = 0
    var units = reader.log.empty
    while let row = reader.next() {
      let placed = place(row)
      if checking {
        count += 1
        if placed.unit == nil, let unitWarning { units.append(unitWarning(row)) }
      }
      try body(placed)
    }
    guard checking else { return }
    check.finish(
      rowCount: count, log: reader.log, units: units, file: reader.file, encoding: opened.1.encoding)
  }

  /// Hands the rows `keeps` accepts to `body`, in file order. Once the export is checked, the
  /// other cells of a row are read only when it is kept (`RowFilter`): `keeps` then sees the row
  /// placed in its unit, holding only the cells of `items`, once per distinct combination of them.
  /// Before, every row is read (and checked), then tested.
  func forEach<Failure: Error>(
    reading items: [Int], keeping keeps: @escaping (Row) -> Bool, _ body: (Row) throws(Failure) -> Void
  ) throws(Failure) {
    guard check.isDone else {
      var failure: Failure?
      forEach { row in
        guard failure == nil, keeps(row) else { return }
        do throws(Failure) { try body(row) } catch { failure = error }
      }
      if let failure { throw failure }
      return
    }
    guard var reader = open()?.0 else { return }
    let place = self.place
    reader.keepingOnly(RowFilter(items: items) { keeps(place($0)) })
    while let row = reader.next() { try body(place(row)) }
  }
}
