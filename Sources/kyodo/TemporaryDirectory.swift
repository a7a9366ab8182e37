import Foundation

/// Directories kyodo makes for what it copies (standard input, the embedded survey), private to
/// it (mode 0700, from mkdtemp) and removed when it exits.
enum TemporaryDirectory {
  /// Why a directory could not be made.
  struct Failure: Error {
    var reason: String
  }

  nonisolated(unsafe) private static var paths: [String] = []
  private static let lock = NSLock()

  /// A new directory `NAME.XXXXXX` in the system's temporary directory.
  static func make(named name: String) throws(Failure) -> URL {
    var template = Array((FileManager.default.temporaryDirectory.path + "/\(name).XXXXXX").utf8CString)
    guard
      let made = template.withUnsafeMutableBufferPointer({ buffer in
        buffer.baseAddress.flatMap { mkdtemp($0) }
      })
    else { throw Failure(reason: String(cString: strerror(errno))) }
    let path = String(cString: made)
    lock.withLock {
      if paths.isEmpty { atexit { TemporaryDirectory.removeAll() } }
      paths.append(path)
    }
    return URL(fileURLWithPath: path, isDirectory: true)
  }

  private static func removeAll() {
    lock.withLock {
      for path in paths { try? FileManager.default.removeItem(atPath: path) }
      paths = []
    }
  }
}
