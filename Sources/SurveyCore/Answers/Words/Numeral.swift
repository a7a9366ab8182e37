/// A number as offices write it in cells: Arabic digits with an optional decimal part (`1180`,
/// `1.5`), kanji numerals (`五十`, `一千二百`, `十二`), or both mixed with the multipliers 十百千 and
/// 万億兆 (`1億`, `3万5千`, `1.5億`, `一億二千万`). Read exactly: `value / scale`.
public struct Numeral: Sendable, Hashable {
  /// The number times `scale`.
  public var value: Int
  /// A power of ten above 1 only when the number ends in a decimal part no multiplier followed.
  public var scale: Int
  /// Whether a multiplier 万, 億 or 兆 was written.
  public var hasLargeMultiplier: Bool

  /// The number a whole text spells, or nil when the text is anything else or too large.
  public init?(_ text: Substring) {
    var reader = Reader()
    for character in text {
      guard reader.read(character) else { return nil }
    }
    guard let (value, scale) = reader.finish() else { return nil }
    self.value = value
    self.scale = scale
    self.hasLargeMultiplier = reader.lastLarge != Int.max
  }

  public init?(_ text: String) { self.init(Substring(text)) }

  /// The number times a whole factor, when the product is whole and fits.
  public func times(_ factor: Int) -> Int? {
    let (product, overflow) = value.multipliedReportingOverflow(by: factor)
    guard !overflow, product % scale == 0 else { return nil }
    return product / scale
  }

  /// Whether a character can be part of a numeral.
  public static func isNumeralCharacter(_ character: Character) -> Bool {
    (character.isASCII && character.isNumber) || character == "."
      || CellWords.kanjiDigits[character] != nil || CellWords.smallMultipliers[character] != nil
      || CellWords.largeMultipliers[character] != nil
  }

  /// Reads a numeral a character at a time: groups of four digits (each a sum of digits times
  /// 十百千) times 万, 億 or 兆, in decreasing order.
  private struct Reader {
    /// The digits met since the last multiplier: value and scale (a decimal part raises the scale).
    var pending: (value: Int, scale: Int)?
    var inFraction = false
    var pendingIsKanji = false
    var group = 0
    var total = 0
    var lastSmall = Int.max
    var lastLarge = Int.max
    var sawDigitOrMultiplier = false

    mutating func read(_ character: Character) -> Bool {
      if character.isASCII, let digit = character.wholeNumberValue {
        return digitRead(digit, kanji: false)
      }
      if character == "." {
        guard let pending, !inFraction, !pendingIsKanji, pending.scale == 1 else { return false }
        inFraction = true
        return true
      }
      if let digit = CellWords.kanjiDigits[character] { return digitRead(digit, kanji: true) }
      if let multiplier = CellWords.smallMultipliers[character] { return small(multiplier) }
      if let multiplier = CellWords.largeMultipliers[character] { return large(multiplier) }
      return false
    }

    private mutating func digitRead(_ digit: Int, kanji: Bool) -> Bool {
      var (value, scale) = pending ?? (0, 1)
      if pending != nil && kanji != pendingIsKanji { return false }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
      guard !overflow, scale < 1_000_000_000 else { return false }
      value = shifted + digit
      if inFraction { scale *= 10 }
      pending = (value, scale)
      pendingIsKanji = kanji
      sawDigitOrMultiplier = true
      return true
    }

    /// 十, 百 or 千: the digits before it (one when none) times it, added to the group.
    private mutating func small(_ multiplier: Int) -> Bool {
      guard multiplier < lastSmall else { return false }
      let (value, scale) = pending ?? (1, 1)
      let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
      guard !overflow, product % scale == 0 else { return false }
      group += product / scale
      lastSmall = multiplier
      clearPending()
      return true
    }

    /// 万, 億 or 兆: the group (and the digits before it) times it, added to the total.
    private mutating func large(_ multiplier: Int) -> Bool {
      guard multiplier < lastLarge else { return false }
      var (groupValue, scale) = (group, 1)
      if let pending {
        guard let scaled = Self.add(pending, to: group) else { return false }
        (groupValue, scale) = scaled
      }
      guard groupValue > 0 else { return false }
      let (product, overflow) = groupValue.multipliedReportingOverflow(by: multiplier)
      guard !overflow, product % scale == 0 else { return false }
      let (sum, sumOverflow) = total.addingReportingOverflow(product / scale)
      guard !sumOverflow else { return false }
      total = sum
      group = 0
      lastSmall = Int.max
      lastLarge = multiplier
      clearPending()
      return true
    }

    private mutating func clearPending() {
      pending = nil
      inFraction = false
      pendingIsKanji = false
      sawDigitOrMultiplier = true
    }

    /// A pending number (value / scale) plus a whole number, as value and scale.
    private static func add(_ pending: (value: Int, scale: Int), to whole: Int) -> (Int, Int)? {
      let (scaled, overflow) = whole.multipliedReportingOverflow(by: pending.scale)
      guard !overflow else { return nil }
      let (sum, sumOverflow) = scaled.addingReportingOverflow(pending.value)
      return sumOverflow ? nil : (sum, pending.scale)
    }

    func finish() -> (Int, Int)? {
      guard sawDigitOrMultiplier, !(inFraction && pending?.scale == 1) else { return nil }
      let (groupTotal, groupOverflow) = total.addingReportingOverflow(group)
      guard !groupOverflow else { return nil }
      guard let pending else { return (groupTotal, 1) }
      return Self.add(pending, to: groupTotal)
    }
  }
}
