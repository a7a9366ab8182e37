/// What a cell of an option's own column says: the option chosen, or not (an item whose answer is
/// spread over one column per option, `Item.hasOptionColumns`).
enum OptionMark: Sendable, Hashable {
  case chosen
  case notChosen

  /// The marks of a chosen option, as their match keys (`１` is `1`, `ﾚ` is `レ`).
  static let chosenKeys: Set<String> = ["1", "○", "〇", "◯", "●", "✓", "✔", "レ", "true"]
  /// The marks of an option not chosen, besides a blank cell, as their match keys (every dash is `-`).
  static let notChosenKeys: Set<String> = ["0", "×", "✕", "-", "false"]

  /// The marks as the diagnostics of a cell that is none of them print them.
  static let expected =
    "a mark of a chosen option (1, ○, 〇, ◯, ●, ✓, ✔, レ, TRUE) or of one not chosen (blank, 0, ×, －, FALSE)"

  /// The usual spellings of the marks as bytes, so that a row's cells are told without making a
  /// string: the keys as written, and their full-width and half-width forms.
  private static let spellings: [(bytes: [UInt8], mark: OptionMark)] =
    (Array(chosenKeys) + ["１", "ﾚ", "TRUE"]).map { (Array($0.utf8), .chosen) }
    + (Array(notChosenKeys) + ["０", "－", "ー", "―", "FALSE"]).map { (Array($0.utf8), .notChosen) }

  /// The mark a trimmed cell's bytes hold, or nil when they hold none: the usual spellings told
  /// from their bytes (every row's cells), any other through its match key.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> OptionMark? {
    if bytes.isEmpty { return .notChosen }
    for spelling in spellings where spelling.bytes.elementsEqual(bytes) { return spelling.mark }
    return read(String(decoding: bytes, as: UTF8.self))
  }

  /// The mark a cell's text holds, or nil when it holds none. A cell of spaces or characters that
  /// show nothing (U+200B) is blank: not chosen.
  static func read(_ text: String) -> OptionMark? {
    if CellParser.isInvisible(text) { return .notChosen }
    let key = TextNormalization.matchKey(text)
    if notChosenKeys.contains(key) { return .notChosen }
    return chosenKeys.contains(key) ? .chosen : nil
  }
}
