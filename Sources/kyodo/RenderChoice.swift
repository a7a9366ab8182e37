import SurveyCore

/// The options that choose how a report is printed and what its tables hold.
enum RenderChoice {
  static let format = CommandOption.single(
    "format", "FORMAT", help: "text (default) or markdown for people; tsv, csv or json for machines.")
  static let excel = CommandOption.flag(
    "excel", help: "With csv: a UTF-8 BOM and CRLF line ends, for Japanese Excel.")
  static let boxed = CommandOption.flag("boxed", help: "Draw text tables with box-drawing lines.")
  static let chart = CommandOption.flag("chart", help: "Draw horizontal bars beside frequency tables.")
  static let decimals = CommandOption.single(
    "decimals", "N", help: "Decimals of percentages and statistics (default 1; rounded half up).")
  static let ambiguousWide = CommandOption.flag(
    "ambiguous-wide", help: "Align for terminals that draw ① and × two columns wide.")
  static let base = CommandOption.single(
    "base", "BASE",
    help: """
      all (default): every row, 無回答 inside the base (全対象者ベース);
      answered: only rows that answered (回答者ベース).
      """)
  static let labels = CommandOption.single(
    "labels", "STYLE", help: "short (default: code and the printed label), full, or code.")
  static let mentions = CommandOption.flag(
    "mentions", help: "Add % of all mentions (M.T.) to multiple-choice tables.")
  static let splitNotAnswered = CommandOption.flag(
    "split-na", help: "Split 無回答 into 空欄 (left blank) and 記入なし (a non-answer such as 記入なし written).")

  /// The --format value, CSV for --excel alone.
  static func outputFormat(_ arguments: Arguments) throws -> OutputFormat {
    guard let name = arguments.value(Self.format) else { return arguments.flag(Self.excel) ? .csv : .text }
    guard let format = OutputFormat(rawValue: name) else {
      throw UsageError(
        "unknown format '\(name)'; expected one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    if arguments.flag(Self.excel) && format != .csv {
      throw UsageError("--excel writes CSV; it cannot go with --format \(name)")
    }
    return format
  }

  /// How the tables are drawn: --boxed, --chart, --decimals and the others.
  static func options(_ arguments: Arguments) throws -> RenderOptions {
    var options = RenderOptions(
      ambiguousIsWide: arguments.flag(Self.ambiguousWide), boxed: arguments.flag(Self.boxed),
      chart: arguments.flag(Self.chart), excel: arguments.flag(Self.excel))
    if let text = arguments.value(Self.decimals) {
      guard let decimals = Int(text), (0...4).contains(decimals) else {
        throw UsageError("--decimals expects a number from 0 to 4, got '\(text)'")
      }
      options.decimals = decimals
    }
    return options
  }

  /// What the tables hold: --base, --labels, --mentions and --split-na.
  static func tableOptions(_ arguments: Arguments) throws -> TableOptions {
    var options = TableOptions(percentOfMentions: arguments.flag(Self.mentions))
    options.splitsNotAnswered = arguments.flag(Self.splitNotAnswered)
    if let name = arguments.value(Self.base) {
      guard let base = Base(rawValue: name) else {
        throw UsageError("--base expects all or answered, got '\(name)'")
      }
      options.base = base
    }
    if let name = arguments.value(Self.labels) {
      guard let labels = LabelStyle(rawValue: name) else {
        throw UsageError("--labels expects short, full or code, got '\(name)'")
      }
      options.labels = labels
    }
    return options
  }
}
