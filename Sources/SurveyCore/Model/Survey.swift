import Foundation

/// A whole survey: the codebook, every form's rows, and the organization they describe.
public struct Survey: Sendable {
  public let codebook: Codebook
  public let forms: [FormData]
  public let organization: Organization
  /// Every warning met while reading; errors are thrown instead.
  public let warnings: [Diagnostic]
  /// Where amounts' statistics write out the figures memory has no room for; without one, they
  /// keep them all in memory.
  public var figureSpill: FigureSpill?

  /// The rows of a form, or nil when the survey has no such form.
  public func data(for formID: String) -> FormData? {
    forms.first { $0.form.id == formID }
  }

  /// The form that lists every responding unit.
  public var roster: FormData? {
    forms.first { $0.form.isRoster }
  }

  /// Reads every form of the codebook from its export; a form without a source is an error.
  ///
  /// Problems in all files are collected before throwing, so one run reports them all.
  public static func load(codebook: Codebook, sources: [String: ExportSource]) throws(SurveyError) -> Survey {
    try load(codebook: codebook, inputs: sources.mapValues { .bytes($0) })
  }

  /// Reads the overall form's rows, the units every other form's rows are placed in, then opens
  /// the other forms' exports: only their headers are read now, their rows on each pass.
  ///
  /// When a file holds errors, the others are read through too before throwing, so that one run
  /// reports the problems of every file.
  static func load(codebook: Codebook, inputs: [String: ExportInput], warningsKept: Int? = nil)
    throws(SurveyError) -> Survey
  {
    var log = DiagnosticLog()
    var forms: [FormData] = []
    func missing(_ form: Form) -> Diagnostic {
      Diagnostic(
        .error, file: form.file, found: "no export for \(form.title)", expected: "the file \(form.file)")
    }
    for form in codebook.forms where form.isRoster {
      guard let input = inputs[form.id] else {
        log.append(missing(form))
        continue
      }
      do {
        let (data, warnings) = try ExportLoader.load(
          form, from: try input.chunks(), codebook: codebook, warningsKept: warningsKept)
        forms.append(data)
        log.append(contentsOf: warnings)
      } catch {
        log.append(contentsOf: error.diagnostics)
      }
    }
    let (organization, duplicates) = organize(&forms, levels: codebook.levels)
    log.append(contentsOf: duplicates)
    let hasRoster = !forms.isEmpty
    for form in codebook.forms where !form.isRoster {
      guard let input = inputs[form.id] else {
        log.append(missing(form))
        continue
      }
      do {
        forms.append(
          try streamedForm(
            form, input: input, codebook: codebook, organization: organization, checked: hasRoster,
            warningsKept: warningsKept))
      } catch {
        log.append(contentsOf: error.diagnostics)
      }
    }
    if log.hasErrors {
      for data in forms where data.isStreamed { log.append(contentsOf: data.checked()) }
      try log.throwIfErrors()
    }
    let order = codebook.forms.map(\.id)
    forms.sort { (order.firstIndex(of: $0.form.id) ?? 0) < (order.firstIndex(of: $1.form.id) ?? 0) }
    return Survey(codebook: codebook, forms: forms, organization: organization, warnings: log.diagnostics)
  }

  /// A form's export, read from its start on each pass: only its header is read now; the first
  /// pass over its rows checks them too (see `finishReading`).
  private static func streamedForm(
    _ form: Form, input: ExportInput, codebook: Codebook, organization: Organization, checked: Bool,
    warningsKept: Int?
  ) throws(SurveyError) -> FormData {
    let file = input.file
    let chunks = try input.chunks()
    let reader = FormReader(
      form, reader: TSVReader(source: chunks, file: file), file: file, codebook: codebook,
      limit: DiagnosticLog.defaultLimit, warningLimit: warningsKept, checkingUTF8Of: chunks)
    guard reader.hasHeader, !reader.log.hasErrors else { throw SurveyError(reader.log.diagnostics) }
    let units = UnitLookup(organization, items: form.items)
    let open: @Sendable () -> (FormReader, FileChunks)? = {
      guard let chunks = try? input.chunks() else { return nil }
      let reader = FormReader(
        form, reader: TSVReader(source: chunks, file: file), file: file, codebook: codebook,
        limit: DiagnosticLog.defaultLimit, warningLimit: warningsKept, checkingUTF8Of: chunks)
      return (reader, chunks)
    }
    let place: @Sendable (Row) -> Row = { row in
      var placed = row
      placed.unit = units.unit(of: row)
      return placed
    }
    let warning: @Sendable (Row) -> Diagnostic = { row in units.warning(for: row, file: file) }
    let stream = RowStream(
      open: open, place: place, unitWarning: checked ? warning : nil, url: input.url,
      units: { UnitLookup(organization, items: form.items) })
    return FormData(form: form, file: file, encoding: chunks.encoding, stream: stream)
  }

  /// Checks the streamed exports that no pass has read yet (reading them once), and returns the
  /// warnings found in streamed exports; throws their errors. Call it after the passes a command
  /// needs, before printing anything.
  public func finishReading() throws(SurveyError) -> [Diagnostic] {
    var log = DiagnosticLog()
    for data in forms where data.isStreamed {
      log.append(contentsOf: data.checked())
    }
    try log.throwIfErrors()
    return log.diagnostics
  }

