/// XML's predefined entities and character references (XML 1.0, 4.1 and 4.6), as UTF-8.
enum XMLEntity {
  private static let named: [String: UInt8] = [
    "lt": 0x3C, "gt": 0x3E, "amp": 0x26, "quot": 0x22, "apos": 0x27,
  ]

  /// The bytes `&name;` stands for, `name` given without the `&` and `;`.
  static func expand(
    _ name: ArraySlice<UInt8>, failure: (String) -> SurveyError
  ) throws(SurveyError) -> [UInt8] {
    let text = String(decoding: name, as: UTF8.self)
    if let byte = named[text] { return [byte] }
    var digits = Substring(text)
    guard digits.first == "#" else { throw failure("the entity &\(text); (only XML's five are defined)") }
    digits = digits.dropFirst()
    var radix = 10
    if digits.first == "x" || digits.first == "X" {
      radix = 16
      digits = digits.dropFirst()
    }
    guard let value = UInt32(digits, radix: radix), value != 0, let scalar = Unicode.Scalar(value) else {
      throw failure("the character reference &\(text);")
    }
    return Array(String(Character(scalar)).utf8)
  }
}
