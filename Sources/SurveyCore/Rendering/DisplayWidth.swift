/// How many terminal columns text takes: East Asian wide and full-width characters take two.
public enum DisplayWidth {
  /// The width of a text; `ambiguousIsWide` counts East Asian Ambiguous characters (①, ×, △, ―)
  /// as two columns, as terminals set up for CJK do.
  public static func of(_ text: String, ambiguousIsWide: Bool = false) -> Int {
    var width = 0
    for scalar in text.unicodeScalars { width += of(scalar, ambiguousIsWide: ambiguousIsWide) }
    return width
  }

  public static func of(_ scalar: Unicode.Scalar, ambiguousIsWide: Bool = false) -> Int {
    let value = scalar.value
    if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if value == 0x200B { return 0 }
    if isWide(value) { return 2 }
    if ambiguousIsWide && isAmbiguous(value) { return 2 }
    return 1
  }

  private static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x2E80...0x303E,
    0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
    0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
    0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]

  private static let ambiguousRanges: [ClosedRange<UInt32>] = [
    0x00A1...0x00A1, 0x00A7...0x00A8, 0x00B0...0x00B4, 0x00B6...0x00BA, 0x00D7...0x00D7,
    0x00F7...0x00F7, 0x0391...0x03C9, 0x0401...0x0451, 0x2010...0x2016, 0x2018...0x2019,
    0x201C...0x201D, 0x2020...0x2022, 0x2025...0x2027, 0x2030...0x2030, 0x2032...0x2033,
    0x203B...0x203B, 0x2103...0x2103, 0x2116...0x2116, 0x2160...0x216B, 0x2190...0x2199,
    0x21D2...0x21D4, 0x2200...0x22FF, 0x2460...0x24E9, 0x2500...0x257F, 0x25A0...0x25FF,
    0x2605...0x2606, 0x2640...0x2642, 0x266A...0x266F,
  ]

  private static func isWide(_ value: UInt32) -> Bool {
    wideRanges.contains { $0.contains(value) }
  }

  private static func isAmbiguous(_ value: UInt32) -> Bool {
    ambiguousRanges.contains { $0.contains(value) }
  }

  /// The text padded with spaces to a width, on the left or the right.
  public static func pad(_ text: String, to width: Int, alignRight: Bool, ambiguousIsWide: Bool = false)
    -> String
  {
    let padding = max(0, width - of(text, ambiguousIsWide: ambiguousIsWide))
    let spaces = String(repeating: " ", count: padding)
    return alignRight ? spaces + text : text + spaces
  }
}
