/// What reading one export produced: the rows that could be read and every problem met.
public struct ExportReading: Sendable {
  /// The typed rows, or nil when not even a header could be read.
  public var data: FormData?
  /// The records after the header, ragged ones included.
  public var rowsRead: Int
  /// For each item of the form, the column (0-based) that holds it.
  public var columns: [Int?]
  /// Every error and warning, in the order met (up to the limit `read` was given).
  public var diagnostics: [Diagnostic]
  /// Problems met beyond the limit: counted, not kept.
  public var omittedErrors = 0
  public var omittedWarnings = 0
  /// Whether the reading kept no warning, only counted them.
  public var warningsOnlyCounted = false

  /// The problems not kept, as one diagnostic for the end of a list, or nil when none were dropped.
  public func omissionNote(file: String) -> Diagnostic? {
    DiagnosticLog.omissionNote(
      file: file, listed: diagnostics.count, errors: omittedErrors, warnings: omittedWarnings,
      warningsOnlyCounted: warningsOnlyCounted)
  }
}
