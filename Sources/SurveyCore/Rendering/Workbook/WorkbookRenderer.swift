/// Writes a report as an .xlsx workbook: a contents sheet linking to one sheet per table, each
/// table as Japanese reports print it (crosstabs wide, 全体 first, count and % rows), its figures
/// as numbers with number formats, its notes under it, the headings frozen, A4 print set up.
///
/// The numbers are the ones the TSV and CSV formats print (percentages already rounded to the
/// report's decimals), so a workbook and `--format tsv` hold the same figures.
public struct WorkbookRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  /// The workbook's bytes (a ZIP archive).
  public func render(_ report: Report) -> [UInt8] {
    var names = SheetNames()
    let contentsName = names.name(for: WorkbookWords.contents)
    let tableNames = report.tables.map { names.name(for: $0.id) }
    var sheets = [contents(report, sheetNames: tableNames)]
    sheets += zip(report.tables, tableNames).map { table, _ in sheet(table) }
    let (workbook, relationships) = XMLPart.workbook(sheetNames: [contentsName] + tableNames)
    var archive = ZipWriter()
    archive.add("[Content_Types].xml", Array(XMLPart.contentTypes(sheets: sheets.count).utf8))
    archive.add("_rels/.rels", Array(XMLPart.rootRelationships.utf8))
    archive.add("xl/workbook.xml", Array(workbook.utf8))
    archive.add("xl/_rels/workbook.xml.rels", Array(relationships.utf8))
    archive.add("xl/styles.xml", Array(WorkbookStyle.styleSheet(decimals: options.decimals).utf8))
    for (index, sheet) in sheets.enumerated() {
      archive.add("xl/worksheets/sheet\(index + 1).xml", Array(sheet.xml().utf8))
    }
    return archive.finished()
  }

  /// The first sheet: the report's title, then each section's heading and its tables, each
  /// linked to its sheet.
  private func contents(_ report: Report, sheetNames: [String]) -> SheetWriter {
    var sheet = SheetWriter()
    sheet.addRow(1, [text(report.title, .title)])
    sheet.addRow(
      3,
      [
        text(WorkbookWords.number, .heading), text(WorkbookWords.table, .heading),
        text(WorkbookWords.sheet, .heading),
      ])
    sheet.frozenAt = CellReference(column: 0, row: 4)
    var row = 4
    var number = 0
    for section in report.sections {
      if !section.heading.isEmpty {
        sheet.addRow(row, [nil, text(section.heading, .title)])
        row += 1
      }
      for table in section.tables {
        let name = sheetNames[number]
        number += 1
        sheet.addRow(
          row,
          [(.number(String(number)), .whole, String(number)), text(table.title, .link), text(name, .plain)])
        sheet.link(CellReference(column: 1, row: row), toSheet: name)
        row += 1
      }
    }
    return sheet
  }

  /// A table's sheet: its title, a blank row, its headings, its rows, a blank row, its notes.
  private func sheet(_ table: Table) -> SheetWriter {
    var sheet = SheetWriter()
    sheet.addRow(1, [text(table.title, .title)])
    sheet.addRow(3, table.columns.map { text($0.heading, .heading) })
    sheet.frozenAt = CellReference(column: table.columns.count > 1 ? 1 : 0, row: 4)
    for (index, cells) in table.rows.enumerated() {
      var written = cells.map(cell)
      if table.smallBaseRows.contains(index), let first = written.first, let first,
        case .text(let label) = first.value
      {
        written[0] = text(label + " *", first.style)
      }
      sheet.addRow(4 + index, written)
    }
    for (offset, note) in table.notes.enumerated() {
      // A note runs on across the columns to its right: it does not widen the first.
      sheet.addRow(5 + table.rows.count + offset, [(.text(note), .plain, "")])
    }
    return sheet
  }

  private func text(_ text: String, _ style: WorkbookStyle) -> (
    value: SheetWriter.Value, style: WorkbookStyle, shown: String
  ) {
    (.text(text), style, text)
  }

  /// A table's cell as a workbook cell: figures as numbers in the style of their kind.
  private func cell(_ cell: Cell) -> (value: SheetWriter.Value, style: WorkbookStyle, shown: String)? {
    let digits = options.machineText(cell)
    let shown = options.humanText(cell)
    switch cell {
    case .empty: return nil
    case .text(let text): return (.text(text), .plain, shown)
    case .code: return (.text(shown), .plain, shown)
    case .count: return (.number(digits), .count, shown)
    case .year: return (.number(digits), .whole, shown)
    case .percent, .number(_, grouped: false):
      return digits.isEmpty ? nil : (.number(digits), .decimal, shown)
    case .yen, .number(_, grouped: true):
      return digits.isEmpty
        ? nil : (.number(digits), digits.contains(".") ? .groupedDecimal : .groupedWhole, shown)
    }
  }
}
