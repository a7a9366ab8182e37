import SurveyCore

/// `kyodo sps`: a PSPP/SPSS syntax file with the cases of a crosstab, to check kyodo's statistics.
enum Syntax {
  static let command = Subcommand(
    name: name, abstract: abstract, help: help, run: run,
    options: DataOptions.options.union(["by", "where"]),
    flags: DataOptions.flags)

  static let name = "sps"
  static let abstract = "Write a PSPP/SPSS syntax file with a crosstab's cases, for CROSSTABS."
  static let help = """
    OVERVIEW: Write the cases of a crosstab of two single-choice items as PSPP/SPSS syntax.

    USAGE: kyodo sps ITEM --by ITEM [--where FILTER]... [data options]

    The file holds the cases inline (DATA LIST … BEGIN DATA), with value labels, and ends with
    CROSSTABS /STATISTICS=CHISQ PHI: `pspp file.sps` then computes the same tests as
    `kyodo tabulate ITEM --by ITEM --stats`. The cases are the rows with one answer to each item.
    scripts/compare-pspp.py runs both and compares them.

    OPTIONS:
      --by ITEM           The row variable.
      --where FILTER      As for kyodo tabulate.
    \(DataOptions.help)
      -h, --help          Show this help.

    EXAMPLE:
      kyodo sps 類型 --by 関わり > cases.sps && pspp cases.sps
    """

  static func run(_ arguments: Arguments, output: inout Output) throws -> ExitStatus {
    guard arguments.positionals.count == 1, let item = arguments.positionals.first,
      let by = arguments.value("by")
    else {
      throw UsageError("expected ITEM --by ITEM")
    }
    var filters: [Filter] = []
    for text in arguments.values("where") { filters.append(try Filter(parsing: text)) }
    let survey = try DataOptions.load(arguments, output: &output)
    let query = Query(item: item, breakdown: by, filters: filters)
    let syntax = try SyntaxExport.crosstab(query, on: survey)
    try DataOptions.finish(survey, arguments, output: &output)
    output.standardOutput(syntax)
    return .success
  }
}
