/// A Japanese era (元号), for reading start years such as `平成１２` or `昭和４８`.
public struct Era: Sendable, Hashable {
  public var name: String
  /// The Western year of the era's first year (元年).
  public var firstYear: Int
  /// The era's last year number, or nil for the current era.
  public var lastYearNumber: Int?

  public static let all: [Era] = [
    Era(name: "明治", firstYear: 1868, lastYearNumber: 45),
    Era(name: "大正", firstYear: 1912, lastYearNumber: 15),
    Era(name: "昭和", firstYear: 1926, lastYearNumber: 64),
    Era(name: "平成", firstYear: 1989, lastYearNumber: 31),
    Era(name: "令和", firstYear: 2019, lastYearNumber: nil),
  ]

  public func westernYear(_ number: Int) -> Int { firstYear + number - 1 }

  /// The first year of 明治 (1868), before which no era is known and no start year is plausible.
  public static let meijiFirstYear = 1868

  /// The era and year number a Western year is written in, e.g. 2000 → 平成１２.
  public static func japanese(_ year: Int) -> (era: Era, number: Int)? {
    guard let era = all.last(where: { $0.firstYear <= year }) else { return nil }
    return (era, year - era.firstYear + 1)
  }
}

/// A start-year answer: a year, or the code that says it is not known.
public struct StartYear: Sendable, Hashable {
  public enum Status: Sendable, Hashable {
    case given(year: Int, era: Era?, eraYear: Int?)
    /// A code that says there is no year (不明).
    case withheld(Option)
  }

  public var answer: CodedAnswer
  public var status: Status

  public var year: Int? {
    if case .given(let year, _, _) = status { return year }
    return nil
  }
}

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
