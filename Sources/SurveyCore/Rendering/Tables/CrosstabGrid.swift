/// A crosstab's long form (one line per cell) laid out wide for TSV and CSV: one line per 表側
/// category, in the order of the long form (全体 first), with its base, then for each 表頭 category
/// its count and row percentage, so that it pastes into a spreadsheet as a grid.
enum CrosstabGrid {
  /// The wide table, or nil when `table` is not a crosstab with a long form of cells.
  static func wide(_ table: Table) -> Table? {
    guard let long = table.long else { return nil }
    let keys = long.columns.map(\.key)
    guard let rowCode = keys.firstIndex(of: "row_code"), let rowLabel = keys.firstIndex(of: "row_label"),
      let columnCode = keys.firstIndex(of: "col_code"), let columnLabel = keys.firstIndex(of: "col_label"),
      let count = keys.firstIndex(of: "n"), let percent = keys.firstIndex(of: "row_percent"),
      let base = keys.firstIndex(of: "base")
    else { return nil }
    var headings: [[Cell]] = []
    var lines: [[Cell]] = []
    var lineIndex: [[Cell]: Int] = [:]
    for row in long.rows where row.count == keys.count {
      let key = [row[rowCode], row[rowLabel]]
      let heading = [row[columnCode], row[columnLabel]]
      if !headings.contains(heading) { headings.append(heading) }
      let index: Int
      if let found = lineIndex[key] {
        index = found
      } else {
        index = lines.count
        lineIndex[key] = index
        lines.append(key + [row[base]])
      }
      lines[index] += [row[count], row[percent]]
    }
    guard lines.allSatisfy({ $0.count == 3 + 2 * headings.count }) else { return nil }
    let options = RenderOptions()
    var columns = [Column("row_code"), Column("row_label"), Column("base")]
    for heading in headings {
      let name = heading.map(options.machineText).joined(separator: " ")
      columns += [Column("\(name) n"), Column("\(name) %")]
    }
    return Table(id: table.id, title: table.title, columns: columns, rows: lines)
  }
}
