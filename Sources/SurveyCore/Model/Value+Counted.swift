extension Value {
  /// The part of a value that tables count by, for a cell of an item of this kind.
  ///
  /// Free text counts only as answered or not; a coded answer by its code, not by the note written
  /// after it (`⑧その他（…）`); a figure by its number, its reason, or what was written instead of
  /// it. Hierarchy names and identifiers are kept whole. Cells with the same counting value are
  /// counted together, so a pass keeps one entry per category, not one per row.
  func counted(as kind: ItemKind) -> Value {
    switch self {
    case .blank: return .blank
    case .nonAnswer: return .nonAnswer("")
    case .text: return kind == .text ? .text("") : self
    case .codes(let answers): return .codes(answers.map(\.counted))
    case .amount(var amount):
      amount.answer = amount.answer.counted
      return .amount(amount)
    case .year(var year):
      year.answer = year.answer.counted
      return .year(year)
    }
  }
}
