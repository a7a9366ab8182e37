/// Reads the coded answers of a cell and checks them against an item's options.
public enum CodedAnswerParser {
  /// The answers of a cell, in order, with a diagnostic for each problem.
  ///
  /// Each line normally starts with a circled number; a new circled number inside a line starts a
  /// new answer. A line without one is either an answer recognized by its label (`成果―予算制約`
  /// is ⑩), reported as a warning, or the continuation of the answer above (`公募市民` after
  /// `⑪その他`). An unknown code is an error; a label that contradicts its code is a warning.
  public static func parse(_ cell: String, item: Item, at location: CellLocation) -> (
    answers: [CodedAnswer], diagnostics: [Diagnostic]
  ) {
    var answers: [CodedAnswer] = []
    var diagnostics: [Diagnostic] = []
    for line in cell.cellLines {
      for segment in segments(of: line) {
        if let code = segment.code {
          answers.append(CodedAnswer(code: code, text: segment.text))
        } else if let option = optionMatching(label: segment.text, in: item) {
          answers.append(CodedAnswer(code: option.code, text: segment.text, codeInferred: true))
          diagnostics.append(
            location.diagnostic(
              .warning, found: "'\(segment.text)' without its code, read as \(option.display)",
              expected: "a circled-number code"))
        } else if let last = answers.indices.last {
          answers[last].text += "\n" + segment.text
        } else if let option = item.options.onlyElement(where: { $0.role == .text }) {
          answers.append(CodedAnswer(code: option.code, text: segment.text, codeInferred: true))
          diagnostics.append(
            location.diagnostic(
              .warning, found: "'\(segment.text)' without its code, read as \(option.display)",
              expected: "a circled-number code"))
        } else {
          diagnostics.append(
            location.diagnostic(
              .error, found: "'\(segment.text)', which is neither a code nor a label of this item",
              expected: expectedCodes(item)))
        }
      }
    }
    for answer in answers {
      guard let option = item.option(code: answer.code) else {
        diagnostics.append(
          location.diagnostic(
            .error, found: "unknown code \(CircledNumber.mark(answer.code)) in '\(answer.text)'",
            expected: expectedCodes(item)))
        continue
      }
      if !answer.codeInferred, !labelAgrees(answer.writtenLabel, with: option, kind: item.kind) {
        diagnostics.append(
          location.diagnostic(
            .warning,
            found:
              "\(CircledNumber.mark(answer.code))\(answer.writtenLabel): the label does not match code \(option.display)",
            expected: "a label of \(option.display)"))
      }
    }
    return (answers, diagnostics)
  }

  static func expectedCodes(_ item: Item) -> String {
    "one of " + item.options.map(\.display).joined(separator: " ")
  }

  /// Splits a line at every circled number outside brackets; text before the first one has no
  /// code. `⑧（実行委員会については③）` is one answer: a number inside a note is part of the note.
  static func segments(of line: String) -> [(code: Int?, text: String)] {
    var result: [(code: Int?, text: String)] = []
    var code: Int? = nil
    var text = String.UnicodeScalarView()
    var depth = 0
    func flush() {
      let trimmed = String(text).trimmingSpaces
      if code != nil || !trimmed.isEmpty { result.append((code, trimmed)) }
      text = String.UnicodeScalarView()
    }
    for scalar in line.unicodeScalars {
      if depth == 0, let found = CircledNumber.code(of: scalar) {
        flush()
        code = found
        continue
      }
      if scalar == "（" || scalar == "(" { depth += 1 }
      if scalar == "）" || scalar == ")" { depth = max(0, depth - 1) }
      text.append(scalar)
    }
    flush()
    return result
  }

  /// The option whose label or variant a code-less text names.
  static func optionMatching(label text: String, in item: Item) -> Option? {
    let key = TextNormalization.matchKey(CodedAnswer.split(text).label)
    guard !key.isEmpty else { return nil }
    return item.options.first { option in
      option.spellings.contains { TextNormalization.matchKey($0) == key }
    }
  }

  /// Whether a written label is the option's label, a truncation of it, the label followed by
  /// more text, or one of its known variants.
  static func labelAgrees(_ written: String, with option: Option, kind: ItemKind) -> Bool {
    let key = TextNormalization.matchKey(written)
    if key.isEmpty || option.label.isEmpty || option.role == .text { return true }
    // A figure code is followed by the figure itself (`①１，１８０千円`), not by a label.
    if option.role == .figure && (kind == .amount || kind == .year) { return true }
    for label in option.spellings {
      let labelKey = TextNormalization.matchKey(label)
      if labelKey.isEmpty { continue }
      if labelKey.hasPrefix(key) || key.hasPrefix(labelKey) { return true }
    }
    return false
  }
}
