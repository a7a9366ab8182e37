import Foundation
import SurveyCore

/// `kyodo items`: the codebook's items, so that users can name them.
enum Items {
  static let command = Subcommand(
    name: "items", abstract: "List the items of the codebook: ids, numbers, titles, kinds and options.",
    synopsis: synopsis, options: options, epilogue: epilogue, run: run)

  static let options = [
    RenderChoice.format.described("text (default) or tsv, csv, json; xlsx with --output."),
    RenderChoice.output,
    DataOptions.codebook.described("Read this codebook instead of the bundled one."),
    DataOptions.data.described("Read DIR/codebook.tsv."),
  ]

  static let synopsis = """
    OVERVIEW: List the questionnaires' items, as the codebook describes them.

    USAGE: kyodo items [FORM] [options]

    ARGUMENTS:
      FORM                Only this questionnaire's items (overall, a, b, c for the bundled data).
    """

  static let epilogue = """
    EXAMPLES:
      kyodo items
      kyodo items a --format tsv
      kyodo items --codebook 2012/codebook.tsv
    """

  static func run(_ arguments: Arguments, output: inout Output) throws -> ExitStatus {
    let format = try RenderChoice.outputFormat(arguments)
    let directory =
      try DataOptions.directory(arguments)
    let file =
      arguments.value(DataOptions.codebook).map { URL(fileURLWithPath: $0) }
      ?? directory.appendingPathComponent("codebook.tsv")
    let codebook = try CodebookLoader.load(contentsOf: file)
    var forms = codebook.forms
    if let only = arguments.positionals.first {
      forms = forms.filter { $0.id == only }
      if forms.isEmpty {
        throw UsageError(
          "unknown form '\(only)'; expected one of \(codebook.forms.map(\.id).joined(separator: ", "))")
      }
    }
    let sections = forms.map { form in
      let rows = form.items.map { item -> [Cell] in
        [
          .text(item.id), .text(item.number), .text(item.title), .text(kind(of: item, in: codebook)),
          .text(item.options.map { option(of: item, $0) }.joined(separator: " ")),
        ]
      }
      let table = Table(
        id: form.id, title: "\(form.title) (\(form.id)): \(form.file), one row per \(form.rowNoun)",
        columns: [Column("id"), Column("number"), Column("title"), Column("kind"), Column("options")],
        rows: rows)
      return ReportSection(heading: "", tables: [table])
    }
    let report = Report(title: "kyodo items", sections: sections)
    try RenderChoice.write(report, format: format, options: RenderOptions(), arguments, output: &output)
    return .success
  }

  /// An option as listed: its code and label, and for an item spread over one column per option,
  /// the header of its column in brackets (`①講座 [分類_講座]`).
  static func option(of item: Item, _ option: Option) -> String {
    item.hasOptionColumns ? "\(option.display) [\(option.column)]" : option.display
  }

  /// An item's kind as the codebook writes it: a level's id for a level of the organisation; an
  /// item spread over one column per option says so (`multiple, columns`).
  static func kind(of item: Item, in codebook: Codebook) -> String {
    if item.hasOptionColumns { return item.kind.rawValue + ", columns" }
    guard item.kind.isHierarchy, let level = item.level, codebook.levels.indices.contains(level) else {
      return item.kind.rawValue
    }
    return codebook.levels[level].id
  }
}
