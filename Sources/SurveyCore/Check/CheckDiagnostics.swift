import Foundation

/// The wording of the problems `kyodo check` finds beyond one cell (an identifier used twice, a
/// start year after the reference year, a "no amount" code followed by an amount, a PDF's glyph
/// error), and what decides the last two: whether a note holds an amount, and which glyphs are wrong.
enum CheckDiagnostics {
  /// The glyphs that a PDF's text layer puts for another character (实 for 実, 尐 for 少).
  static let glyphErrors: [(wrong: Character, right: Character)] = [("实", "実"), ("尐", "少")]

  /// The warnings for the glyph errors in one cell's text, in the order of `glyphErrors`: the data
  /// was copied from a PDF and the character is almost certainly wrong.
  static func glyphErrors(in field: String, file: String, line: Int, column: Int, item: Item?) -> [Diagnostic]
  {
    glyphErrors.filter { field.contains($0.wrong) }.map { glyph in
      let scalar = glyph.wrong.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? ""
      return Diagnostic(
        .warning, file: file, line: line, column: column, item: item?.displayName,
        found: "'\(glyph.wrong)' (U+\(scalar)), a glyph error of a PDF's text layer",
        expected: "'\(glyph.right)'")
    }
  }

  /// Whether a text holds a number followed by one of the amount units, e.g. `（１２０千円）`.
  static func containsAmount(_ text: String, units: [AmountUnit]) -> Bool {
    let written = Array(TextNormalization.halfWidth(text).filter { !$0.isWhitespace && $0 != "," })
    for unit in units {
      let suffix = Array(TextNormalization.halfWidth(unit.suffix))
      guard !suffix.isEmpty, written.count > suffix.count else { continue }
      for start in 1...(written.count - suffix.count)
      where written[start - 1].isASCII && written[start - 1].isNumber
        && Array(written[start..<(start + suffix.count)]) == suffix
      {
        return true
      }
    }
    return false
  }

  /// The error for an identifier met before, on line `firstLine`.
  static func duplicate(_ text: String, firstLine: Int, item: Item, file: String, line: Int, column: Int?)
    -> Diagnostic
  {
    Diagnostic(
      .error, file: file, line: line, column: column, item: item.displayName,
      found: "'\(text)', already used on line \(firstLine)", expected: "each \(item.title) once")
  }

  /// The error for a start year after the reference year.
  static func implausibleYear(
    _ year: Int, in start: StartYear, referenceYear: Int, item: Item, file: String, line: Int, column: Int?
  ) -> Diagnostic {
    Diagnostic(
      .error, file: file, line: line, column: column, item: item.displayName,
      found: "start year \(year) in '\(start.answer.text)', after \(referenceYear)",
      expected: "a year from \(Era.meijiFirstYear) to \(referenceYear)")
  }

  /// The warning for a "no amount" code followed by an amount; `figure` is the item's code for
  /// an amount, if it has one.
  static func withheldAmount(
    _ amount: Amount, option: Option, figure: Option?, item: Item, file: String, line: Int, column: Int?
  ) -> Diagnostic {
    let figureCode = figure.map { "\($0.display) with the amount" } ?? "the amount's code"
    return Diagnostic(
      .warning, file: file, line: line, column: column, item: item.displayName,
      found:
        "'\(option.mark)\(amount.answer.text)': code \(option.display) followed by an amount, which is not counted",
      expected: "\(figureCode), or \(option.mark) alone")
  }
}
