/// A cell read according to its item: what the respondent said, in typed form.
public enum Value: Sendable, Hashable {
  /// An empty cell.
  case blank
  /// A cell holding only a non-answer such as 記入なし; the text is kept as written.
  case nonAnswer(String)
  /// Free text, an identifier or a hierarchy name.
  case text(String)
  /// The answers of a single- or multiple-choice cell.
  case codes([CodedAnswer])
  case amount(Amount)
  case year(StartYear)

  /// Whether the cell counts as answered: blanks and non-answers do not.
  public var isAnswered: Bool {
    switch self {
    case .blank, .nonAnswer: false
    default: true
    }
  }

  /// The codes given, in order, without repeats; empty for an unanswered or uncoded cell.
  public var codes: [Int] {
    switch self {
    case .codes(let answers):
      if answers.count == 1 { return [answers[0].code] }
      var seen: [Int] = []
      for answer in answers where !seen.contains(answer.code) { seen.append(answer.code) }
      return seen
    case .amount(let amount): return [amount.answer.code]
    case .year(let year): return [year.answer.code]
    default: return []
    }
  }

  /// The text of a text cell, or nil.
  public var text: String? {
    if case .text(let text) = self { return text }
    return nil
  }
}
