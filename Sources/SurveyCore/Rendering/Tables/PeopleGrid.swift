/// A table as the strings people read, shared by the text and Markdown renderers: `*` on rows of
/// a small base, `−` for zero counts, and a bar column when charts are asked for.
struct PeopleGrid {
  var headings: [String]
  var rows: [[String]]
  var numeric: [Bool]

  init(_ table: Table, options: RenderOptions) {
    headings = table.columns.map(\.heading)
    rows = table.rows.enumerated().map { index, row in
      var texts = row.map(options.humanText)
      if table.smallBaseRows.contains(index), !texts.isEmpty { texts[0] += " *" }
      return texts
    }
    numeric = table.columns.indices.map { column in
      table.rows.contains { row in column < row.count && row[column].isNumeric }
        && !table.rows.contains { row in column < row.count && row[column].isText }
    }
    if options.chart, let chart = table.chart {
      headings.append("")
      numeric.append(false)
      for index in rows.indices {
        let cell =
          chart.rows.contains(index) && chart.valueColumn < table.rows[index].count
          ? table.rows[index][chart.valueColumn] : Cell.empty
        rows[index].append(options.bar(cell))
      }
    }
  }
}
