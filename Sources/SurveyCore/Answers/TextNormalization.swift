import Foundation

/// Normalizes cell texts for comparison, so that spellings that differ only in width, spacing or
/// dash style compare equal.
public enum TextNormalization {
  /// The key two texts are compared by: NFKC (full-width to ASCII), lower case, no white space,
  /// every dash-like character as `-`, and no trailing full stop.
  ///
  /// NFKC turns `①` into `1`, so circled numbers must be taken off a text before it is keyed.
  public static func matchKey(_ text: String) -> String {
    let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
    var key = String.UnicodeScalarView()
    for scalar in folded.unicodeScalars {
      if scalar.properties.isWhitespace { continue }
      key.append(isDash(scalar) ? "-" : scalar)
    }
    var result = String(key)
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

extension StringProtocol {
  /// The text without leading and trailing white space, full-width space (U+3000) included.
  public var trimmingSpaces: String {
    var slice = Substring(self)
    while let first = slice.first, first.isWhitespace { slice.removeFirst() }
    while let last = slice.last, last.isWhitespace { slice.removeLast() }
    return String(slice)
  }

  /// The lines of a cell, split at any line break (LF, CRLF or CR), each trimmed, blanks dropped.
  public var cellLines: [String] {
    split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }
}
