/// The cells of a table that a horizontal bar chart draws: one bar per row, of one column's
/// percentage.
public struct Chart: Sendable, Hashable {
  public var valueColumn: Int
  public var rows: [Int]

  public init(valueColumn: Int, rows: [Int]) {
    self.valueColumn = valueColumn
    self.rows = rows
  }
}
