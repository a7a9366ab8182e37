import Foundation

/// Work handed to another thread, and waited for. Unchecked Sendable: `run` is called once, on
/// that thread, and `wait` returns after it; the work touches only what the caller lent it.
final class HandOverJob: @unchecked Sendable {
  private let work: () -> Void
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping () -> Void) {
    self.work = work
  }

  func run() {
    work()
    done.signal()
  }

  func wait() { done.wait() }
}
