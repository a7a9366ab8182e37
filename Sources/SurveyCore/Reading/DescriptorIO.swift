import Foundation

/// Whole reads and writes on a file descriptor, through the interrupted calls and short counts of
/// `pread(2)` and `write(2)`: one place for the loops the ZIP reader, the spilled shared strings
/// and the command's output need.
public enum DescriptorIO {
  /// Up to `count` bytes from `offset`, fewer only at the end of the file or at a read error, and
  /// that error's `errno` (0 for none).
  static func read(_ count: Int, at offset: Int, from descriptor: Int32) -> (bytes: [UInt8], failure: Int32) {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    var failure: Int32 = 0
    bytes.withUnsafeMutableBytes { raw in
      guard let base = raw.baseAddress else { return }
      while filled < count {
        let got = pread(descriptor, base + filled, count - filled, off_t(offset + filled))
        if got < 0, errno == EINTR { continue }
        if got <= 0 {
          failure = got < 0 ? errno : 0
          return
        }
        filled += got
      }
    }
    bytes.removeLast(count - filled)
    return (bytes, failure)
  }

  /// Writes every byte; returns the `errno` of the write that failed, or nil. A descriptor that
  /// would block is waited for.
  public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    guard var next = bytes.baseAddress else { return nil }
    var left = bytes.count
    while left > 0 {
      let written = write(descriptor, next, left)
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