  /// The organization the roster form lists; each of its rows is given its unit. Also returns the
  /// errors of units listed twice.
  static func organize(_ forms: inout [FormData], levels: [Level]) -> (Organization, [Diagnostic]) {
    var organization = Organization(levels: levels)
    var duplicates: [Diagnostic] = []
    if let rosterIndex = forms.firstIndex(where: { $0.form.isRoster }) {
      duplicates = assignRosterUnits(&forms[rosterIndex], into: &organization)
    }
    return (organization, duplicates)
  }

  /// Reads the codebook and the exports from files; `paths` overrides a form's file by form id,
  /// and `given` supplies a form's bytes directly.
  ///
  /// With `warningsKept`, at most that many warnings of an export are kept (0 when only their
  /// number is wanted); the rest are counted in the note that ends its list
  /// (`Diagnostic.warningCount`).
  public static func load(
    directory: URL, codebook codebookURL: URL? = nil, paths: [String: URL] = [:],
    given: [String: ExportSource] = [:], warningsKept: Int? = nil
  ) throws(SurveyError) -> Survey {
    let codebook = try CodebookLoader.load(
      contentsOf: codebookURL ?? directory.appendingPathComponent("codebook.tsv"))
    var inputs: [String: ExportInput] = [:]
    for form in codebook.forms {
      inputs[form.id] =
        given[form.id].map { .bytes($0) }
        ?? .file(paths[form.id] ?? directory.appendingPathComponent(form.file))
    }
    return try load(codebook: codebook, inputs: inputs, warningsKept: warningsKept)
  }

  /// A file's bytes, or an error that names it.
  public static func readFile(_ url: URL) throws(SurveyError) -> [UInt8] {
    try checkReadable(url)
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SurveyError(
        Diagnostic(
          .error, file: url.relativePath, found: "a file that cannot be read", expected: "a readable file"))
    }
    return Array(data)
  }

  /// Throws the error that names why a path is not a regular file kyodo can read: it does not
  /// exist, it is a symbolic link loop, a directory, a named pipe or a device (which would be read
  /// once, or block until a writer comes), or it may not be read.
  public static func checkReadable(_ url: URL) throws(SurveyError) {
    func failure(_ found: String, _ expected: String = "a readable file") -> SurveyError {
      SurveyError(Diagnostic(.error, file: url.relativePath, found: found, expected: expected))
    }
    var status = stat()
    guard stat(url.path, &status) == 0 else {
      switch errno {
      case ENOENT, ENOTDIR: throw failure("no such file")
      case ELOOP: throw failure("a symbolic link loop (a link that leads back to itself)")
      case EACCES: throw failure("a file kyodo may not read (permission denied)")
      default: throw failure("a path that cannot be read (\(String(cString: strerror(errno))))")
      }
    }
    switch status.st_mode & S_IFMT {
    case S_IFREG:
      guard access(url.path, R_OK) == 0 else {
        throw failure("a file kyodo may not read (permission denied)")
      }
    case S_IFDIR:
      throw failure("a directory", "a file")
    case S_IFIFO, S_IFSOCK:
      throw failure(
        "a named pipe, which can be read only once",
        "a regular file, or the pipe on standard input with --file FORM=-")
    default:
      throw failure("a device, not a file", "a regular file, or standard input with --file FORM=-")
    }
  }

  /// Places each roster row in its unit, a path of its cells from the top level down to the one
  /// that answers; a bracketed name at a level with sub-units is a sub-unit of the unit above it.
  /// Returns the error of each unit listed twice, naming both lines.
  private static func assignRosterUnits(_ data: inout FormData, into organization: inout Organization)
    -> [Diagnostic]
  {
    let answering = organization.answering
    let indexes = (0...answering).map { level in
      data.form.items.firstIndex { $0.kind.isHierarchy && $0.level == level }
    }
    let hasSubunits =
      organization.levels.indices.contains(answering) && organization.levels[answering].hasSubunits
    var current: [String]?
    var lines: [UnitPath: Int] = [:]
    var duplicates: [Diagnostic] = []
    // The rows are taken out and put back whole: `rows` is a computed property, and a change
    // through it would copy every row each time.
    var rows = data.rows
    for index in rows.indices {
      var names = indexes.map { $0.flatMap { rows[index].values[$0].text } ?? "" }
      let cell = names[answering]
      let unit: UnitPath
      if hasSubunits, let subunit = Organization.bracketed(cell), let current,
        current.dropLast() == names.dropLast()
      {
        unit = UnitPath(names: current, subunit: subunit)
      } else {
        if hasSubunits { names[answering] = Organization.bracketed(cell) ?? cell }
        unit = UnitPath(names: names)
        current = names
      }
      if organization.add(unit) {
        lines[unit] = rows[index].line
      } else {
        duplicates.append(duplicate(unit, line: rows[index].line, first: lines[unit], file: data.file))
      }
      rows[index].unit = unit
    }
    data.rows = rows
    return duplicates
  }

  /// The error of a unit the overall form lists a second time.
  private static func duplicate(_ unit: UnitPath, line: Int, first: Int?, file: String) -> Diagnostic {
    let lines = first.map { "lines \($0) and \(line)" } ?? "line \(line)"
    return Diagnostic(
      .error, file: file, line: line, item: unit.description,
      found: "a unit listed twice in the overall form (\(lines)); a row of another form could join either",
      expected: "each unit once")
  }
}
