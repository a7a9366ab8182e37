/// Writes a report as one JSON document.
///
/// Schema: `{"title": string, "sections": [{"heading": string, "summary": [string], "tables":
/// [{"id": string, "title": string, "columns": [string], "rows": [[string | number | null]],
/// "notes": [string]}]}]}`. Counts are integers, percentages and amounts (千円) are numbers, an
/// empty cell is null; crosstabs are in long format.
public struct JSONRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  public func render(_ report: Report) -> String {
    let sections = report.sections.map { section in
      "{\"heading\":\(string(section.heading)),\"summary\":[\(section.summary.map(string).joined(separator: ","))],\"tables\":[\n"
        + section.tables.map { render($0.forMachines) }.joined(separator: ",\n") + "\n]}"
    }
    return "{\"title\":\(string(report.title)),\"sections\":[\n" + sections.joined(separator: ",\n")
      + "\n]}\n"
  }

  func render(_ table: Table) -> String {
    let columns = table.columns.map { string($0.key) }.joined(separator: ",")
    let rows = table.rows.map { row in "[" + row.map(value).joined(separator: ",") + "]" }.joined(
      separator: ",\n")
    return
      "{\"id\":\(string(table.id)),\"title\":\(string(table.title)),\"columns\":[\(columns)],\"rows\":[\n\(rows)\n],\"notes\":[\(table.notes.map(string).joined(separator: ","))]}"
  }

  private func value(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): string(text)
    case .code(let code): string(String(code))
    case .empty: "null"
    case .percent(let percent): percent.formatted(decimals: options.decimals) ?? "null"
    case .number(let fraction, _): fraction.formatted(decimals: options.decimals) ?? "null"
    default: options.machineText(cell)
    }
  }

  func string(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
