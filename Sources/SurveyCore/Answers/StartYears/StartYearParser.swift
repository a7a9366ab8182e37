/// Reads start years: `①平成１２`, `①昭和４８`, `①平成１４年`, `①平成20年度（…）`,
/// `①前身の女性フォーラムは昭和６２`, `①平成元年`, `①2005`, `②不明`.
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

  /// The first era name in the text followed by a year number or 元.
  static func eraYear(in text: String) -> (era: Era, number: Int)? {
    var best: (index: String.Index, era: Era, number: Int)?
    for era in Era.all {
      var searchStart = text.startIndex
      while let range = text.range(of: era.name, range: searchStart..<text.endIndex) {
        searchStart = range.upperBound
        let rest = text[range.upperBound...].drop { $0 == " " }
        let number: Int?
        if rest.first == "元" {
          number = 1
        } else {
          number = Int(String(rest.prefix { $0.isASCII && $0.isNumber }))
        }
        // An era year is at most four digits: 平成9223372036854775807 would overflow the Western year.
        if let number, (1...9999).contains(number), best.map({ range.lowerBound < $0.index }) ?? true {
          best = (range.lowerBound, era, number)
          break
        }
      }
    }
    return best.map { ($0.era, $0.number) }
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
