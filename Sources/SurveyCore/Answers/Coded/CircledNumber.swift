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
