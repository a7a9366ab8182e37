import SurveyCore

/// `kyodo sps`: a PSPP/SPSS syntax file with the cases of a crosstab, to check kyodo's statistics.
enum Syntax {
  static let command = Subcommand(
    name: "sps", abstract: "Write a PSPP/SPSS syntax file with a crosstab's cases, for CROSSTABS.",
    synopsis: synopsis, options: options, epilogue: epilogue, run: run)

  static let options =
    [Tabulate.by.described("The row variable."), Tabulate.filter.described("As for kyodo tabulate.")]
    + DataOptions.all

  static let synopsis = """
    OVERVIEW: Write the cases of a crosstab of two single-choice items as PSPP/SPSS syntax.

    USAGE: kyodo sps ITEM --by ITEM [--where FILTER]... [data options]

    The file holds the cases inline (DATA LIST … BEGIN DATA), with value labels, and ends with
    CROSSTABS /STATISTICS=CHISQ PHI: `pspp file.sps` then computes the same tests as
    `kyodo tabulate ITEM --by ITEM --stats`. The cases are the rows with one answer to each item.
    scripts/compare-pspp.py runs both and compares them.
    """

  static let epilogue = """
    EXAMPLES:
      kyodo sps 類型 --by 関わり > cases.sps && pspp cases.sps
      kyodo sps 形態 --by 部 --where 部=市民部,環境部 > cases.sps
    """

  static func run(_ arguments: Arguments, output: inout Output) throws -> ExitStatus {
    guard arguments.positionals.count == 1, let item = arguments.positionals.first,
      let by = arguments.value(Tabulate.by)
    else {
      throw UsageError("expected ITEM --by ITEM")
    }
    var filters: [Filter] = []
    for text in arguments.values(Tabulate.filter) { filters.append(try Filter(parsing: text)) }
    let survey = try DataOptions.load(arguments, output: &output)
    let query = Query(item: item, breakdown: by, filters: filters)
    let outcome = try SyntaxExport.crosstab(query, on: survey)
    try DataOptions.write(outcome, arguments, output: &output) { $0 }
    return .success
  }
}
