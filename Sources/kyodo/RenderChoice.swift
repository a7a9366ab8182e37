import Foundation
import SurveyCore

/// The options that choose how a report is printed and what its tables hold.
enum RenderChoice {
  static let format = CommandOption.single(
    "format", "FORMAT",
    help: """
      text (default) or markdown for people; tsv, csv or json for machines;
      xlsx, an Excel workbook (a contents sheet and a sheet per table), with --output.
      """)
  static let output = CommandOption.single(
    "output", "FILE", help: "Write the result to FILE, whole or not at all, instead of standard output.")
  static let excel = CommandOption.flag(
    "excel", help: "With csv: a UTF-8 BOM and CRLF line ends, for Japanese Excel.")
  static let layout = CommandOption.single(
    "layout", "LAYOUT",
    help: "long (default): a TSV or CSV crosstab one line per cell; wide: one line per 表側 category.")
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
  static func outputFormat(_ arguments: Arguments) throws -> ReportFormat {
    guard let name = arguments.value(Self.format) else {
      return .text(arguments.flag(Self.excel) ? .csv : .text)
    }
    guard let format = ReportFormat(name: name) else {
      throw UsageError(
        "unknown format '\(name)'; expected one of \(ReportFormat.names.joined(separator: ", "))")
    }
    if arguments.flag(Self.excel) && format != .text(.csv) {
      throw UsageError("--excel writes CSV; it cannot go with --format \(name)")
    }
    return format
  }

  /// Writes a report in `format` where --output says, or to standard output; a workbook is never
  /// written to a terminal.
  static func write(
    _ report: Report, format: ReportFormat, options: RenderOptions, _ arguments: Arguments,
    output: inout Output
  ) throws {
    if let path = arguments.value(Self.output) {
      try OutputFile.write(format.bytes(report, options: options), to: path)
      return
    }
    switch format {
    case .text(let text):
      try output.standardOutput(text.render(report, options: options))
    case .workbook:
      guard isatty(STDOUT_FILENO) == 0 else {
        throw UsageError("--format xlsx writes a binary workbook: give --output FILE (e.g. --output 集計.xlsx)")
      }
      try DescriptorWriter.standardOutput.write(format.bytes(report, options: options)[...])
    }
  }

  /// How the tables are drawn: --boxed, --chart, --decimals and the others.
  static func options(_ arguments: Arguments) throws -> RenderOptions {
    var options = RenderOptions(
      ambiguousIsWide: arguments.flag(Self.ambiguousWide), boxed: arguments.flag(Self.boxed),
      chart: arguments.flag(Self.chart), excel: arguments.flag(Self.excel))
    switch arguments.value(Self.layout) {
    case nil, "long": break
    case "wide": options.wide = true
    case let other?: throw UsageError("--layout expects long or wide, got '\(other)'")
    }
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
