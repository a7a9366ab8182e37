/// Codes written as plain numbers instead of circled ones: a line of numbers only (`1`, `１`,
/// `1,3`, `１、３`, `2)`), or a number that opens a line before its label (`1.自治会`, `(2)補助`,
/// `５調査`).
enum PlainNumberCode {
  /// The largest number read as a plain code: codes go to ⑳, and `2010` is a year, not a code.
  static let digitLimit = 2

  /// The value of a half- or full-width digit.
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar.value {
    case 0x30...0x39: Int(scalar.value - 0x30)
    case 0xFF10...0xFF19: Int(scalar.value - 0xFF10)
    default: nil
    }
  }

  static func isCloser(_ scalar: Unicode.Scalar) -> Bool { scalar == ")" || scalar == "）" }

  /// The codes of a line made only of numbers of at most two digits, brackets around them, marks
  /// after them and separators between them (`1`, `1,3`, `(1)(3)`, `１・３`); nil for any other line.
  static func list(in line: String) -> [Int]? {
    var codes: [Int] = []
    var number: Int?
    var digits = 0
    for scalar in line.unicodeScalars {
      if let value = digit(scalar) {
        digits += 1
        guard digits <= digitLimit else { return nil }
        number = (number ?? 0) * 10 + value
        continue
      }
      if let found = number { codes.append(found) }
      number = nil
      digits = 0
      guard
        CellWords.codeSeparators.contains(scalar) || CellWords.codeTerminators.contains(scalar)
          || CellWords.codeOpeners.contains(scalar)
      else { return nil }
    }
    if let found = number { codes.append(found) }
    return codes.isEmpty ? nil : codes
  }

  /// The code a line opens with and the text after it, or nil when the number is not a code. The
  /// number may be in brackets (`(2)補助`) or followed by a mark (`1.自治会`, `2)`), a space or the
  /// text itself (`５調査`); it is a code of the item when nothing follows it or when what follows is
  /// that option's label, so that a numbered list inside a text answer (`２）ＩＴ戦略構想`) stays
  /// text. In an amount or year cell a number is a code only before the label of a code without a
  /// figure (`2無し`), since `１，１８０` is a figure, or when it is bracketed (`(1)７７０千円`,
  /// `1)７７０千円`), which no figure is.
  static func leading(_ text: String, item: Item) -> (code: Int, rest: String)? {
    let scalars = Array(text.unicodeScalars)
    var index = 0
    let opened = scalars.first.map(CellWords.codeOpeners.contains) ?? false
    if opened { index += 1 }
    var code = 0
    let digitStart = index
    while index < scalars.count, let value = digit(scalars[index]) {
      // Past the limit the digits are only counted: a long number is no code, never an overflow.
      if index - digitStart < digitLimit { code = code * 10 + value }
      index += 1
    }
    let digits = index - digitStart
    guard digits > 0, digits <= digitLimit else { return nil }
    // Closed by a bracket (`(1)`, `1)`): no figure is written so, whatever follows.
    var bracketed = false
    if opened {
      guard index < scalars.count, isCloser(scalars[index]) else { return nil }
      index += 1
      bracketed = true
    } else if index < scalars.count, CellWords.codeTerminators.contains(scalars[index]) {
      bracketed = isCloser(scalars[index])
      // `1.5` is a number, not code 1.
      if !bracketed, index + 1 < scalars.count, digit(scalars[index + 1]) != nil { return nil }
      index += 1
    }
    var rest = String.UnicodeScalarView()
    rest.append(contentsOf: scalars[index...])
    let label = String(rest).trimmingSpaces
    guard let option = item.option(code: code) else { return nil }
    if item.kind == .amount || item.kind == .year {
      // A bracketed figure code before its figure (`(1)７７０千円`) cannot be read as one number.
      if bracketed, option.role == .figure, !label.isEmpty { return (code, label) }
      guard option.role != .figure, !label.isEmpty,
        CodedAnswerParser.labelAgrees(label, with: option, kind: item.kind)
      else { return nil }
      return (code, label)
    }
    if label.isEmpty { return (code, label) }
    // A code followed by the respondent's own text cannot be told from a numbered list (`１）第３次…`).
    guard option.role != .text, !option.label.isEmpty || option.role == .other,
      CodedAnswerParser.labelAgrees(label, with: option, kind: item.kind)
    else { return nil }
    return (code, label)
  }

  /// Whether a text opens like a code: a number of at most two digits, bare or bracketed (`５調査`,
  /// `(12)`), or a circled-number look-alike (`❺`); `2010年から` opens with a year, not a code.
  static func looksLikeCode(_ text: String) -> Bool {
    var scalars = Substring(text).unicodeScalars
    guard let first = scalars.first else { return false }
    if CircledNumber.lookalikeCode(of: first) != nil { return true }
    if CellWords.codeOpeners.contains(first) { scalars = scalars.dropFirst() }
    let digits = scalars.prefix { digit($0) != nil }.count
    return digits > 0 && digits <= digitLimit
  }
}
