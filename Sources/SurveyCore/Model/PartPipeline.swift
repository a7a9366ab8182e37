import Foundation

/// The parts of a counting pass over a large file, read two at a time (one per thread) and
/// handed over to the consumers one after another in file order, so that only a few parts' counts
/// are held at once.
///
/// A part is read from a guessed record start to the next part's; its turn to hand over comes
/// after the part before it has handed over, and ends with a check that it stopped exactly where
/// the next part starts (the guess was a record start). When it did not, it reads on over the rest
/// of the file, and the later parts are dropped; so a part whose turn comes starts at a record.
///
/// Unchecked Sendable: `take` and `isFinished` hold the lock; the rest is touched only in turns,
/// which the semaphores order one after another.
final class PartPipeline: @unchecked Sendable {
  /// Where each part starts, in stream offsets of the first part's reader (part 0 at 0).
  let starts: [Int]
  private let lock = NSLock()
  private var nextPart = 0
  private var finished = false
  private let turns: [DispatchSemaphore]
  let cancellation = Cancellation()
  var log: DiagnosticLog
  var units: DiagnosticLog
  var rowCount = 0
  /// The records read, ragged ones included.
  var rowsRead = 0
  /// Whether a part stopped at an error of the file itself, or a part's file could not be opened.
  var failed = false
  var partsCounted = 0
  /// The line of the file where the next part starts.
  var nextLine = 1
  /// Whether the parts absorbed so far held only ASCII.
  var onlyASCII = true
  /// The encoding of the file, when a part found it other than the first part's.
  var encoding: TextEncoding?

  init(starts: [Int], log: DiagnosticLog) {
    self.starts = starts
    self.log = log.empty
    units = log.empty
    // Made at 0 and signalled: libdispatch traps on freeing a semaphore below its initial value.
    turns = starts.indices.map { _ in DispatchSemaphore(value: 0) }
    turns.first?.signal()
  }

  /// The next part to read, or nil when there is none or the pass has finished.
  func take() -> Int? {
    lock.withLock {
      guard !finished, nextPart < starts.count else { return nil }
      defer { nextPart += 1 }
      return nextPart
    }
  }

  var isFinished: Bool { lock.withLock { finished } }

  func finish() {
    lock.withLock { finished = true }
    cancellation.cancel()
  }

  /// Waits for part `index`'s turn, runs `body`, and lets the next part have its turn.
  func turn(_ index: Int, _ body: () -> Void) {
    turns[index].wait()
    body()
    if index + 1 < turns.count { turns[index + 1].signal() }
  }

  /// The stream offset where part `index` stops (nil: at the end of the file).
  func stop(of index: Int) -> Int? {
    index + 1 < starts.count ? starts[index + 1] - starts[index] : nil
  }

  /// Adds a part that read its last row to the totals, its lines shifted to the file's.
  func absorb(_ part: FormReader) {
    let shift = nextLine - 1
    log.absorb(part.log, lineShift: shift)
    units.absorb(part.units, lineShift: shift)
    rowCount += part.rowCount
    rowsRead += part.rowsRead
    failed = failed || part.failed
    nextLine = part.position.line + shift
    partsCounted += 1
  }
}
