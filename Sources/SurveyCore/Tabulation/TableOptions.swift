/// Choices that change which figures a table holds: its base, its labels, extra columns.
public struct TableOptions: Sendable {
  public var base: Base
  public var labels: LabelStyle
  /// Add a column of percentages of all mentions to multiple-choice frequency tables.
  public var percentOfMentions: Bool
  /// Rows whose base is under this are marked `*` (参考値).
  public var smallBase: Int

  public init(
    base: Base = .all, labels: LabelStyle = .short, percentOfMentions: Bool = false, smallBase: Int = 30
  ) {
    self.base = base
    self.labels = labels
    self.percentOfMentions = percentOfMentions
    self.smallBase = smallBase
  }

  /// The note that explains the `*` marks.
  var smallBaseNote: String { "* base under \(smallBase): 参考値 (for reference only)." }
}
