import Foundation

import SurveyCore

/// `kyodo summary`: printable summaries of departments, sections and units for hearings.
enum Summary {
  static let command = Subcommand(
    name: "summary",
    abstract: "Print everything a department, section or unit answered, decoded, for a hearing.",
    synopsis: synopsis, options: options, epilogue: epilogue, run: run)

  static let all = CommandOption.flag(
    "all", help: "Every department, in roster order: the committee's binder.")
  static let level = CommandOption.single(
    "level", "NAME",
    help:
      "With --all: every unit of this level instead (部, 課, 係 …, as the codebook names them).")
  static let format = RenderChoice.format.described(
    "text (default), markdown, or html (one self-contained page for A4 printing).")

  static let options = [all, level, format, RenderChoice.ambiguousWide] + DataOptions.all

  static let synopsis = """
    OVERVIEW: Summarize what departments, sections or units answered, for committee hearings.

    USAGE: kyodo summary TARGET... [options]
           kyodo summary --all [--level NAME] [options]

    For each TARGET: its place in the hierarchy; every unit's overall answers in full (blanks and
    non-answers shown as such, codes decoded); each of its projects and entries with every item
    decoded (labels, amounts in 千円, start years in 和暦 and Western years, その他 texts); how
    it stands beside its department and the city (projects, budgets, answer rates, and the shares
    of each option it chose); and the common hearing questions (DIR/hearing.tsv) as a checklist
    with room for notes.

    ARGUMENTS:
      TARGET              A department (部), section (課), bracketed unit (担当) or team (係), by
                          name: 環境部, 環境政策課, スポーツ振興担当, 緑と公園係. A name may carry
                          its 部, as the hearing plan writes it (企画財政部企画政策課). Several targets
                          print in the order given, each starting a new page in HTML.
    """

  static let epilogue = """
    An unknown TARGET is an error (status 2) that names the closest targets.

    EXAMPLES:
      kyodo summary 環境政策課
      kyodo summary 子育て支援課 児童青少年課 まちづくり推進課 --format html > day4.html
      kyodo summary --all --format html > binder.html
      kyodo summary --all --level 課 --format html > sections.html
    """

  static func run(_ arguments: Arguments, output: inout Output) throws -> ExitStatus {
    let format = try summaryFormat(arguments)
    let all = arguments.flag(Self.all)
    if all && !arguments.positionals.isEmpty {
      throw UsageError("give either TARGETs or --all, not both")
    }
    if !all && arguments.positionals.isEmpty {
      throw UsageError("expected a TARGET (a 部, 課, 担当 or 係 name) or --all")
    }
    if !all && arguments.value(level) != nil { throw UsageError("--level goes with --all") }
    let options = RenderOptions(ambiguousIsWide: arguments.flag(RenderChoice.ambiguousWide))
    let survey = try DataOptions.load(arguments, output: &output)
    // One counting pass over each form finds the targets and every comparison.
    let census = try SummaryCensus(survey)
    var targets: [SummaryTarget] = []
    if all, let name = arguments.value(level) {
      targets = SummaryTarget.units(atLevel: try levelIndex(name, in: survey), in: survey, census: census)
    } else if all {
      targets = SummaryTarget.departments(in: survey, census: census)
    } else {
      var unknown: [UsageProblem] = []
      for name in arguments.positionals {
        let resolution: TargetResolution
        do {
          resolution = try TargetResolution.resolve(name, in: survey, census: census)
        } catch {
          guard case .usage(let problems) = error else { throw error }
          unknown += problems
          continue
        }
        if let note = resolution.note { try output.standardError("kyodo summary: \(note)\n") }
        targets.append(resolution.target)
      }
      if !unknown.isEmpty { throw SurveyError.usage(unknown) }
    }
    let questions = try HearingQuestions.load(
      named: survey.codebook.hearingFile, besideCodebook: try codebookURL(arguments))
    // The rows of the targets are read again as they are printed, none kept.
    let outcome = try SummaryDocument.outline(targets, in: survey, census: census, questions: questions)
    try DataOptions.write(outcome, arguments, output: &output) { document, write throws(WriteError) in
      try format.write(document, options: options, to: write)
    }
    return .success
  }

  /// The place (top down) of the level `--level` names, by its name or id in the codebook.
  static func levelIndex(_ name: String, in survey: Survey) throws -> Int {
    let levels = survey.organization.levels
    guard let index = levels.firstIndex(where: { $0.name == name || $0.id == name }) else {
      let names = levels.map(\.name).joined(separator: ", ")
      throw UsageError("unknown level '\(name)' for --level; expected one of the codebook's levels: \(names)")
    }
    return index
  }

  /// The codebook the options name: the files it names (the hearing questions) are beside it.
  /// (Finding the bundled data directory may throw once it is written out from the binary.)
  static func codebookURL(_ arguments: Arguments) throws -> URL {
    if let path = arguments.value(DataOptions.codebook) { return URL(fileURLWithPath: path) }
    return try DataOptions.directory(arguments).appendingPathComponent("codebook.tsv")
  }

  /// The --format value: text, markdown or html.
  static func summaryFormat(_ arguments: Arguments) throws -> SummaryFormat {
    guard let name = arguments.value(Self.format) else { return .text }
    guard let format = SummaryFormat(rawValue: name) ?? (name == "md" ? .markdown : nil) else {
      throw UsageError(
        "unknown format '\(name)'; expected one of \(SummaryFormat.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
    return format
  }
}
