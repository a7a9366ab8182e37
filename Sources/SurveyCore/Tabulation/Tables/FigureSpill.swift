import Foundation

/// Where amounts' statistics keep the distinct figures memory has no room for: a temporary file
/// of sorted runs (`FigureCounts`), and the bytes of figures every summary holds in memory, so
/// that a pass over an export of any size keeps at most `budget` bytes of them (and the lines'
/// last, small runs).
///
/// The file is made in `directory` when first needed and unlinked at once, so nothing is left
/// behind however the run ends; it keeps every segment written, those merged into others too,
/// until the spill is freed (some 16 MB for the standard report of 10M rows). Parts of a pass write from two threads: writes and the count of
/// bytes held are behind a lock; reads are positioned and take none. A write that fails leaves
/// the figures in memory, and the spill unused from then on (nothing is lost; the memory is not
/// bounded); a read that fails is kept
/// and thrown by `check` when the tables' outcome is made, so that no figure read wrong is
/// printed.
public final class FigureSpill: @unchecked Sendable {
  /// The bytes of figures all summaries may hold in memory before their largest lines are written out.
  public let budget: Int
  private let directory: URL
  private let lock = NSLock()
  private var descriptor: Int32 = -1
  /// The end of what was written: the next segment's start.
  private var end = 0
  /// Whether the file could not be made or written to (a full disk): nothing more is tried then.
  private var unusable = false
  private var held = 0
  /// The `errno` of the first read that failed, behind a lock of its own: segments are read
  /// while another is written (merged), under `lock`.
  private var readFailure: Int32?
  private let failureLock = NSLock()

  /// A spill into a file of `directory`, holding `budget` bytes of figures in memory (2 MB by default).
  public init(directory: URL, budget: Int = 2 << 20) {
    self.directory = directory
    self.budget = budget
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Whether figures may still be written out (no write has failed, nor the file's making).
  var isUsable: Bool { lock.withLock { !unusable } }

  /// The bytes written to the file so far.
  var bytesWritten: Int { lock.withLock { end } }

  /// Counts `change` more bytes held in memory (fewer when negative); whether all held pass the budget.
  func hold(_ change: Int) -> Bool {
    lock.withLock {
      held += change
      return held > budget
    }
  }

  /// Writes a segment at the end of the file, its bytes handed by `body` to the function it is
  /// given, a chunk at a time, as they are made: its range in the file, or nil when it could not
  /// be written whole.
  func writeSegment(_ body: ((UnsafeRawBufferPointer) -> Void) -> Void) -> Range<Int>? {
    lock.withLock {
      guard openFile() else { return nil }
      let start = end
      var failed = false
      body { chunk in
        guard !failed else { return }
        if DescriptorIO.writeAll(chunk, to: descriptor) != nil {
          failed = true
        } else {
          end += chunk.count
        }
      }
      guard !failed else {
        // The part written is given back to the disk; the segments before it stay readable.
        _ = ftruncate(descriptor, off_t(start))
        end = start
        unusable = true
        return nil
      }
      return start..<end
    }
  }

  /// Up to `count` bytes of a segment from `offset`: all of them, or nil after a read error (kept
  /// for `check`).
  func read(_ count: Int, at offset: Int) -> [UInt8]? {
    let (bytes, failure) = DescriptorIO.read(count, at: offset, from: descriptor)
    guard bytes.count < count else { return bytes }
    failureLock.withLock { readFailure = readFailure ?? (failure == 0 ? EIO : failure) }
    return nil
  }

  /// Throws when a figure could not be read back: the tables made since are wrong.
  public func check() throws(SurveyError) {
    guard let failure = failureLock.withLock({ readFailure }) else { return }
    throw SurveyError(
      Diagnostic(
        .error, file: directory.path,
        found: "a read error in kyodo's temporary file of figures (\(String(cString: strerror(failure))))",
        expected: "a temporary directory that keeps what kyodo writes to it"))
  }

  /// Makes the file on the first write; whether there is one to write to. Called under the lock.
  private func openFile() -> Bool {
    if unusable { return false }
    if descriptor >= 0 { return true }
    var template = Array(directory.appendingPathComponent("kyodo-figures.XXXXXX").path.utf8CString)
    descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else {
      unusable = true
      return false
    }
    template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
    return true
  }
}
