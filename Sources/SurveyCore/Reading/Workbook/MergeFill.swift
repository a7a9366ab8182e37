/// Gives the cells of a sheet's merged ranges the text of their top-left cell, as the sheet shows
/// them, to the sheet's rows handed to it in order.
public struct MergeFill {
  /// The merged ranges not yet reached, by their first row.
  private var pending: ArraySlice<MergedRange>
  /// The merged ranges being filled, with their top-left cell's text.
  private var active: [(range: MergedRange, text: [UInt8])] = []

  /// A filler of the ranges (in any order).
  public init(_ merges: [MergedRange]) {
    pending = merges.sorted { ($0.first.row, $0.first.column) < ($1.first.row, $1.first.column) }[...]
  }

  /// The last row a merged range covers: rows after it are left as they are.
  public var lastRow: Int { pending.map(\.last.row).max() ?? 0 }

  /// Fills the row's cells that merged ranges cover.
  public mutating func fill(_ row: inout SheetRow) {
    while let range = pending.first, range.first.row <= row.number {
      pending.removeFirst()
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
