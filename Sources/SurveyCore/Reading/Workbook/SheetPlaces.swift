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

  /// The diagnostic with the sheet's place instead of the copy's line and field: `FILE!J6` when
  /// it names a field, `FILE` and the row as its line when it names a record only.
  public func placed(_ diagnostic: Diagnostic) -> Diagnostic {
    guard diagnostic.file == file, let line = diagnostic.line else { return diagnostic }
    var placed = diagnostic
    let row = row(ofLine: line)
    if let column = diagnostic.column, column > 0 {
      placed.file = "\(file)!\(CellReference(column: column - 1, row: row))"
      placed.line = nil
      placed.column = nil
    } else {
      placed.line = row
    }
    return placed
  }
}
