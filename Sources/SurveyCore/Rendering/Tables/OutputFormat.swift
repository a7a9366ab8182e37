/// The formats kyodo prints tables in.
///
/// `tsv`, `csv` and `json` are for machines and stable: their columns and keys change only with a
/// documented version change, numbers are raw (no `%`, no thousands separators, amounts in 千円).
/// `text` and `markdown` are for people and may change to read better.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns for a terminal, by display width; plain or boxed.
  case text
  /// GitHub-flavoured Markdown tables, for reports and issues.
  case markdown
  /// Tab-separated values, one header line per table.
  case tsv
  /// Comma-separated values (RFC 4180 quoting); with `excel`, a UTF-8 BOM and CRLF line ends.
  case csv
  /// One JSON document: the report's sections and tables.
  case json

  public func render(_ report: Report, options: RenderOptions = RenderOptions()) -> String {
    switch self {
    case .text: TextRenderer(options: options).render(report)
    case .markdown: MarkdownRenderer(options: options).render(report)
    case .tsv: DelimitedRenderer(separator: "\t", options: options).render(report)
    case .csv: DelimitedRenderer(separator: ",", options: options).render(report)
    case .json: JSONRenderer(options: options).render(report)
    }
  }
}
