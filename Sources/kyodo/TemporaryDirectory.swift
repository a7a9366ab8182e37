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

  /// A new file in a new private directory, for a temporary copy of the export `name`: its URL
  /// and a descriptor open for writing, which the caller closes.
  static func copyFile(named directoryName: String, file: String, for name: String) throws -> (URL, Int32) {
    let directory: URL
    do {
      directory = try make(named: directoryName)
    } catch {
      throw UsageError("cannot make a temporary copy of \(name): \(error.reason)")
    }
    let copy = directory.appendingPathComponent(file)
    let descriptor = open(copy.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else { throw UsageError("cannot make a temporary copy of \(name) at \(copy.path)") }
    return (copy, descriptor)
  }
}
