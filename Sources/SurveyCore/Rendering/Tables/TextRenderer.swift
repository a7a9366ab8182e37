/// Draws a report for a terminal: headings, then each table with its columns aligned by display
/// width (full-width characters take two columns), numbers on the right, and its notes.
public struct TextRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  public func render(_ report: Report) -> String {
    var out: [String] = []
    for section in report.sections {
      if report.sections.count > 1 || !section.heading.isEmpty {
        out.append("== \(section.heading) ==")
        out += section.summary
        out.append("")
      }
      for table in section.tables {
        out += render(table)
        out.append("")
      }
    }
    while out.last == "" { out.removeLast() }
    return out.joined(separator: "\n") + "\n"
  }

  public func render(_ table: Table) -> [String] {
    let grid = PeopleGrid(table, options: options)
    var widths = grid.headings.map { width($0) }
    for row in grid.rows {
      for (column, text) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], width(text))
      }
    }
    func cells(_ texts: [String]) -> [String] {
      texts.enumerated().map { column, text in
        DisplayWidth.pad(
          text, to: widths[column], alignRight: grid.numeric[column], ambiguousIsWide: options.ambiguousIsWide
        )
      }
    }
    var lines = [table.title]
    if options.boxed {
      func rule(_ left: String, _ middle: String, _ right: String) -> String {
        "  " + left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle) + right
      }
      lines.append(rule("┌", "┬", "┐"))
      lines.append("  │ " + cells(grid.headings).joined(separator: " │ ") + " │")
      lines.append(rule("├", "┼", "┤"))
      lines += grid.rows.map { "  │ " + cells($0).joined(separator: " │ ") + " │" }
      lines.append(rule("└", "┴", "┘"))
    } else {
      lines.append(("  " + cells(grid.headings).joined(separator: "  ")).trailingSpacesTrimmed)
      lines.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
      lines += grid.rows.map { ("  " + cells($0).joined(separator: "  ")).trailingSpacesTrimmed }
    }
    lines += table.notes.map { "  " + $0 }
    return lines
  }

  private func width(_ text: String) -> Int {
    DisplayWidth.of(text, ambiguousIsWide: options.ambiguousIsWide)
  }
}
