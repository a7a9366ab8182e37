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
    let texts = table.rows.map { $0.map(text) }
    let numeric = table.columns.indices.map { column in
      table.rows.contains { row in column < row.count && row[column].isNumeric }
        && !table.rows.contains { row in column < row.count && row[column].isText }
    }
    var widths = table.columns.map { DisplayWidth.of($0.heading, ambiguousIsWide: options.ambiguousIsWide) }
    for row in texts {
      for (column, text) in row.enumerated() where column < widths.count {
        widths[column] = max(widths[column], DisplayWidth.of(text, ambiguousIsWide: options.ambiguousIsWide))
      }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.enumerated().map { column, text in
        DisplayWidth.pad(
          text, to: widths[column], alignRight: numeric[column], ambiguousIsWide: options.ambiguousIsWide)
      }
      return "  " + padded.joined(separator: "  ").trailingSpacesTrimmed
    }
    var lines = [table.title]
    lines.append(line(table.columns.map(\.heading)))
    lines.append("  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    lines += texts.map(line)
    lines += table.notes.map { "  " + $0 }
    return lines
  }

  private func text(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): text.replacingOccurrences(of: "\n", with: " ")
    case .code(let code): CircledNumber.mark(code)
    case .count(let count): count.groupedDigits
    case .percent(let percent): percent.formatted(decimals: options.decimals) ?? ""
    case .yen(let yen): yen.formattedThousandYen
    case .empty: ""
    }
  }
}

extension Cell {
  var isNumeric: Bool {
    switch self {
    case .count, .percent, .yen: true
    default: false
    }
  }

  var isText: Bool {
    switch self {
    case .text, .code: true
    default: false
    }
  }
}

extension String {
  var trailingSpacesTrimmed: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
