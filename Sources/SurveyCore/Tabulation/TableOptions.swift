/// Choices that change which figures a table holds: its base, its labels, extra columns.
public struct TableOptions: Sendable {
  public var base: Base
  public var labels: LabelStyle
  /// Add a column of percentages of all mentions to multiple-choice frequency tables.
  public var percentOfMentions: Bool
  /// Rows whose base is under this are marked `*` (参考値).
  public var smallBase: Int
  /// Split 無回答 into 空欄 (left blank) and 記入なし (a non-answer such as 記入なし written).
  public var splitsNotAnswered = false

  public init(
    base: Base = .all, labels: LabelStyle = .short, percentOfMentions: Bool = false, smallBase: Int = 30
  ) {
    self.base = base
    self.labels = labels
    self.percentOfMentions = percentOfMentions
    self.smallBase = smallBase
  }

  /// The note that explains a split 無回答.
  static let splitNote =
    "無回答 split: \(Category.leftBlankLabel) left the cell blank; \(Category.nonAnswerWrittenLabel) wrote a non-answer such as 記入なし or 特になし."

  /// The note that explains the `*` marks.
  var smallBaseNote: String { "* base under \(smallBase): 参考値 (for reference only)." }
}
