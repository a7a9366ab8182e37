import Foundation

/// Hands out the pieces of a source read on a thread of its own, a few pieces ahead of its
/// reader: a sheet is inflated on one core while its XML is scanned on another.
///
/// The source is called on that thread only. `stop()` ends the thread early (the reader gave up):
/// it is not otherwise stopped before the source's end or error.
final class ReadAhead: @unchecked Sendable {
  /// The pieces read and not yet handed out (nil: the end), or the error that ended them.
  private var ready: [Result<[UInt8]?, SurveyError>] = []
  private var stopped = false
  private let condition = NSCondition()
  /// How many pieces may wait: enough to keep both threads busy, few enough to bound memory.
  private static let depth = 4

  /// The source, to be read on another thread.
  private final class Source: @unchecked Sendable {
    let next: () throws(SurveyError) -> [UInt8]?
    init(_ next: @escaping () throws(SurveyError) -> [UInt8]?) { self.next = next }
  }

  init(_ source: @escaping () throws(SurveyError) -> [UInt8]?) {
    let source = Source(source)
    let thread = Thread { [self] in self.produce(source) }
    thread.start()
  }

  private func produce(_ source: Source) {
    while true {
      let item: Result<[UInt8]?, SurveyError>
      do {
        item = .success(try source.next())
      } catch {
        item = .failure(error)
      }
      condition.lock()
      while ready.count >= Self.depth && !stopped { condition.wait() }
      if !stopped { ready.append(item) }
      let done = stopped || (try? item.get()) == nil
      condition.broadcast()
      condition.unlock()
      if done { return }
    }
  }

  /// The next piece, or nil after the last; the source's error, once it had one.
  func next() throws(SurveyError) -> [UInt8]? {
    condition.lock()
    defer { condition.unlock() }
    while ready.isEmpty { condition.wait() }
    let item = ready[0]
    // The end and an error stay, for a reader that asks again.
    if case .success(let piece?) = item {
      ready.removeFirst()
      condition.broadcast()
      return piece
    }
    return try item.get()
  }

  /// Ends the reading thread at its next piece.
  func stop() {
    condition.lock()
    stopped = true
    condition.broadcast()
    condition.unlock()
  }
}
