import Foundation
import SurveyCore

/// The options that choose the survey to read, shared by the subcommands that read one.
enum DataOptions {
  static let data = CommandOption.single(
    "data", "DIR", help: "Read the codebook and exports from DIR (default: the bundled data/).")
  static let codebook = CommandOption.single(
    "codebook", "FILE", help: "Read the codebook from FILE instead of DIR/codebook.tsv.")
  static let file = CommandOption.repeatable(
    "file", "FORM=PATH",
    help: """
      Read one form's export from PATH (repeatable), e.g. --file a=export.tsv;
      PATH - reads standard input.
      """)
  static let workbook = CommandOption.single(
    "workbook", "FILE",
    help: """
      Read every form from a sheet of the Excel workbook FILE, the sheet named as the form
      (its title, such as Ａ調査票, its id, or its file's name); --file still wins for its form.
      """)
  static let showWarnings = CommandOption.flag(
    "show-warnings", help: "List every warning found in the data on standard error.")

  /// The options of the subcommands that read a survey, in the order their help lists them.
  static let all = [data, codebook, file, workbook, showWarnings]

  /// The data directory the options name: --data, else the bundled one.
  static func directory(_ arguments: Arguments) throws -> URL {
    try arguments.value(data).map { URL(fileURLWithPath: $0) } ?? BundledData.directory()
  }

  /// Where the options say the data is: the directory, the codebook, and the forms named by `--file`.
  struct Sources {
    var directory: URL
    var codebook: URL?
    var paths: [String: URL] = [:]
    var given: [String: ExportSource] = [:]

    /// The `--file` forms that the codebook does not have, as a usage error.
    func checkForms(_ formIDs: [String]) throws {
      let unknownForms = Set(paths.keys).union(given.keys).subtracting(formIDs)
      if let form = unknownForms.sorted().first {
        throw UsageError(
          "--file names form '\(form)', which the codebook does not have; its forms are \(formIDs.joined(separator: ", "))"
        )
      }
    }
  }

  /// Reads `--data`, `--codebook` and every `--file` (standard input for `-`).
  static func sources(_ arguments: Arguments) throws -> Sources {
    let directory = try directory(arguments)
    var sources = Sources(
      directory: directory, codebook: arguments.value(codebook).map { URL(fileURLWithPath: $0) })
    if let path = arguments.value(workbook) {
      let codebookURL = sources.codebook ?? directory.appendingPathComponent("codebook.tsv")
      let forms = try CodebookLoader.load(contentsOf: codebookURL).forms
      for (form, source) in try WorkbookExport.sources(path, forms: forms) { sources.given[form] = source }
    }
    for spec in arguments.values(file) {
      guard let equals = spec.firstIndex(of: "="), equals != spec.startIndex else {
        throw UsageError("--file expects FORM=PATH, e.g. a=export.tsv; got '\(spec)'")
      }
      let form = String(spec[..<equals])
      let path = String(spec[spec.index(after: equals)...])
      if path == "-" {
        sources.paths[form] = try StandardInput.spool()
      } else if let workbook = try WorkbookExport.source(path) {
        sources.given[form] = workbook
      } else {
        switch try ExportFile.prepare(path: path) {
        case .path(let url): sources.paths[form] = url
        case .converted(let source): sources.given[form] = source
        }
      }
    }
    return sources
  }

  /// Loads the survey the options name; its warnings are written with the command's result.
  static func load(_ arguments: Arguments, output: inout Output) throws -> Survey {
    let sources = try sources(arguments)
    // Without --show-warnings only their number is printed: none need be kept.
    var survey = try Survey.load(
      directory: sources.directory, codebook: sources.codebook, paths: sources.paths, given: sources.given,
      warningsKept: arguments.flag(showWarnings) ? nil : 0)
    try sources.checkForms(survey.codebook.forms.map(\.id))
    survey.figureSpill = FigureSpill(directory: FileManager.default.temporaryDirectory)
    return survey
  }

  /// Writes what a command computed: the warnings of the data on standard error (their number,
  /// or with --show-warnings the list), then the result on standard output.
  static func write<Value>(
    _ outcome: Outcome<Value>, _ arguments: Arguments, output: inout Output,
    rendered render: (Value) -> String
  ) throws {
    try reportWarnings(outcome.warnings, arguments, output: &output)
    try output.standardOutput(render(outcome.value))
  }

  /// Writes a report in `format`: its warnings on standard error, the report where --output says.
  static func write(
    _ outcome: Outcome<Report>, format: ReportFormat, options: RenderOptions, _ arguments: Arguments,
    output: inout Output
  ) throws {
    try reportWarnings(outcome.warnings, arguments, output: &output)
    try RenderChoice.write(outcome.value, format: format, options: options, arguments, output: &output)
  }

  /// Writes what a command computed a piece at a time: the warnings of the data on standard
  /// error, then each piece `write` hands over, on standard output as it comes.
  static func write<Value>(
    _ outcome: Outcome<Value>, _ arguments: Arguments, output: inout Output,
    streaming write: (Value, (String) throws(WriteError) -> Void) throws(WriteError) -> Void
  ) throws {
    try reportWarnings(outcome.warnings, arguments, output: &output)
    try write(outcome.value, output.standardOutput)
  }

  private static func reportWarnings(_ warnings: [Diagnostic], _ arguments: Arguments, output: inout Output)
    throws
  {
    if arguments.flag(showWarnings) {
      for warning in DiagnosticPlaces.placed(warnings) {
        try output.standardError(warning.description + "\n")
      }
    } else {
      let count = warnings.reduce(0) { $0 + $1.warningCount }
      guard count > 0 else { return }
      try output.standardError(
        "kyodo: \(SurveyCore.counted(count, "warning")) in the data (--show-warnings lists them)\n")
    }
  }
}
