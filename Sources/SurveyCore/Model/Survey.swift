import Foundation

/// The bytes of one export and the name to report it by.
public struct ExportSource: Sendable {
  public var bytes: [UInt8]
  public var file: String

  public init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }
}

/// A whole survey: the codebook, every form's rows, and the organization they describe.
public struct Survey: Sendable {
  public let codebook: Codebook
  public let forms: [FormData]
  public let organization: Organization
  /// Every warning met while reading; errors are thrown instead.
  public let warnings: [Diagnostic]

  /// The rows of a form, or nil when the survey has no such form.
  public func data(for formID: String) -> FormData? {
    forms.first { $0.form.id == formID }
  }

  /// The form that lists every responding unit (its row noun is `unit`).
  public var roster: FormData? {
    forms.first { $0.form.rowNoun == "unit" }
  }

  /// Reads every form of the codebook from its export; a form without a source is an error.
  ///
  /// Problems in all files are collected before throwing, so one run reports them all.
  public static func load(codebook: Codebook, sources: [String: ExportSource]) throws(SurveyError) -> Survey {
    var log = DiagnosticLog()
    var forms: [FormData] = []
    for form in codebook.forms {
      guard let source = sources[form.id] else {
        log.append(
          Diagnostic(
            .error, file: form.file, found: "no export for \(form.title)", expected: "the file \(form.file)"))
        continue
      }
      do {
        let decoded = try TextDecoding.decode(source.bytes, file: source.file)
        let (data, warnings) = try ExportLoader.load(
          form, utf8: decoded.utf8, encoding: decoded.encoding, file: source.file, codebook: codebook)
        forms.append(data)
        log.append(contentsOf: warnings)
      } catch {
        log.append(contentsOf: error.diagnostics)
      }
    }
    try log.throwIfErrors()
    let (organization, warnings) = organize(&forms)
    log.append(contentsOf: warnings)
    return Survey(codebook: codebook, forms: forms, organization: organization, warnings: log.diagnostics)
  }

  /// Builds the organization from the roster form and places every other form's rows in it; a row
  /// whose unit the roster does not list is a warning.
  static func organize(_ forms: inout [FormData]) -> (organization: Organization, warnings: [Diagnostic]) {
    var organization = Organization()
    var warnings: [Diagnostic] = []
    if let rosterIndex = forms.firstIndex(where: { $0.form.rowNoun == "unit" }) {
      assignRosterUnits(&forms[rosterIndex], into: &organization)
    }
    for index in forms.indices where forms[index].form.rowNoun != "unit" {
      let hasRoster = forms.contains { $0.form.rowNoun == "unit" }
      warnings.append(contentsOf: assignUnits(&forms[index], from: organization, checked: hasRoster))
    }
    return (organization, warnings)
  }

  /// Reads the codebook and the exports from files; `paths` overrides a form's file by form id,
  /// and `given` supplies a form's bytes directly (standard input, say).
  public static func load(
    directory: URL, codebook codebookURL: URL? = nil, paths: [String: URL] = [:],
    given: [String: ExportSource] = [:]
  ) throws(SurveyError) -> Survey {
    let codebookFile = codebookURL ?? directory.appendingPathComponent("codebook.tsv")
    let codebookBytes = try readFile(codebookFile)
    let decoded = try TextDecoding.decode(codebookBytes, file: codebookFile.relativePath)
    let codebook = try CodebookLoader.load(utf8: decoded.utf8, file: codebookFile.relativePath)
    var sources: [String: ExportSource] = [:]
    var log = DiagnosticLog()
    for form in codebook.forms {
      if let source = given[form.id] {
        sources[form.id] = source
        continue
      }
      let url = paths[form.id] ?? directory.appendingPathComponent(form.file)
      do {
        sources[form.id] = ExportSource(bytes: try readFile(url), file: url.relativePath)
      } catch {
        log.append(contentsOf: error.diagnostics)
      }
    }
    try log.throwIfErrors()
    return try load(codebook: codebook, sources: sources)
  }

  /// A file's bytes, or an error that names it.
  public static func readFile(_ url: URL) throws(SurveyError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
      throw SurveyError(
        Diagnostic(.error, file: url.relativePath, found: "no such file", expected: "a readable file"))
    }
    guard !isDirectory.boolValue else {
      throw SurveyError(Diagnostic(.error, file: url.relativePath, found: "a directory", expected: "a file"))
    }
    guard let data = FileManager.default.contents(atPath: url.path) else {
      throw SurveyError(
        Diagnostic(
          .error, file: url.relativePath, found: "a file that cannot be read", expected: "a readable file"))
    }
    return Array(data)
  }

  private static func assignRosterUnits(_ data: inout FormData, into organization: inout Organization) {
    var currentSection: (department: String, section: String)?
    for index in data.rows.indices {
      let department = data.text(of: .department, in: data.rows[index])
      let cell = data.text(of: .section, in: data.rows[index])
      let unit: UnitPath
      if let subunit = Organization.bracketed(cell), let current = currentSection,
        current.department == department
      {
        unit = UnitPath(department: department, section: current.section, subunit: subunit)
      } else {
        let section = Organization.bracketed(cell) ?? cell
        unit = UnitPath(department: department, section: section)
        currentSection = (department, section)
      }
      organization.add(unit)
      data.rows[index].unit = unit
    }
  }

  private static func assignUnits(_ data: inout FormData, from organization: Organization, checked: Bool)
    -> [Diagnostic]
  {
    var warnings: [Diagnostic] = []
    for index in data.rows.indices {
      let row = data.rows[index]
      let department = data.text(of: .department, in: row)
      let cell = data.text(of: .section, in: row)
      if let unit = organization.unit(department: department, sectionCell: cell) {
        data.rows[index].unit = unit
      } else if checked {
        warnings.append(
          Diagnostic(
            .warning, file: data.file, line: row.line, item: "\(department) \(cell)",
            found: "a unit that the overall form does not list; it is counted under its 部 and 課 as written",
            expected: "a 部 and 課 of the overall form"))
      }
    }
    return warnings
  }
}
