/// One answer of a coded cell: the code, the label as written, and any note in brackets.
///
/// `①共催（懇親会）` is code 1, label `共催`, note `懇親会`; `⑪その他（小金井三宅島友好協会` is code 11
/// with its note even though the bracket never closes.
public struct CodedAnswer: Sendable, Hashable {
  public var code: Int
  /// Everything written after the circled number, trimmed.
  public var text: String
  /// True when the cell had no circled number and the code was recognized by its label.
  public var codeInferred: Bool

  public init(code: Int, text: String, codeInferred: Bool = false) {
    self.code = code
    self.text = text
    self.codeInferred = codeInferred
  }

  /// The written label: the text before any bracket.
  public var writtenLabel: String {
    CodedAnswer.split(text).label
  }

  /// The text in brackets, or the text that follows a label such as `その他` directly.
  public func note(for option: Option?) -> String? {
    let parts = CodedAnswer.split(text)
    if let note = parts.note { return note }
    guard let option else { return nil }
    for label in option.spellings {
      let key = TextNormalization.matchKey(label)
      let written = parts.label
      if TextNormalization.matchKey(written).hasPrefix(key), !key.isEmpty {
        // Drop as many leading characters as make up the label, then what is left is the note.
        var rest = Substring(written)
        while !rest.isEmpty, !TextNormalization.matchKey(String(written.dropLast(rest.count))).hasPrefix(key)
        {
          rest = rest.dropFirst()
        }
        let note = rest.trimmingSpaces
        return note.isEmpty ? nil : note
      }
    }
    return nil
  }

  static func split(_ text: String) -> (label: String, note: String?) {
    guard let open = text.firstIndex(where: { $0 == "（" || $0 == "(" }) else {
      return (text.trimmingSpaces, nil)
    }
    let label = text[..<open].trimmingSpaces
    var inner = text[text.index(after: open)...]
    if let close = inner.lastIndex(where: { $0 == "）" || $0 == ")" }) {
      inner = inner[..<close]
    }
    let note = inner.trimmingSpaces
    return (label, note.isEmpty ? nil : note)
  }
}
