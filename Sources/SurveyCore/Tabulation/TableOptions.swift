/// The number percentages are of.
public enum Base: String, Sendable, CaseIterable {
  /// 全対象者ベース: every row counted, 無回答 a category inside the base (the Japanese default).
  case all
  /// 回答者ベース: only the rows that answered; 無回答 is shown but outside the base.
  case answered

  /// How a table states its base, e.g. `base: all 70 projects (全対象者ベース)`.
  public func statement(_ count: Int, of total: Int, rowNoun: String) -> String {
    switch self {
    case .all: "base: all \(count) \(plural(rowNoun)) (全対象者ベース), 無回答 included"
    case .answered:
      "base: the \(count) \(plural(rowNoun)) that answered, of \(total) (回答者ベース); 無回答 outside the base"
    }
  }
}

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
