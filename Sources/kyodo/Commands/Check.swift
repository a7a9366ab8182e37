import Foundation
import SurveyCore

/// `kyodo check`: validates the exports against the codebook and reports every problem.
enum Check {
  static let command = Subcommand(
    name: "check", abstract: "Validate the exports against the codebook and list every problem.",
    synopsis: synopsis, options: options, epilogue: epilogue, usageStatus: .checkUsageError, run: run)

  static let format = RenderChoice.format.described(
    "text (default), tsv or json.",
    details: """
      text: one problem per line, `file:line:column: severity: item: found; expected …`,
            then a line per file `file: N rows, E errors, W warnings`, all on standard output.
      tsv:  columns file, line, column, severity, item, found, expected (a header line first);
            the summary lines go to standard error.
      json: {"errors", "warnings", "files": [{"file", "form", "rows", "errors", "warnings", "omitted",
            "diagnostics": [{"file", "line", "column", "severity", "item", "found", "expected"}]}]}
      """)
  static let year = CommandOption.single(
    "year", "YEAR", help: "The latest plausible start year (default: this year); a later one is an error.")

  static let options = [
    format, DataOptions.data, DataOptions.codebook,
    DataOptions.file.described("Check PATH as one form's export (repeatable); PATH - reads standard input."),
    DataOptions.workbook, year,
  ]

  static let synopsis = """
    OVERVIEW: Validate the exports against the codebook and list every problem, in every file.

    USAGE: kyodo check [options]

    Reads every export the codebook names and reports each problem with its file, line, column,
    item, what was found, what was expected and a severity: errors (kyodo tabulate refuses the
    data) and warnings (it reads the data in a known way). Besides what kyodo tabulate reports,
    check finds project numbers used twice, start years after this year, a "no amount" code
    followed by an amount (②無し（１２０千円）), and the PDF glyph errors 实 and 尐. A file with
    errors does not stop the others from being checked.
    """

  static let epilogue = """
    In text and TSV, a line break or tab inside a cell shows as \\n or \\t. At most 10,000
    problems are listed per file; the summary counts them all and says how many are not listed.

    EXIT STATUS:
      0   no problems
      1   warnings only
      2   at least one error
      64  the command line is wrong (unknown option, format or form)
      74  the output could not be written (a full disk, a closed pipe)

    EXAMPLES:
      kyodo check
      kyodo check --data exports/ --format tsv
      kyodo check --file a=2012/a.tsv || echo "a.tsv needs attention"
    """

  static func run(_ arguments: Arguments, output: inout Output) throws -> ExitStatus {
    guard arguments.positionals.isEmpty else {
      throw UsageError("unexpected argument '\(arguments.positionals.joined(separator: " "))'")
    }
    let formatName = arguments.value(Self.format) ?? "text"
    guard let format = CheckFormat(rawValue: formatName) else {
      throw UsageError(
        "unknown format '\(formatName)'; expected one of \(CheckFormat.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    var year = Calendar(identifier: .gregorian).component(.year, from: Date())
    if let text = arguments.value(Self.year) {
      guard let given = Int(text), (1868...9999).contains(given) else {
        throw UsageError("--year expects a year from 1868 to 9999, got '\(text)'")
      }
      year = given
    }
    let sources = try DataOptions.sources(arguments)
    var report = Checker.check(
      directory: sources.directory, codebook: sources.codebook, paths: sources.paths, given: sources.given,
      referenceYear: year)
    for index in report.files.indices {
      report.files[index].diagnostics = DiagnosticPlaces.placed(report.files[index].diagnostics)
    }
    let checkedForms = report.files.compactMap(\.formID)
    if !checkedForms.isEmpty { try sources.checkForms(checkedForms) }
    try output.standardOutput(format.render(report))
    if format == .tsv {
      try output.standardError(CheckFormat.summaries(report).map { $0 + "\n" }.joined())
    }
    switch report.worst {
    case nil: return .success
    case .warning: return .checkWarnings
    case .error: return .checkErrors
    }
  }
}
