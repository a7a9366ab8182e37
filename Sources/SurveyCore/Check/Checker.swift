import Foundation

/// Validates a survey's exports against its codebook and reports every problem in every file,
/// where loading a `Survey` stops at the first file with errors.
///
/// Besides what reading finds (encodings, quoting, ragged rows, header, codes, amounts, years,
/// fill-down), it checks what needs a whole form or the whole survey: identifiers used twice,
/// start years after the reference year, a "no amount" code that still carries an amount, the
/// text-layer glyph errors 实 and 尐, and rows whose unit the overall form does not list.
public enum Checker {
  /// The most problems listed per file; more are counted in the summary but not listed.
  public static let defaultLimit = DiagnosticLog.defaultLimit

  /// Reads the codebook and the exports as `Survey.load(directory:…)` does, then checks them.
  ///
  /// Never throws: a codebook that cannot be read is reported as the only file checked.
  /// `referenceYear` is the latest plausible start year (the CLI passes the current year).
  public static func check(
    directory: URL, codebook codebookURL: URL? = nil, paths: [String: URL] = [:],
    given: [String: ExportSource] = [:], referenceYear: Int, limit: Int = defaultLimit
  ) -> CheckReport {
    let codebookFile = codebookURL ?? directory.appendingPathComponent("codebook.tsv")
    let codebook: Codebook
    do throws(SurveyError) {
      codebook = try CodebookLoader.load(contentsOf: codebookFile)
    } catch {
      return CheckReport(files: [
        FileCheck(file: codebookFile.relativePath, formID: nil, rows: 0, diagnostics: error.diagnostics)
      ])
    }
    var inputs: [String: Result<ExportInput, SurveyError>] = [:]
    for form in codebook.forms {
      if let source = given[form.id] {
        inputs[form.id] = .success(.bytes(source))
        continue
      }
      let url = paths[form.id] ?? directory.appendingPathComponent(form.file)
      do throws(SurveyError) {
        try Survey.checkReadable(url)
        inputs[form.id] = .success(.file(url))
      } catch {
        inputs[form.id] = .failure(error)
      }
    }
    return check(codebook: codebook, inputs: inputs, referenceYear: referenceYear, limit: limit)
  }

  /// Checks the exports of a codebook's forms; a form without a source is an error.
  public static func check(
    codebook: Codebook, sources: [String: ExportSource], referenceYear: Int, limit: Int = defaultLimit
  ) -> CheckReport {
    check(
      codebook: codebook, inputs: sources.mapValues { .success(.bytes($0)) }, referenceYear: referenceYear,
      limit: limit)
  }

  /// The overall form is checked first (its rows are kept: they are the units the other forms'
  /// rows are placed in), then the others, a row at a time; the report lists them in the
  /// codebook's order.
  static func check(
    codebook: Codebook, inputs: [String: Result<ExportInput, SurveyError>], referenceYear: Int, limit: Int
  ) -> CheckReport {
    var checks: [String: FileCheck] = [:]
    let ordered =
      codebook.forms.filter(\.isRoster) + codebook.forms.filter { !$0.isRoster }
    var organization: Organization?
    for form in ordered {
      switch inputs[form.id] {
      case nil:
        let missing = Diagnostic(
          .error, file: form.file, found: "no export for \(form.title)", expected: "the file \(form.file)")
        checks[form.id] = FileCheck(file: form.file, formID: form.id, rows: 0, diagnostics: [missing])
      case .failure(let error):
        let file = error.diagnostics.first?.file ?? form.file
        checks[form.id] = FileCheck(file: file, formID: form.id, rows: 0, diagnostics: error.diagnostics)
      case .success(let input):
        let (check, roster) = checkExport(
          input, form: form, codebook: codebook, referenceYear: referenceYear, limit: limit,
          organization: form.isRoster ? nil : organization)
        checks[form.id] = check
        if var roster {
          // The units every other form's rows are placed in; a unit listed twice is the roster's error.
          var rosters = [roster]
          let (units, duplicates) = Survey.organize(&rosters, levels: codebook.levels)
          organization = units
          roster = rosters[0]
          if !duplicates.isEmpty {
            checks[form.id]?.diagnostics = inFileOrder(check.diagnostics + duplicates)
          }
        }
      }
    }
    return CheckReport(files: codebook.forms.compactMap { checks[$0.id] })
  }

  /// One export: what reading it finds, and the checks that need the rows before, the overall
  /// form or the raw text. An export other than the overall form is read in one pass of the
  /// engine (`checkStreamed`); the overall form, and an export that pass cannot read to its end,
  /// a row at a time, after a reading through for its encoding: one that cannot be read gives
  /// that error alone. Returns the rows too for the overall form (the units of the others).
  static func checkExport(
    _ input: ExportInput, form: Form, codebook: Codebook, referenceYear: Int, limit: Int,
    organization: Organization?
  ) -> (FileCheck, FormData?) {
    if let check = checkStreamed(
      input, form: form, codebook: codebook, referenceYear: referenceYear, limit: limit,
      organization: organization)
    {
      return (check, nil)
    }
    return checkRowByRow(
      input, form: form, codebook: codebook, referenceYear: referenceYear, limit: limit,
      organization: organization)
  }

