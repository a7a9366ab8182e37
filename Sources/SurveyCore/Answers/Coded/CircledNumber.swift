/// The circled numbers ①..⑳ that questionnaires use as answer codes.
public enum CircledNumber {
  public static let maximum = 20

  /// The code of a circled-number character, or nil.
  public static func code(of scalar: Unicode.Scalar) -> Int? {
    let value = scalar.value
    return (0x2460...0x2473).contains(value) ? Int(value - 0x2460) + 1 : nil
  }

  /// The circled-number character for a code from 1 to 20; other codes print in brackets.
  public static func mark(_ code: Int) -> String {
    guard (1...maximum).contains(code), let scalar = Unicode.Scalar(0x2460 + UInt32(code) - 1) else {
      return "(\(code))"
    }
    return String(Character(scalar))
  }
}

extension CircledNumber {
  /// The look-alike blocks: first and last scalar, and the number of the first.
  private static let lookalikes: [(first: UInt32, last: UInt32, number: Int)] = [
    (0x3251, 0x325F, 21), (0x32B1, 0x32BF, 36), (0x2776, 0x277F, 1), (0x2780, 0x2789, 1),
    (0x278A, 0x2793, 1), (0x24EB, 0x24F4, 11), (0x24F5, 0x24FE, 1), (0x2474, 0x2487, 1),
    (0x2488, 0x249B, 1), (0x24FF, 0x24FF, 0),
  ]

  /// The number of a character that looks like a circled-number code but is none of ①..⑳: the
  /// circled 21–50 (㉑), negative and sans-serif circled digits (❺, ➄, ➎, ⓫), double-circled
  /// (⓹), parenthesized (⑸) and full-stop (⒌) numbers; nil for any other character.
  public static func lookalikeCode(of scalar: Unicode.Scalar) -> Int? {
    let value = scalar.value
    // Most scalars of a cell (kana, kanji) are outside every block: one comparison each.
    switch value {
    case 0x2474...0x24FF, 0x2776...0x2793, 0x3251...0x325F, 0x32B1...0x32BF: break
    default: return nil
    }
    for range in lookalikes where (range.first...range.last).contains(value) {
      return Int(value - range.first) + range.number
    }
    return nil
  }
}
