extension String {
  /// The text safe inside a Markdown table cell: `&` and `<` escaped, `|` and emphasis marks
  /// backslashed, line breaks as `<br>`.
  var markdownEscaped: String {
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
}
