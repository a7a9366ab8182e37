import SurveyCore

/// `kyodo tabulate`: the standard report, one item's table, or a crosstab.
enum Tabulate {
  static let command = Subcommand(
    name: "tabulate", abstract: "Print the standard report, one item's table, or a crosstab.",
    synopsis: synopsis, options: options, epilogue: epilogue, run: run)

  static let by = CommandOption.single(
    "by", "ITEM", help: "Cross ITEM by this breakdown (部, 課, a coded item, a derived variable).")
  static let layer = CommandOption.single(
    "layer", "ITEM", help: "One table per category of this item (a third dimension).")
  static let filter = CommandOption.repeatable(
    "where", "FILTER",
    help: """
      Keep rows where ITEM=CODE[,CODE…] or ITEM!=CODE[,CODE…] (codes as 3, ③,
      委託, 市民部 or NA); repeat to combine with AND.
      """)
  static let stats = CommandOption.flag(
    "stats", help: "Add chi-square (df, p), Cramér's V and, for 2×2, Fisher's exact test.")

  static let options: [CommandOption] =
    [
      by, layer, filter, RenderChoice.base, RenderChoice.labels, RenderChoice.mentions,
      RenderChoice.splitNotAnswered, stats,
      RenderChoice.format, RenderChoice.output, RenderChoice.layout, RenderChoice.excel, RenderChoice.boxed,
      RenderChoice.chart,
      RenderChoice.decimals, RenderChoice.ambiguousWide,
    ] + DataOptions.all

  static let synopsis = """
    OVERVIEW: Tabulate the survey.

    USAGE: kyodo tabulate [ITEM] [--by ITEM] [--layer ITEM] [--where FILTER]... [options]

    With no ITEM, prints the standard report of every questionnaire: for the overall form, how
    many units answered each free-text item (in total and per department), each coded item's
    distribution and its crossing with the free-text items; for the project and entry forms,
    rows per department, a frequency table of every coded item, and statistics of amounts
    (per department and per breakdown item) and start years, with how many gave no figure and why.

    With ITEM, prints that item's table; with --by, a crosstab (counts and row %, 全体 first).
    Items are named by id (a.4), printed title (形態) or number (設問２); `kyodo items` lists them.
    An overall-form item crossed with a project or entry item is read through each project's unit
    (a join). Derived variables: ITEM:class (amount classes in 千円), ITEM:era and ITEM:decade
    (start years). 無回答 (blank or a non-answer such as 記入なし) is always shown.

    ARGUMENTS:
      ITEM                An item id, title or number.
    """

  static let epilogue = """
    TSV: one item prints `code<TAB>label<TAB>n<TAB>percent`, with code NA for 無回答 and a row
    `base` giving the number the percentages are of; a crosstab prints long format
    `row_code<TAB>row_label<TAB>col_code<TAB>col_label<TAB>n<TAB>row_percent<TAB>base`; several
    tables print each after a `# id<TAB>title` line, separated by a blank line.

    EXAMPLES:
      kyodo tabulate
      kyodo tabulate 形態 --chart
      kyodo tabulate a.4 --by 部 --format tsv
      kyodo tabulate 形態 --by 設問２ --where 部=市民部,環境部
      kyodo tabulate 類型 --by 関わり --stats
      kyodo tabulate 市の予算 --by a.4
    """

  static func run(_ arguments: Arguments, output: inout Output) throws -> ExitStatus {
    guard arguments.positionals.count <= 1 else {
      throw UsageError("expected at most one ITEM, got \(arguments.positionals.joined(separator: " "))")
    }
    let format = try RenderChoice.outputFormat(arguments)
    let renderOptions = try RenderChoice.options(arguments)
    let tableOptions = try RenderChoice.tableOptions(arguments)
    if arguments.positionals.isEmpty {
      for option in [by, layer, filter] where !arguments.values(option).isEmpty {
        throw UsageError("--\(option.name) needs an ITEM to tabulate")
      }
    }
    var filters: [Filter] = []
    for text in arguments.values(filter) { filters.append(try Filter(parsing: text)) }
    let survey = try DataOptions.load(arguments, output: &output)
    let outcome: Outcome<Report>
    if let item = arguments.positionals.first {
      let query = Query(
        item: item, breakdown: arguments.value(by), layer: arguments.value(layer), filters: filters,
        options: tableOptions, statistics: arguments.flag(stats))
      outcome = try query.plan(on: survey).run()
    } else {
      outcome = try StandardReport.make(survey, options: tableOptions)
    }
    try DataOptions.write(outcome, format: format, options: renderOptions, arguments, output: &output)
    return .success
  }
}
