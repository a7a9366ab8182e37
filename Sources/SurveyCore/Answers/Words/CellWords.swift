import Foundation

/// The Japanese words and marks that cells are read by: numerals, the marks of an approximate
/// amount, the words around a year, the separators between codes. Parsers take their words from
/// this table only, so that they are data kept in one place (era names and their abbreviations are
/// in `Era.all`).
public enum CellWords {
  /// Kanji digits and their values.
  public static let kanjiDigits: [Character: Int] = [
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
  ]

  /// Multipliers within a group of four digits: 十, 百, 千.
  public static let smallMultipliers: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

  /// Multipliers of whole groups of four digits: 万, 億, 兆.
  public static let largeMultipliers: [Character: Int] = [
    "万": 10_000, "億": 100_000_000, "兆": 1_000_000_000_000,
  ]

  /// Words that mark an amount as approximate (`①約５０万円`, `①１，１８０千円程度`,
  /// `①１００千円（見込み）`), longest first so that `見込み` is taken before `見込`.
  public static let approximateMarkers = ["見込み", "見込", "概算", "程度", "くらい", "ぐらい", "前後", "約"]

  /// The year number of an era's first year: `平成元年`, `Ｒ元`.
  public static let firstYearWord: Character = "元"

  /// Characters that separate codes written on one line: `①、③`, `1・3`, `1／3`, `1,3`, `1 3`.
  public static let codeSeparators: Set<Unicode.Scalar> = [
    "、", "・", "／", "/", ",", "，", " ", "\u{3000}", "\t", "､", "･",
  ]

  /// Marks that may follow a plain-number code: `1.自治会`, `2)`, `１．`, `3、`.
  public static let codeTerminators: Set<Unicode.Scalar> = [".", "．", ")", "）", "、", ":", "："]

  /// Opening and closing brackets around a plain-number code: `(2)補助`, `（２）`.
  public static let codeOpeners: Set<Unicode.Scalar> = ["(", "（"]

  /// Characters that are invisible but not white space: a cell of only these (and spaces) is blank.
  public static let invisibles: Set<Unicode.Scalar> = [
    "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}",
  ]

  /// The first characters of the approximate markers: a text without any has no marker, found
  /// without a search per marker (cells are read by the million).
  private static let approximateInitials = Set(approximateMarkers.compactMap(\.first))

  /// The text without approximate markers, and whether one was there.
  public static func strippingApproximateMarkers(_ text: String) -> (text: String, approximate: Bool) {
    guard text.contains(where: approximateInitials.contains) else { return (text, false) }
    var result = text
    var found = false
    for marker in approximateMarkers where result.contains(marker) {
      result = result.replacingOccurrences(of: marker, with: "")
      found = true
    }
    return (result, found)
  }
}
