import SurveyCore

/// `kyodo tabulate`: the standard report, one item's table, or a crosstab.
enum Tabulate {
  static let command = Subcommand(
    name: name, abstract: abstract, help: help, run: run,
    options: DataOptions.options.union(["by", "layer", "where", "base", "labels", "format", "decimals"]),
    flags: DataOptions.flags.union(["ambiguous-wide", "mentions", "stats", "excel", "boxed", "chart"]))

  static let name = "tabulate"
  static let abstract = "Print the standard report, one item's table, or a crosstab."
  static let help = """
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

    OPTIONS:
      --by ITEM           Cross ITEM by this breakdown (部, 課, a coded item, a derived variable).
      --layer ITEM        One table per category of this item (a third dimension).
      --where FILTER      Keep rows where ITEM=CODE[,CODE…] or ITEM!=CODE[,CODE…] (codes as 3, ③,
                          委託, 市民部 or NA); repeat to combine with AND.
      --base BASE         all (default): every row, 無回答 inside the base (全対象者ベース);
                          answered: only rows that answered (回答者ベース).
      --labels STYLE      short (default: code and the printed label), full, or code.
      --mentions          Add % of all mentions (M.T.) to multiple-choice tables.
      --stats             Add chi-square (df, p), Cramér's V and, for 2×2, Fisher's exact test.
      --format FORMAT     text (default) or markdown for people; tsv, csv or json for machines.
      --excel             With csv: a UTF-8 BOM and CRLF line ends, for Japanese Excel.
      --boxed             Draw text tables with box-drawing lines.
      --chart             Draw horizontal bars beside frequency tables.
      --decimals N        Decimals of percentages and statistics (default 1; rounded half up).
      --ambiguous-wide    Align for terminals that draw ① and × two columns wide.
    \(DataOptions.help)
      -h, --help          Show this help.

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
    let format = try RenderChoice.format(arguments)
    let renderOptions = try RenderChoice.options(arguments)
    let tableOptions = try RenderChoice.tableOptions(arguments)
    if arguments.positionals.isEmpty {
      for option in ["by", "layer", "where"] where arguments.value(option) != nil {
        throw UsageError("--\(option) needs an ITEM to tabulate")
      }
    }
    var filters: [Filter] = []
    for text in arguments.values("where") { filters.append(try Filter(parsing: text)) }
    let survey = try DataOptions.load(arguments, output: &output)
    let report: Report
    if let item = arguments.positionals.first {
      report = try Query(
        item: item, breakdown: arguments.value("by"), layer: arguments.value("layer"), filters: filters,
        options: tableOptions, statistics: arguments.flag("stats")
      ).run(on: survey)
    } else {
      report = try StandardReport.make(survey, options: tableOptions)
    }
    try DataOptions.finish(survey, arguments, output: &output)
    output.standardOutput(format.render(report, options: renderOptions))
    return .success
  }
}

/// The options that choose how a report is printed and what its tables hold.
enum RenderChoice {
  static func format(_ arguments: Arguments) throws -> OutputFormat {
    guard let name = arguments.value("format") else { return arguments.flag("excel") ? .csv : .text }
    guard let format = OutputFormat(rawValue: name) else {
      throw UsageError(
        "unknown format '\(name)'; expected one of \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    if arguments.flag("excel") && format != .csv {
      throw UsageError("--excel writes CSV; it cannot go with --format \(name)")
    }
    return format
  }

  static func options(_ arguments: Arguments) throws -> RenderOptions {
    var options = RenderOptions(
      ambiguousIsWide: arguments.flag("ambiguous-wide"), boxed: arguments.flag("boxed"),
      chart: arguments.flag("chart"), excel: arguments.flag("excel"))
    if let text = arguments.value("decimals") {
      guard let decimals = Int(text), (0...4).contains(decimals) else {
        throw UsageError("--decimals expects a number from 0 to 4, got '\(text)'")
      }
      options.decimals = decimals
    }
    return options
  }

  static func tableOptions(_ arguments: Arguments) throws -> TableOptions {
    var options = TableOptions(percentOfMentions: arguments.flag("mentions"))
    if let name = arguments.value("base") {
      guard let base = Base(rawValue: name) else {
        throw UsageError("--base expects all or answered, got '\(name)'")
      }
      options.base = base
    }
    if let name = arguments.value("labels") {
      guard let labels = LabelStyle(rawValue: name) else {
        throw UsageError("--labels expects short, full or code, got '\(name)'")
      }
      options.labels = labels
    }
    return options
  }
}
