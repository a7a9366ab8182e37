/// A Japanese era (元号), for reading start years such as `平成１２` or `昭和４８`.
public struct Era: Sendable, Hashable {
  public var name: String
  /// The Latin letter the era is abbreviated to: `Ｈ２５`, `H25`, `Ｒ元`, `Ｓ６０`.
  public var abbreviation: Character
  /// The Western year of the era's first year (元年).
  public var firstYear: Int
  /// The era's last year number, or nil for the current era.
  public var lastYearNumber: Int?

  public static let all: [Era] = [
    Era(name: "明治", abbreviation: "M", firstYear: 1868, lastYearNumber: 45),
    Era(name: "大正", abbreviation: "T", firstYear: 1912, lastYearNumber: 15),
    Era(name: "昭和", abbreviation: "S", firstYear: 1926, lastYearNumber: 64),
    Era(name: "平成", abbreviation: "H", firstYear: 1989, lastYearNumber: 31),
    Era(name: "令和", abbreviation: "R", firstYear: 2019, lastYearNumber: nil),
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
