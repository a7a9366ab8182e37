extension String {
  /// The text safe inside a Markdown table cell: `&` and `<` escaped, `|` and emphasis marks
  /// backslashed, line breaks as `<br>`.
  var markdownEscaped: String {
    // Most texts hold none of these: each is a byte of its own in UTF-8.
    guard utf8.contains(where: Self.isMarkdownSpecial) else { return self }
    var out = ""
    for character in self {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case "|", "*", "_", "`", "[", "]", "\\": out += "\\" + String(character)
      case "\n", "\r\n": out += "<br>"
      default: out.append(character)
      }
    }
    return out
  }

  /// Whether a byte is one of the characters `markdownEscaped` changes, or a line break's.
  private static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x26, 0x3C, 0x7C, 0x2A, 0x5F, 0x60, 0x5B, 0x5D, 0x5C, 0x0A, 0x0D: true
    default: false
    }
  }
}
