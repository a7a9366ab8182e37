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

  /// The overall form is checked first, then the others, each in one counting pass of the engine
  /// (`checkExport`); the rows of the overall form are read again, as `Survey.load` reads them,
  /// for the units the other forms' rows are placed in (a unit it lists twice is its error). The
  /// report lists the files in the codebook's order.
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
        checks[form.id] = unreadable(error, form: form)
      case .success(let input):
        let (check, readable) = checkExport(
          input, form: form, codebook: codebook, referenceYear: referenceYear, limit: limit,
          organization: form.isRoster ? nil : organization)
        checks[form.id] = check
        // The units of a roster with a header and readable text, up to where the file stops it.
        if form.isRoster, readable, let chunks = try? input.chunks() {
          var rosters = [ExportLoader.read(form, from: chunks, codebook: codebook).data]
          let (units, duplicates) = Survey.organize(&rosters, levels: codebook.levels)
          organization = units
          if !duplicates.isEmpty {
            checks[form.id]?.diagnostics = inFileOrder(check.diagnostics + duplicates)
          }
        }
      }
    }
    return CheckReport(files: codebook.forms.compactMap { checks[$0.id] })
  }

  /// The check of an export that cannot be read: its error alone, and no rows.
  static func unreadable(_ error: SurveyError, form: Form) -> FileCheck {
    let file = error.diagnostics.first?.file ?? form.file
    return FileCheck(file: file, formID: form.id, rows: 0, diagnostics: error.diagnostics)
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

  /// Diagnostics sorted by line and column; those of the same place keep the order they were met.
  static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
      let left = (lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
      let right = (rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
      return left < right
    }.map(\.element)
  }
}
