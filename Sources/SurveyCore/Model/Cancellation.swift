import Foundation

/// Tells a thread to stop early. Unchecked Sendable: the flag is read and written under a lock.
final class Cancellation: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false
  var isCancelled: Bool { lock.withLock { cancelled } }
  func cancel() { lock.withLock { cancelled = true } }
}
