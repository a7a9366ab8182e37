import SurveyCore

/// `kyodo tabulate`: the standard report, one item's table, or a crosstab.
enum Tabulate {
  static let command = Subcommand(name: name, abstract: abstract, help: help, run: run)

  static let name = "tabulate"
  static let abstract = "Print the standard report, one item's table, or a crosstab."
  static let help = """
    OVERVIEW: Tabulate the survey.

    USAGE: kyodo tabulate [ITEM] [--by ITEM] [options]

    With no ITEM, prints the standard report of every questionnaire: for the overall form, how
    many units answered each free-text item (in total and per department), each coded item's
    distribution and its crossing with the free-text items; for the project and entry forms,
    rows per department, a frequency table of every coded item, and amounts summed per
    department and per breakdown item, with how many gave no amount and why.

    With ITEM, prints that item's table; with --by, a crosstab (counts and row %). Items are
    named by id (a.4) or by printed title (形態); `kyodo items` lists them. 無回答 (blank or a
    non-answer such as 記入なし) is always shown.

    ARGUMENTS:
      ITEM                An item id or title.

    OPTIONS:
      --by ITEM           Cross ITEM by this breakdown item of the same questionnaire (部, 課, a code).
      --format FORMAT     text (default, for people), tsv, csv or json (stable, for machines).
      --decimals N        Decimals of percentages (default 1; rounded half up).
      --ambiguous-wide    Align for terminals that draw ① and × two columns wide.
    \(DataOptions.help)
      -h, --help          Show this help.

    TSV: one item prints `code<TAB>label<TAB>n<TAB>percent`, with code NA for 無回答 and a row
    `base` giving the number the percentages are of; a crosstab prints long format
    `row_code<TAB>row_label<TAB>col_code<TAB>col_label<TAB>n<TAB>row_percent`; the standard report
    prints each table after a `# id<TAB>title` line, tables separated by a blank line.

    EXAMPLES:
      kyodo tabulate
      kyodo tabulate 形態
      kyodo tabulate a.4 --by 部 --format tsv
      kyodo tabulate 設問２ --data exports/ --codebook exports/codebook.tsv
    """

  static func run(_ arguments: Arguments, output: inout Output) throws -> ExitStatus {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("expected at most one ITEM, got \(arguments.positionals.joined(separator: " "))")
    }
    let format = try RenderChoice.format(arguments)
    let options = try RenderChoice.options(arguments)
    if arguments.value("year") != nil { throw UsageError("option '--year' is one of kyodo check's only") }
    if arguments.value("by") != nil && arguments.positionals.isEmpty {
      throw UsageError("--by needs an ITEM to cross")
    }
    let survey = try DataOptions.load(arguments, output: &output)
    let report: Report
    if let item = arguments.positionals.first {
      report = try Query(item: item, breakdown: arguments.value("by")).run(on: survey)
    } else {
      report = try StandardReport.make(survey)
    }
    output.standardOutput(format.render(report, options: options))
    return .success
  }
}

/// The options that choose how a report is printed.
enum RenderChoice {
  static func format(_ arguments: Arguments) throws -> OutputFormat {
    guard let name = arguments.value("format") else { return .text }
    guard let format = OutputFormat(rawValue: name) else {
      throw UsageError(
        "unknown format '\(name)'; expected one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    return format
  }

  static func options(_ arguments: Arguments) throws -> RenderOptions {
    var options = RenderOptions(ambiguousIsWide: arguments.flag("ambiguous-wide"))
    if let text = arguments.value("decimals") {
      guard let decimals = Int(text), (0...4).contains(decimals) else {
        throw UsageError("--decimals expects a number from 0 to 4, got '\(text)'")
      }
      options.decimals = decimals
    }
    return options
  }
}
