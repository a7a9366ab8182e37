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
      let bytes = try Survey.readFile(codebookFile)
      let decoded = try TextDecoding.decode(bytes, file: codebookFile.relativePath)
      codebook = try CodebookLoader.load(utf8: decoded.utf8, file: codebookFile.relativePath)
    } catch {
      return CheckReport(files: [
        FileCheck(file: codebookFile.relativePath, formID: nil, rows: 0, diagnostics: error.diagnostics)
      ])
    }
    var inputs: [String: Result<ExportSource, SurveyError>] = [:]
    for form in codebook.forms {
      if let source = given[form.id] {
        inputs[form.id] = .success(source)
        continue
      }
      let url = paths[form.id] ?? directory.appendingPathComponent(form.file)
      do throws(SurveyError) {
        inputs[form.id] = .success(ExportSource(bytes: try Survey.readFile(url), file: url.relativePath))
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
      codebook: codebook, inputs: sources.mapValues { .success($0) }, referenceYear: referenceYear,
      limit: limit)
  }

  static func check(
    codebook: Codebook, inputs: [String: Result<ExportSource, SurveyError>], referenceYear: Int, limit: Int
  ) -> CheckReport {
    var files: [FileCheck] = []
    var forms: [FormData] = []
    for form in codebook.forms {
      switch inputs[form.id] {
      case nil:
        let missing = Diagnostic(
          .error, file: form.file, found: "no export for \(form.title)", expected: "the file \(form.file)")
        files.append(FileCheck(file: form.file, formID: form.id, rows: 0, diagnostics: [missing]))
      case .failure(let error):
        let file = error.diagnostics.first?.file ?? form.file
        files.append(FileCheck(file: file, formID: form.id, rows: 0, diagnostics: error.diagnostics))
      case .success(let source):
        let (check, data) = checkExport(
          source, form: form, codebook: codebook, referenceYear: referenceYear, limit: limit)
        files.append(check)
        if let data { forms.append(data) }
      }
    }
    let (_, unitWarnings) = Survey.organize(&forms)
    // A row whose 部 or 課 is already an error (a blank with nothing to inherit) needs no second
    // report. Looked up in sets: a file may have a warning on every one of many rows.
    var fileIndex: [String: Int] = [:]
    var errorLines: [Int: Set<Int>] = [:]
    for (index, file) in files.enumerated() {
      if fileIndex[file.file] == nil { fileIndex[file.file] = index }
      errorLines[index] = Set(file.diagnostics.filter { $0.severity == .error }.compactMap(\.line))
    }
    for warning in unitWarnings {
      guard let index = fileIndex[warning.file], let line = warning.line,
        errorLines[index]?.contains(line) != true
      else { continue }
      files[index].diagnostics.append(warning)
    }
    for index in files.indices {
      let sorted = inFileOrder(files[index].diagnostics)
      files[index].diagnostics = Array(sorted.prefix(limit))
      for dropped in sorted.dropFirst(limit) {
        if dropped.severity == .error {
          files[index].omittedErrors += 1
        } else {
          files[index].omittedWarnings += 1
        }
      }
    }
    return CheckReport(files: files)
  }

  /// One export: what reading it finds, and the checks that need the whole form.
  static func checkExport(
    _ source: ExportSource, form: Form, codebook: Codebook, referenceYear: Int, limit: Int
  ) -> (FileCheck, FormData?) {
    let decoded: (utf8: [UInt8], encoding: TextEncoding)
    do throws(SurveyError) {
      decoded = try TextDecoding.decode(source.bytes, file: source.file)
    } catch {
      return (FileCheck(file: source.file, formID: form.id, rows: 0, diagnostics: error.diagnostics), nil)
    }
    let reading = ExportLoader.read(
      form, utf8: decoded.utf8, encoding: decoded.encoding, file: source.file, codebook: codebook,
      limit: limit)
    var diagnostics = reading.diagnostics
    if reading.data != nil, reading.rowsRead == 0 {
      diagnostics.append(
        Diagnostic(
          .warning, file: source.file, line: 1, found: "a header and no rows",
          expected: "one row per \(form.rowNoun) of \(form.title)"))
    }
    if let data = reading.data {
      diagnostics += FormChecks.duplicateIdentifiers(data, columns: reading.columns)
      diagnostics += FormChecks.implausibleYears(data, columns: reading.columns, referenceYear: referenceYear)
      diagnostics += FormChecks.amountsWithWithheldCodes(data, columns: reading.columns, codebook: codebook)
    }
    diagnostics += FormChecks.glyphErrors(
      decoded.utf8, form: form, columns: reading.columns, file: source.file)
    let check = FileCheck(
      file: source.file, formID: form.id, rows: reading.rowsRead, diagnostics: diagnostics,
      omittedErrors: reading.omittedErrors, omittedWarnings: reading.omittedWarnings)
    return (check, reading.data)
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
