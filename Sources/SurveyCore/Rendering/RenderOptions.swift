/// Choices that change how figures are printed, never what they are.
public struct RenderOptions: Sendable {
  /// Decimals of percentages and statistics.
  public var decimals: Int
  /// Count East Asian Ambiguous characters (①, ×) as two columns, for CJK-configured terminals.
  public var ambiguousIsWide: Bool
  /// Draw text tables with Unicode box-drawing lines.
  public var boxed: Bool
  /// Draw horizontal bars beside frequency tables.
  public var chart: Bool
  /// CSV for Japanese Excel: a UTF-8 BOM and CRLF line ends.
  public var excel: Bool
  /// TSV and CSV crosstabs wide, one line per 表側 category, instead of one line per cell.
  public var wide = false

  public init(
    decimals: Int = 1, ambiguousIsWide: Bool = false, boxed: Bool = false, chart: Bool = false,
    excel: Bool = false
  ) {
    self.decimals = decimals
    self.ambiguousIsWide = ambiguousIsWide
    self.boxed = boxed
    self.chart = chart
    self.excel = excel
  }

  /// A cell as raw text for machines: counts as integers, percentages as decimals, amounts in 千円.
  func machineText(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): text
    case .code(let code): String(code)
    case .count(let count): String(count)
    case .percent(let percent): percent.formatted(decimals: decimals) ?? ""
    case .yen(let yen): yen.formattedThousandYen.replacingOccurrences(of: ",", with: "")
    case .number(let fraction, _): fraction.formatted(decimals: decimals) ?? ""
    case .year(let year): String(year)
    case .empty: ""
    }
  }

  /// A cell as people read it: grouped digits, `−` for a zero count, circled codes.
  func humanText(_ cell: Cell) -> String {
    switch cell {
    case .text(let text): text.replacingOccurrences(of: "\n", with: " ")
    case .code(let code): CircledNumber.mark(code)
    case .count(let count): count == 0 ? "−" : count.groupedDigits
    case .percent(let percent): percent.formatted(decimals: decimals) ?? ""
    case .yen(let yen): yen.formattedThousandYen
    case .number(let fraction, let grouped): fraction.formatted(decimals: decimals, grouped: grouped) ?? ""
    case .year(let year): String(year)
    case .empty: ""
    }
  }

  /// The bar of a percentage, 40 columns for 100%, in eighths of a block.
  func bar(_ cell: Cell) -> String {
    guard case .percent(let percent) = cell, percent.base > 0 else { return "" }
    let eighths = (percent.count * 40 * 8 * 2 + percent.base) / (2 * percent.base)
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    return String(repeating: "█", count: eighths / 8) + partial[eighths % 8]
  }
}
