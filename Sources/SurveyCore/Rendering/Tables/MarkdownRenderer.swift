/// Writes a report as Markdown: a heading per section, a pipe table per table, numbers aligned
/// right, notes as a list.
public struct MarkdownRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  public func render(_ report: Report) -> String {
    var out: [String] = []
    for section in report.sections {
      if !section.heading.isEmpty {
        out.append("## \(escape(section.heading))")
        out.append("")
        out += section.summary.map { escape($0) }
        if !section.summary.isEmpty { out.append("") }
      }
      for table in section.tables {
        out += render(table)
        out.append("")
      }
    }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  func render(_ table: Table) -> [String] {
    let grid = PeopleGrid(table, options: options)
    var lines = ["#### \(escape(table.title))", ""]
    lines.append("| " + grid.headings.map(escape).joined(separator: " | ") + " |")
    lines.append("|" + grid.numeric.map { $0 ? " ---: |" : " --- |" }.joined())
    lines += grid.rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
    if !table.notes.isEmpty {
      lines.append("")
      lines += table.notes.map { "- " + escape($0) }
    }
    return lines
  }

  private func escape(_ text: String) -> String { text.markdownEscaped }
}
