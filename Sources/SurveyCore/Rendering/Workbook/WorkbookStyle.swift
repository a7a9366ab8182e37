/// The cell styles of a workbook kyodo writes: their order is their index in `xl/styles.xml`.
enum WorkbookStyle: Int, CaseIterable {
  case plain
  case title
  case heading
  /// A count: grouped digits, `−` for zero, as the report prints it.
  case count
  /// A percentage or statistic with the report's decimals.
  case decimal
  /// An amount in 千円 or a grouped statistic: grouped digits with the report's decimals.
  case groupedDecimal
  case groupedWhole
  /// A year: digits, not grouped.
  case whole
  case link

  /// The number format of each style with one (ids from 164, the first free for custom formats).
  static func numberFormats(decimals: Int) -> [(id: Int, code: String)] {
    let fraction = decimals > 0 ? "." + String(repeating: "0", count: decimals) : ""
    return [
      (164, "#,##0;-#,##0;\"−\""), (165, "0" + fraction), (166, "#,##0" + fraction), (167, "#,##0"),
      (168, "0"),
    ]
  }

  var numberFormat: Int {
    switch self {
    case .count: 164
    case .decimal: 165
    case .groupedDecimal: 166
    case .groupedWhole: 167
    case .whole: 168
    default: 0
    }
  }

  /// `xl/styles.xml`.
  static func styleSheet(decimals: Int) -> String {
    let formats = numberFormats(decimals: decimals).map {
      "<numFmt numFmtId=\"\($0.id)\" formatCode=\"\(SpreadsheetText.escaped($0.code))\"/>"
    }
    let font =
      "<sz val=\"11\"/><name val=\"\(WorkbookWords.font)\"/><family val=\"3\"/><charset val=\"128\"/>"
    let styles = allCases.map { style in
      let fontID = style == .title || style == .heading ? 1 : style == .link ? 2 : 0
      let border = style == .heading ? 1 : 0
      var xf =
        "<xf numFmtId=\"\(style.numberFormat)\" fontId=\"\(fontID)\" fillId=\"0\" borderId=\"\(border)\" xfId=\"0\""
      if style.numberFormat != 0 { xf += " applyNumberFormat=\"1\"" }
      if fontID != 0 { xf += " applyFont=\"1\"" }
      if style == .heading {
        xf += " applyBorder=\"1\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"center\"/></xf>"
      } else {
        xf += "/>"
      }
      return xf
    }
    return XMLPart.header
      + "<styleSheet xmlns=\"\(XMLPart.mainNamespace)\">"
      + "<numFmts count=\"\(formats.count)\">\(formats.joined())</numFmts>"
      + "<fonts count=\"3\"><font>\(font)</font><font><b/>\(font)</font>"
      + "<font><u/><color rgb=\"FF0563C1\"/>\(font)</font></fonts>"
      + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
      + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
      + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
      + "<border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"\(styles.count)\">\(styles.joined())</cellXfs>"
      + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "</styleSheet>"
  }
}
