/// Collects diagnostics while a file is read, so that every problem is reported, not just the first.
///
/// With a `limit`, only that many are kept and the rest are only counted, so that a file of a
/// million broken rows cannot make a run hold a million diagnostics in memory.
public struct DiagnosticLog: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []
  /// The most diagnostics kept, or nil for all of them.
  public let limit: Int?
  /// The most warnings kept (within `limit`), or nil for as many as `limit` allows: a run that
  /// only counts warnings keeps none.
  public let warningLimit: Int?
  private var keptWarnings = 0
  /// The line of the last error appended, kept or not.
  public private(set) var lastErrorLine: Int?
  /// Errors and warnings met after the limit was reached: counted, not kept.
  public private(set) var omittedErrors = 0
  public private(set) var omittedWarnings = 0

  public init(limit: Int? = nil, warningLimit: Int? = nil) {
    self.limit = limit
    self.warningLimit = warningLimit
  }

  /// An empty log with the same limits, for another part of the same file.
  public var empty: DiagnosticLog { DiagnosticLog(limit: limit, warningLimit: warningLimit) }

  /// The most problems kyodo lists per file: far more than any real export has, few enough that
  /// memory stays in proportion to the input however broken it is.
  public static let defaultLimit = 10_000

  /// The problems not kept, as one diagnostic for the end of a list, or nil when none were dropped.
  public func omissionNote(file: String) -> Diagnostic? {
    DiagnosticLog.omissionNote(
      file: file, listed: diagnostics.count, errors: omittedErrors, warnings: omittedWarnings,
      warningsOnlyCounted: warningLimit == 0)
  }

  /// With `warningsOnlyCounted` (a log that keeps no warning), warnings alone left out are not
  /// problems beyond a limit: the note only counts them.
  static func omissionNote(
    file: String, listed: Int, errors: Int, warnings: Int, warningsOnlyCounted: Bool = false
  ) -> Diagnostic? {
    let omitted = errors + warnings
    guard omitted > 0 else { return nil }
    var note =
      errors == 0 && warningsOnlyCounted
      ? Diagnostic(.warning, file: file, found: "\(counted(warnings, "warning")), counted and not listed")
      : Diagnostic(
        errors > 0 ? .error : .warning, file: file,
        found:
          "\(counted(omitted, "more problem")) not listed (\(counted(errors, "error")), \(counted(warnings, "warning")))",
        expected: "at most \(listed) problems per file; fix the listed ones first")
    note.omittedWarnings = warnings
    return note
  }

  public var hasErrors: Bool { omittedErrors > 0 || diagnostics.contains { $0.severity == .error } }

  public mutating func append(_ diagnostic: Diagnostic) {
    let isWarning = diagnostic.severity == .warning
    if !isWarning { lastErrorLine = diagnostic.line }
    if let limit, diagnostics.count >= limit {
      if isWarning { omittedWarnings += 1 } else { omittedErrors += 1 }
      return
    }
    if isWarning, let warningLimit, keptWarnings >= warningLimit {
      omittedWarnings += 1
      return
    }
    if isWarning { keptWarnings += 1 }
    diagnostics.append(diagnostic)
  }

  public mutating func append(contentsOf other: [Diagnostic]) {
    for diagnostic in other { append(diagnostic) }
  }

  /// Appends the diagnostics of a log of a later part of the file, their lines moved by
  /// `lineShift`, and counts those it left out.
  mutating func absorb(_ other: DiagnosticLog, lineShift: Int) {
    for var diagnostic in other.diagnostics {
      diagnostic.line = diagnostic.line.map { $0 + lineShift }
      append(diagnostic)
    }
    omittedErrors += other.omittedErrors
    omittedWarnings += other.omittedWarnings
  }

  /// Throws the collected diagnostics when any of them is an error.
  public func throwIfErrors() throws(SurveyError) {
    if hasErrors { throw SurveyError(diagnostics) }
  }
}
