import Foundation

/// Rows handed from the thread that reads them to the one that uses them, in batches, at most
/// `capacity` batches waiting: reading the next rows overlaps using these, in bounded memory.
///
/// Unchecked Sendable: every field is read and written under the condition's lock.
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var batches: [[Element]] = []
  private var finished = false
  private var stopped = false
  private let capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
  }

  /// Adds a batch, waiting while the queue is full; false once the user has stopped.
  func put(_ batch: [Element]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= capacity && !stopped { condition.wait() }
    guard !stopped else { return false }
    batches.append(batch)
    condition.broadcast()
    return true
  }

  /// Says that the reader has put its last batch.
  func finish() {
    condition.lock()
    defer { condition.unlock() }
    finished = true
    condition.broadcast()
  }

  /// The next batch, waiting for one; nil once the reader has finished and all are taken.
  func take() -> [Element]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !finished { condition.wait() }
    guard !batches.isEmpty else { return nil }
    condition.broadcast()
    return batches.removeFirst()
  }

  /// Tells the reader to stop: the user wants no more.
  func stop() {
    condition.lock()
    defer { condition.unlock() }
    stopped = true
    condition.broadcast()
  }
}
