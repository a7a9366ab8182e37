#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes text to a file descriptor with `write(2)`, so that a failure is an error to report,
/// not a crash: a partial write is continued, an interrupted or would-block one retried.
struct DescriptorWriter: Sendable {
  var descriptor: Int32
  /// The name of the destination in an error: `standard output`.
  var destination: String

  static let standardOutput = DescriptorWriter(descriptor: STDOUT_FILENO, destination: "standard output")
  static let standardError = DescriptorWriter(descriptor: STDERR_FILENO, destination: "standard error")

  /// Writes all of `text`, or throws the error that stopped it.
  func write(_ text: String) throws(WriteError) {
    var text = text
    if let code = text.withUTF8({ writeAll($0) }) {
      throw WriteError(destination: destination, code: code)
    }
  }

  /// Writes all of `bytes`, or throws the error that stopped it.
  func write(_ bytes: ArraySlice<UInt8>) throws(WriteError) {
    if let code = bytes.withUnsafeBufferPointer({ writeAll($0) }) {
      throw WriteError(destination: destination, code: code)
    }
  }

  /// Writes every byte; returns the `errno` of the write that failed, or nil.
  private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
    guard var next = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      let written = systemWrite(descriptor, next, left)
      if written > 0 {
        next += written
        left -= written
        continue
      }
      let code = written == 0 ? EIO : errno
      switch code {
      case EINTR:
        continue
      case EAGAIN, EWOULDBLOCK:
        var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&ready, 1, -1)
      default:
        return code
      }
    }
    return nil
  }
}

/// `write(2)`, named apart from `DescriptorWriter.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
  write(descriptor, bytes, count)
}
