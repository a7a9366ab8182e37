/// Writes tables as TSV or CSV with raw numbers, for spreadsheets and scripts.
///
/// A report of one table prints just that table: a header line of column keys, then its rows.
/// A report of several tables prints each as a block that starts with a `# id<TAB>title` line, the
/// blocks separated by a blank line. Crosstabs print in long format, or with `wide` one line per
/// 表側 category (`CrosstabGrid`).
public struct DelimitedRenderer: Sendable {
  public var separator: Character
  public var options: RenderOptions

  public init(separator: Character, options: RenderOptions = RenderOptions()) {
    self.separator = separator
    self.options = options
  }

  public func render(_ report: Report) -> String {
    let tables = report.tables.map { options.wide ? CrosstabGrid.wide($0) ?? $0.forMachines : $0.forMachines }
    let text: String
    if tables.count == 1, let table = tables.first {
      text = render(table)
    } else {
      text = tables.map { table in
        "# \(table.id)\(separator)\(field(table.title))\n" + render(table)
      }.joined(separator: "\n")
    }
    guard options.excel else { return text }
    // Japanese Excel reads a BOM as UTF-8 (else it assumes CP932) and expects CRLF.
    return "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")
  }

  public func render(_ table: Table) -> String {
    var lines = [table.columns.map { field($0.key) }.joined(separator: String(separator))]
    for row in table.rows {
      lines.append(row.map { field(options.machineText($0)) }.joined(separator: String(separator)))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A field, quoted when it holds the separator, a quote or a line break.
  func field(_ text: String) -> String {
    guard text.contains(where: { $0 == separator || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
