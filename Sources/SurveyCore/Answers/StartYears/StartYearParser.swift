/// Reads start years: `①平成１２`, `①昭和４８`, `①平成１４年`, `①平成20年度（…）`,
/// `①前身の女性フォーラムは昭和６２`, `①平成元年`, `①2005`, `②不明`; era letters (`①Ｈ２５`, `①Ｒ元`,
/// `①S60`) and kanji numerals (`①平成十二年`). A Western year that contradicts its era
/// (`①2099年（平成１７）`) is a warning, and the era's year is used.
public enum StartYearParser {
  public static func parse(_ answer: CodedAnswer, item: Item, at location: CellLocation) -> (
    year: StartYear?, diagnostics: [Diagnostic]
  ) {
    guard let option = item.option(code: answer.code) else { return (nil, []) }
    guard option.role == .figure else {
      return (StartYear(answer: answer, status: .withheld(option)), [])
    }
    let text = TextNormalization.halfWidth(answer.text)
    if let found = eraYear(in: text) {
      var diagnostics: [Diagnostic] = []
      if let last = found.era.lastYearNumber, found.number > last {
        diagnostics.append(
          location.diagnostic(
            .warning,
            found:
              "\(found.era.name)\(found.number) in '\(answer.text)', after the era ended in \(found.era.name)\(last)",
            expected: "a year of \(found.era.name) from 1 to \(last)"))
      }
      let year = found.era.westernYear(found.number)
      if let western = westernYear(in: text), western != year {
        diagnostics.append(
          location.diagnostic(
            .warning,
            found:
              "\(western) and \(found.era.name)\(found.number) (\(year)) in '\(answer.text)'; \(found.era.name)\(found.number) is used",
            expected: "a Western year that agrees with its era"))
      }
      return (
        StartYear(answer: answer, status: .given(year: year, era: found.era, eraYear: found.number)),
        diagnostics
      )
    }
    if let year = westernYear(in: text) {
      guard year >= Era.meijiFirstYear else {
        return (
          nil,
          [
            location.diagnostic(
              .error, found: "start year \(year) in '\(answer.text)', before 明治 (1868)",
              expected: "a year from 明治元年 (1868) on")
          ]
        )
      }
      return (StartYear(answer: answer, status: .given(year: year, era: nil, eraYear: nil)), [])
    }
    return (
      nil,
      [
        location.diagnostic(
          .error, found: "start year '\(answer.text)' that cannot be read",
          expected: "an era and year such as \(option.mark)平成１２ or \(option.mark)昭和４８, or a Western year")
      ]
    )
  }

  /// The first era in the text, by name (`平成`) or by its letter (`Ｈ２５`, `r元`), followed by a
  /// year number in digits or kanji (`平成十二年`) or by 元.
  static func eraYear(in text: String) -> (era: Era, number: Int)? {
    var best: (index: String.Index, era: Era, number: Int)?
    // Only the markers whose first character the text holds are searched for.
    let characters = Set(text)
    for era in Era.all {
      let letter = String(era.abbreviation)
      for marker in [era.name, letter, letter.lowercased()] {
        guard let initial = marker.first, characters.contains(initial) else { continue }
        var searchStart = text.startIndex
        while let range = text.range(of: marker, range: searchStart..<text.endIndex) {
          searchStart = range.upperBound
          // A letter inside a word (`Hall25`) is not an era.
          if marker != era.name, range.lowerBound > text.startIndex,
            let before = text[..<range.lowerBound].last, before.isASCII && before.isLetter
          {
            continue
          }
          let rest = text[range.upperBound...].drop { $0 == " " }
          // An era year is at most four digits: 平成9223372036854775807 would overflow the Western year.
          guard let number = yearNumber(rest), (1...9999).contains(number) else { continue }
          if best.map({ range.lowerBound < $0.index }) ?? true { best = (range.lowerBound, era, number) }
          break
        }
      }
    }
    return best.map { ($0.era, $0.number) }
  }

  /// The year number that starts a text: digits, a kanji numeral (`十二`) or 元.
  static func yearNumber(_ rest: Substring) -> Int? {
    if rest.first == CellWords.firstYearWord { return 1 }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty { return digits.count > 4 ? nil : Int(digits) }
    let kanji = rest.prefix { CellWords.kanjiDigits[$0] != nil || CellWords.smallMultipliers[$0] != nil }
    guard !kanji.isEmpty, let numeral = Numeral(kanji), numeral.scale == 1 else { return nil }
    return numeral.value
  }

  /// A four-digit Western year standing alone (from 1000, so that a year before 明治 can be named).
  static func westernYear(in text: String) -> Int? {
    var digits = ""
    for character in text + " " {
      if character.isASCII && character.isNumber {
        digits.append(character)
      } else {
        if digits.count == 4, let year = Int(digits), year >= 1000 { return year }
        digits = ""
      }
    }
    return nil
  }
}
