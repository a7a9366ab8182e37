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
