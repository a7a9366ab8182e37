/// The formats kyodo prints tables in.
///
/// `tsv`, `csv` and `json` are for machines and stable: their columns and keys change only with a
/// documented version change, numbers are raw (no `%`, no thousands separators, amounts in 千円).
/// `text` is for people and may change to read better.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns for a terminal, by display width.
  case text
  /// Tab-separated values, one header line per table.
  case tsv
  /// Comma-separated values (RFC 4180 quoting).
  case csv
  /// One JSON document: the report's sections and tables.
  case json

  public func render(_ report: Report, options: RenderOptions = RenderOptions()) -> String {
    switch self {
    case .text: TextRenderer(options: options).render(report)
    case .tsv: DelimitedRenderer(separator: "\t", options: options).render(report)
    case .csv: DelimitedRenderer(separator: ",", options: options).render(report)
    case .json: JSONRenderer(options: options).render(report)
    }
  }
}

/// Choices that change how figures are printed, never what they are.
public struct RenderOptions: Sendable {
  /// Decimals of percentages.
  public var decimals: Int
  /// Count East Asian Ambiguous characters (①, ×) as two columns, for CJK-configured terminals.
  public var ambiguousIsWide: Bool

  public init(decimals: Int = 1, ambiguousIsWide: Bool = false) {
    self.decimals = decimals
    self.ambiguousIsWide = ambiguousIsWide
  }

  /// A cell as raw text for machines: counts as integers, percentages as decimals, amounts in 千円.
  func machineText(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): text
    case .code(let code): String(code)
    case .count(let count): String(count)
    case .percent(let percent): percent.formatted(decimals: decimals) ?? ""
    case .yen(let yen): yen.formattedThousandYen.replacingOccurrences(of: ",", with: "")
    case .empty: ""
    }
  }
}
