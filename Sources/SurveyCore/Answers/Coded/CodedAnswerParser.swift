/// Reads the coded answers of a cell and checks them against an item's options.
public enum CodedAnswerParser {
  /// The answers of a cell, in order, with a diagnostic for each problem.
  ///
  /// Each line normally starts with a circled number; a new circled number inside a line starts a
  /// new answer, and separators between codes (`①、③`) are dropped. A coded item also takes plain
  /// numbers (`1`, `1,3`, `1.自治会`, `(2)補助`: `PlainNumberCode`). A look-alike of a circled number
  /// (❺) is read as its code with a warning; ㉑ is code 21, unknown, so an error. A line without a
  /// code is either an answer recognized by its label (`成果―予算制約` is ⑩), reported as a
  /// warning, or the continuation of the answer above (`公募市民` after `⑪その他`), reported when it
  /// opens like a code (`５調査` where there is no ⑤). An unknown code is an error; a label that
  /// contradicts its code is a warning.
  public static func parse(_ cell: String, item: Item, at location: CellLocation) -> (
    answers: [CodedAnswer], diagnostics: [Diagnostic]
  ) {
    var answers: [CodedAnswer] = []
    var diagnostics: [Diagnostic] = []
    for line in cell.cellLines {
      if item.kind == .single || item.kind == .multiple, let codes = PlainNumberCode.list(in: line) {
        answers += codes.map { CodedAnswer(code: $0, text: "") }
        continue
      }
      for (index, found) in segments(of: line).enumerated() {
        var segment = (code: found.code, text: found.text)
        if segment.code == nil, index == 0, let plain = PlainNumberCode.leading(segment.text, item: item) {
          segment = (plain.code, plain.rest)
        }
        if let lookalike = found.lookalike, let code = segment.code, item.option(code: code) != nil {
          diagnostics.append(
            location.diagnostic(
              .warning,
              found: "'\(lookalike)\(segment.text)': \(lookalike) read as \(CircledNumber.mark(code))",
              expected: "a circled-number code ①..⑳"))
        }
        read(segment, into: &answers, diagnostics: &diagnostics, item: item, at: location)
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

  /// Adds one segment of a line: a coded answer, an answer recognized by its label, or the
  /// continuation of the answer above (reported when it opens like a code).
  private static func read(
    _ segment: (code: Int?, text: String), into answers: inout [CodedAnswer], diagnostics: inout [Diagnostic],
    item: Item, at location: CellLocation
  ) {
    if let code = segment.code {
      answers.append(CodedAnswer(code: code, text: segment.text))
    } else if let option = optionMatching(label: segment.text, in: item) {
      answers.append(CodedAnswer(code: option.code, text: segment.text, codeInferred: true))
      diagnostics.append(
        location.diagnostic(
          .warning, found: "'\(segment.text)' without its code, read as \(option.display)",
          expected: "a circled-number code"))
    } else if let last = answers.indices.last {
      // A numbered list inside the text of an answer such as ⑪その他 or a plan's name is its text.
      let role = item.option(code: answers[last].code)?.role
      if PlainNumberCode.looksLikeCode(segment.text), role != .text, role != .other {
        diagnostics.append(
          location.diagnostic(
            .warning,
            found:
              "a line '\(segment.text)' that opens like a code but is none of this item's; read as text of \(CircledNumber.mark(answers[last].code))",
            expected: expectedCodes(item)))
      }
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

  static func expectedCodes(_ item: Item) -> String {
    "one of " + item.options.map(\.display).joined(separator: " ")
  }

  /// Splits a line at every circled number (or look-alike such as ❺ or ㉑) outside brackets; text
  /// before the first one has no code. `⑧（実行委員会については③）` is one answer: a number inside a
  /// note is part of the note. Separators between codes (`①、③`) are not part of any text.
  static func segments(of line: String) -> [(code: Int?, text: String, lookalike: Character?)] {
    var result: [(code: Int?, text: String, lookalike: Character?)] = []
    var code: Int? = nil
    var lookalike: Character? = nil
    var text = String.UnicodeScalarView()
    var depth = 0
    func flush(beforeCode: Bool) {
      if code != nil {
        while let first = text.first, CellWords.codeSeparators.contains(first) { text.removeFirst() }
        if beforeCode {
          while let last = text.last, CellWords.codeSeparators.contains(last) { text.removeLast() }
        }
      }
      let trimmed = String(text).trimmingSpaces
      if code != nil || !trimmed.isEmpty { result.append((code, trimmed, lookalike)) }
      text = String.UnicodeScalarView()
    }
    for scalar in line.unicodeScalars {
      if depth == 0, let found = CircledNumber.code(of: scalar) ?? CircledNumber.lookalikeCode(of: scalar) {
        flush(beforeCode: true)
        code = found
        lookalike = CircledNumber.code(of: scalar) == nil ? Character(scalar) : nil
        continue
      }
      if scalar == "（" || scalar == "(" { depth += 1 }
      if scalar == "）" || scalar == ")" { depth = max(0, depth - 1) }
      text.append(scalar)
    }
    flush(beforeCode: false)
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
