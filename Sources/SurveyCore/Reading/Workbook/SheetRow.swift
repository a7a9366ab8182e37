/// One row of a worksheet: its number as the sheet shows it, and its cells' texts by column
/// (empty for a cell the sheet does not have).
public struct SheetRow: Sendable, Equatable {
  /// The row's number, from 1.
  public var number: Int
  /// The cells' texts in UTF-8, from column A to the last cell the row has.
  public var cells: [[UInt8]]

  public init(number: Int, cells: [[UInt8]]) {
    self.number = number
    self.cells = cells
  }
}
