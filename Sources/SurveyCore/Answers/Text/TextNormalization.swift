import Foundation

/// Normalizes cell texts for comparison, so that spellings that differ only in width, spacing or
/// dash style compare equal.
public enum TextNormalization {
  /// The key two texts are compared by: NFKC (full-width to ASCII), lower case, no white space,
  /// every dash-like character as `-`, and no trailing full stop.
  ///
  /// NFKC turns `①` into `1`, so circled numbers must be taken off a text before it is keyed.
  public static func matchKey(_ text: String) -> String {
    fastMatchKey(text) ?? nfkcMatchKey(text)
  }

  /// The match key by way of Foundation's NFKC: right for any text, and slow.
  static func nfkcMatchKey(_ text: String) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
    var key = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      if scalar.properties.isWhitespace { continue }
      key.append(isDash(scalar) ? "-" : scalar)
    }
    return droppingFullStops(String(key))
  }

  /// The match key of a text made only of characters whose NFKC form is known without Foundation:
  /// ASCII, full-width ASCII (NFKC maps U+FF01–FF5E to U+0021–007E), the ideographic space, kana
  /// without combining marks, common CJK ideographs and punctuation. Nil for any other text, which
  /// then takes the full NFKC path; both paths give the same key.
  static func fastMatchKey(_ text: String) -> String? {
    var key = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      var value = scalar.value
      switch value {
      case 0x09...0x0D, 0x20, 0x3000: continue
      case 0xFF01...0xFF5E: value -= 0xFEE0
      default: break
      }
      switch value {
      case 0x41...0x5A: value += 0x20
      case 0x21...0x7E, 0x3001...0x3003, 0x3005...0x3007, 0x300C...0x3011, 0x3041...0x3096, 0x30A1...0x30FA,
        0x30FC...0x30FE, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0x2010...0x2015, 0x2212, 0x00D7, 0x25B3, 0x301C:
        break
      default: return nil
      }
      guard let mapped = Unicode.Scalar(value) else { return nil }
      key.append(isDash(mapped) ? "-" : mapped)
    }
    return droppingFullStops(String(key))
  }

  private static func droppingFullStops(_ key: String) -> String {
    var result = key
    while result.hasSuffix("。") || result.hasSuffix(".") { result.removeLast() }
    return result
  }

  /// The dashes that real cells use interchangeably: `ー` `―` `‐` `-` `－` `—` `–` `−`.
  public static func isDash(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF0D, 0xFF70: true
    default: false
    }
  }

  /// A match key without a leading list marker: `1`, `1.`, `1)`, `(1)` or `・`.
  public static func droppingListMarker(_ key: String) -> String {
    var rest = Substring(key)
    if rest.hasPrefix("・") { return String(rest.dropFirst()) }
    let opened = rest.hasPrefix("(")
    if opened { rest = rest.dropFirst() }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty else { return key }
    rest = rest.dropFirst(digits.count)
    if rest.hasPrefix(")") || rest.hasPrefix(".") || rest.hasPrefix("、") {
      rest = rest.dropFirst()
    } else if opened {
      return key
    }
    return String(rest)
  }

  /// Full-width digits, letters and punctuation as ASCII (NFKC), for reading numbers.
  public static func halfWidth(_ text: String) -> String {
    text.precomposedStringWithCompatibilityMapping
  }
}
