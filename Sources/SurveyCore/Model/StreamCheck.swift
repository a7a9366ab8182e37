/// What the first complete pass over a streamed export found: its rows and its problems.
///
/// Unchecked Sendable: written at the end of a pass, by the thread that waits for it, before anyone
/// reads it.
final class StreamCheck: @unchecked Sendable {
  /// The rows, once something asked for all of them (`FormData.rows`), so that it reads them once.
  var materialized: [Row]?
  private(set) var isDone = false
  /// How many parts the last counting pass was read in (1 when its guess of a record start failed).
  var partsCounted = 0
  private(set) var rowCount = 0
  private(set) var diagnostics: [Diagnostic] = []
  /// The encoding the whole file turned out to be in (an ASCII start may be followed by CP932).
  private(set) var encoding: TextEncoding?

  /// Records what a pass that reached the end found: the reader's problems, then the rows whose
  /// unit is not listed, and a line for those not kept (of both); and the file's encoding.
  func finish(rowCount: Int, log: DiagnosticLog, units: DiagnosticLog, file: String, encoding: TextEncoding) {
    guard !isDone else { return }
    var all = log
    all.absorb(units, lineShift: 0)
    self.rowCount = rowCount
    self.encoding = encoding
    diagnostics = all.diagnostics + [all.omissionNote(file: file)].compactMap { $0 }
    isDone = true
  }
}
