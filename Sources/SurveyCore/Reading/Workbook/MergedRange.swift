/// A range of merged cells (`<mergeCell ref="A2:A5"/>`): the sheet shows the top-left cell's text
/// across it, and keeps it in that cell only.
public struct MergedRange: Sendable, Equatable {
  public var first: CellReference
  public var last: CellReference

  /// The range `A2:A5` names, or nil when it names none.
  init?(_ text: String) {
    let corners = text.split(separator: ":")
    guard corners.count == 2, let first = CellReference(corners[0]), let last = CellReference(corners[1]),
      first.row <= last.row, first.column <= last.column
    else { return nil }
    self.first = first
    self.last = last
  }
}
