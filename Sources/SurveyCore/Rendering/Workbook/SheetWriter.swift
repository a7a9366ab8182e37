/// One worksheet as it is written: rows of styled cells, the columns as wide as their widest
/// text, panes frozen at a cell, and links to other sheets; printed on A4, fitted to its width.
struct SheetWriter {
  /// What a cell holds: text, or a number written as its decimal digits.
  enum Value {
    case text(String)
    case number(String)
  }

  private var rows: [String] = []
  private var widths: [Int] = []
  private var links: [String] = []
  /// The top-left cell of the part that scrolls: the rows above it and the columns left of it stay.
  var frozenAt: CellReference?

  /// Adds row `number` (from 1, in increasing order); `shown` is each cell's text as people read
  /// it, for the column widths.
  mutating func addRow(_ number: Int, _ cells: [(value: Value, style: WorkbookStyle, shown: String)?]) {
    var xml = "<row r=\"\(number)\">"
    for (column, cell) in cells.enumerated() {
      guard let cell else { continue }
      let reference = CellReference(column: column, row: number)
      let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
      switch cell.value {
      case .text(let text):
        xml += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
        xml += SpreadsheetText.escaped(text) + "</t></is></c>"
      case .number(let digits):
        xml += "<c r=\"\(reference)\"\(style)><v>\(digits)</v></c>"
      }
      if cell.style != .title {
        if widths.count <= column { widths += repeatElement(0, count: column + 1 - widths.count) }
        widths[column] = max(widths[column], DisplayWidth.of(cell.shown, ambiguousIsWide: true))
      }
    }
    rows.append(xml + "</row>")
  }

  /// Makes the cell a link to the top-left cell of the sheet named `sheet`.
  mutating func link(_ cell: CellReference, toSheet sheet: String) {
    let location = "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'!A1"
    links.append("<hyperlink ref=\"\(cell)\" location=\"\(SpreadsheetText.escaped(location))\"/>")
  }

  /// The worksheet's XML part.
  func xml() -> String {
    var xml = XMLPart.header
    xml += "<worksheet xmlns=\"\(XMLPart.mainNamespace)\" xmlns:r=\"\(XMLPart.relationshipsNamespace)\">"
    xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
    xml += "<sheetViews><sheetView workbookViewId=\"0\">"
    if let frozenAt, frozenAt.column > 0 || frozenAt.row > 1 {
      var pane = ""
      if frozenAt.column > 0 { pane += " xSplit=\"\(frozenAt.column)\"" }
      if frozenAt.row > 1 { pane += " ySplit=\"\(frozenAt.row - 1)\"" }
      let active = frozenAt.column > 0 ? (frozenAt.row > 1 ? "bottomRight" : "topRight") : "bottomLeft"
      xml += "<pane\(pane) topLeftCell=\"\(frozenAt)\" activePane=\"\(active)\" state=\"frozen\"/>"
      xml += "<selection pane=\"\(active)\" activeCell=\"\(frozenAt)\" sqref=\"\(frozenAt)\"/>"
    }
    xml += "</sheetView></sheetViews>"
    if !widths.isEmpty {
      xml += "<cols>"
      for (index, width) in widths.enumerated() {
        let excelWidth = min(60, max(6, width + 2))
        xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(excelWidth)\" customWidth=\"1\"/>"
      }
      xml += "</cols>"
    }
    xml += "<sheetData>" + rows.joined() + "</sheetData>"
    if !links.isEmpty { xml += "<hyperlinks>" + links.joined() + "</hyperlinks>" }
    xml +=
      "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
    xml += "<pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
    return xml + "</worksheet>"
  }
}
