/// The formats `kyodo check` prints its findings in.
public enum CheckFormat: String, Sendable, CaseIterable {
  /// One diagnostic per line, `file:line:column: severity: item: found; expected …`, then one
  /// summary line per file.
  case text
  /// A header line, then one diagnostic per line: file, line, column, severity, item, found,
  /// expected, cell.
  case tsv
  /// One document: every file with its rows, counts and diagnostics.
  case json

  /// The report in this format. Text and TSV show a line break or tab inside a found text as `\n`
  /// or `\t`, so that each diagnostic stays on one line.
  public func render(_ report: CheckReport) -> String {
    switch self {
    case .text:
      let lines =
        report.diagnostics.map { CheckFormat.escaped($0).description } + CheckFormat.summaries(report)
      return lines.map { $0 + "\n" }.joined()
    case .tsv:
      let header = "file\tline\tcolumn\tseverity\titem\tfound\texpected\tcell\n"
      return header
        + report.diagnostics.map { diagnostic in
          let escaped = CheckFormat.escaped(diagnostic)
          return [
            escaped.file, escaped.line.map(String.init) ?? "", escaped.column.map(String.init) ?? "",
            escaped.severity.rawValue, escaped.item ?? "", escaped.found, escaped.expected ?? "",
            escaped.cell ?? "",
          ].joined(separator: "\t") + "\n"
        }.joined()
    case .json:
      return CheckFormat.json(report)
    }
  }

  /// One line per file: `file: N rows, E errors, W warnings` (`codebook` for a codebook that failed).
  public static func summaries(_ report: CheckReport) -> [String] {
    report.files.map { file in
      let rows = file.formID == nil ? "codebook" : SurveyCore.counted(file.rows, "row")
      let omitted =
        file.omitted > 0 ? " (\(file.omitted) not listed: only the first \(file.diagnostics.count) are)" : ""
      return
        "\(escapedText(file.file)): \(rows), \(SurveyCore.counted(file.errors, "error")), \(SurveyCore.counted(file.warnings, "warning"))\(omitted)"
    }
  }

  static func escapedText(_ text: String) -> String {
    // Most texts hold nothing to escape: told from their bytes, without breaking them into characters.
    guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
      return text
    }
    var result = ""
    for character in text {
      switch character {
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r\n": result += "\\r\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result.append(character)
      }
    }
    return result
  }

  static func escaped(_ diagnostic: Diagnostic) -> Diagnostic {
    var copy = diagnostic
    copy.file = escapedText(diagnostic.file)
    copy.item = diagnostic.item.map(escapedText)
    copy.found = escapedText(diagnostic.found)
    copy.expected = diagnostic.expected.map(escapedText)
    return copy
  }

  /// `{"errors": n, "warnings": n, "files": [{"file", "form", "rows", "errors", "warnings", "omitted",
  /// "diagnostics": [{"file", "line", "column", "severity", "item", "found", "expected", "cell"}]}]}`;
  /// an unknown line, column, item or expectation is null, and `form` is null for the codebook.
  static func json(_ report: CheckReport) -> String {
    let writer = JSONRenderer()
    func optional(_ text: String?) -> String { text.map(writer.string) ?? "null" }
    func optional(_ number: Int?) -> String { number.map(String.init) ?? "null" }
    let files = report.files.map { file in
      let diagnostics = file.diagnostics.map { diagnostic in
        "{\"file\":\(writer.string(diagnostic.file)),\"line\":\(optional(diagnostic.line)),"
          + "\"column\":\(optional(diagnostic.column)),\"severity\":\(writer.string(diagnostic.severity.rawValue)),"
          + "\"item\":\(optional(diagnostic.item)),\"found\":\(writer.string(diagnostic.found)),"
          + "\"expected\":\(optional(diagnostic.expected)),\"cell\":\(optional(diagnostic.cell))}"
      }
      return "{\"file\":\(writer.string(file.file)),\"form\":\(optional(file.formID)),\"rows\":\(file.rows),"
        + "\"errors\":\(file.errors),\"warnings\":\(file.warnings),\"omitted\":\(file.omitted),\"diagnostics\":["
        + (diagnostics.isEmpty ? "" : "\n" + diagnostics.joined(separator: ",\n") + "\n") + "]}"
    }
    return "{\"errors\":\(report.errors),\"warnings\":\(report.warnings),\"files\":[\n"
      + files.joined(separator: ",\n") + "\n]}\n"
  }
}