  /// One export read a row at a time on one core, in passes of its own: once for its encoding and
  /// glyph errors, once for its rows, once more for the glyphs' places when it has any.
  static func checkRowByRow(
    _ input: ExportInput, form: Form, codebook: Codebook, referenceYear: Int, limit: Int,
    organization: Organization?
  ) -> (FileCheck, FormData?) {
    let export: OpenableExport
    do throws(SurveyError) {
      export = try openable(input)
    } catch {
      let file = error.diagnostics.first?.file ?? form.file
      return (FileCheck(file: file, formID: form.id, rows: 0, diagnostics: error.diagnostics), nil)
    }
    let file = export.file
    let tsv: TSVReader
    do throws(SurveyError) {
      tsv = try export.open()
    } catch {
      return (FileCheck(file: file, formID: form.id, rows: 0, diagnostics: error.diagnostics), nil)
    }
    var reader = FormReader(form, reader: tsv, file: file, codebook: codebook, limit: limit)
    var glyphs = DiagnosticLog(limit: limit)
    if export.holdsGlyphError, let tsv = try? export.open() {
      glyphs = FormChecks.glyphErrors(tsv, form: form, columns: reader.columns, file: file, limit: limit)
    }
    guard reader.hasHeader else {
      let lists = [reader.log, glyphs]
      return (fileCheck(file: file, form: form, rows: reader.rowsRead, lists: lists, limit: limit), nil)
    }
    var checks = FormChecks(
      form: form, file: file, columns: reader.columns, referenceYear: referenceYear, codebook: codebook,
      units: organization.map { UnitLookup($0, items: form.items) }, limit: limit)
    var rows: [Row] = []
    while let row = reader.next() {
      checks.check(row, hadErrors: reader.log.lastErrorLine == row.line)
      if form.isRoster { rows.append(row) }
    }
    let noRows = form.noRowsWarning(file: file, rowsRead: reader.rowsRead)
    let lists = [reader.log, noRows] + checks.logs + [glyphs, checks.unlistedUnits]
    let roster = form.isRoster ? FormData(form: form, file: file, encoding: .utf8, rows: rows) : nil
    return (fileCheck(file: file, form: form, rows: reader.rowsRead, lists: lists, limit: limit), roster)
  }

  /// An export whose encoding is known: its name, whether it holds a glyph error, and how to read
  /// it from the start, as often as needed.
  typealias OpenableExport = (
    file: String, holdsGlyphError: Bool, open: () throws(SurveyError) -> TSVReader
  )

  /// Reads an export through once for its encoding and glyph errors; throws when it cannot be read.
  static func openable(_ input: ExportInput) throws(SurveyError) -> OpenableExport {
    let file = input.file
    let holdsGlyphError = try scan(try input.chunks())
    return (
      file, holdsGlyphError, { () throws(SurveyError) in TSVReader(source: try input.chunks(), file: file) }
    )
  }

  /// What a file's check shows: each list's diagnostics merged in file order, the first `limit`
  /// kept, and the rest counted as omitted.
  /// `omittedErrors` are errors counted beyond those the lists hold.
  static func fileCheck(
    file: String, form: Form, rows: Int, lists: [DiagnosticLog], limit: Int, omittedErrors: Int = 0
  ) -> FileCheck {
    var check = FileCheck(
      file: file, formID: form.id, rows: rows, diagnostics: [],
      omittedErrors: lists.reduce(omittedErrors) { $0 + $1.omittedErrors },
      omittedWarnings: lists.reduce(0) { $0 + $1.omittedWarnings })
    // Each list is in file order and keeps its first `limit`: the first `limit` of all are among them.
    let sorted = inFileOrder(lists.flatMap(\.diagnostics))
    check.diagnostics = Array(sorted.prefix(limit))
    for dropped in sorted.dropFirst(limit) {
      if dropped.severity == .error { check.omittedErrors += 1 } else { check.omittedWarnings += 1 }
    }
    return check
  }

  /// Reads a file through once, as UTF-8, and says whether it holds a glyph error; throws when
  /// its bytes are not text of a supported encoding.
  static func scan(_ url: URL, file: String, chunkSize: Int = FileChunks.defaultChunkSize) throws(SurveyError)
    -> Bool
  {
    try scan(try FileChunks(url: url, file: file, chunkSize: chunkSize))
  }

  /// Reads an export through once, as UTF-8, and says whether it holds a glyph error; throws when
  /// its bytes are not text of a supported encoding.
  static func scan(_ chunks: FileChunks) throws(SurveyError) -> Bool {
    var holds = false
    var tail: [UInt8] = []
    while let chunk = try chunks.nextChunk() {
      guard !holds else { continue }
      // A glyph's three bytes may straddle two chunks.
      holds = FormChecks.holdsGlyphError(tail + chunk.prefix(2)) || FormChecks.holdsGlyphError(Array(chunk))
      tail = chunk.count >= 2 ? Array(chunk.suffix(2)) : Array((tail + chunk).suffix(2))
    }
    return holds
  }

  /// Diagnostics sorted by line and column; those of the same place keep the order they were met.
  static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
      let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
      return left < right
    }.map(\.element)
  }
}
