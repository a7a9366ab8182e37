import Foundation
import SurveyCore

/// Standard input, copied to a temporary file so that it is read like any export: a chunk at a
/// time, in bounded memory, as often as a command needs.
///
/// The copy stops early where the reader will stop anyway: at a NUL byte in text without a UTF-16
/// byte order mark (what `/dev/zero` gives), and in a line longer than a record may be; the
/// reader then reports the problem with its line. More than `limit` bytes is an error.
enum StandardInput {
  /// The most bytes read from standard input: larger exports are given by their path.
  static let limit = 2 << 30
  /// The name diagnostics give standard input.
  static let name = "<stdin>"

  /// A file holding what standard input holds, named `<stdin>` relative to its directory, so that
  /// diagnostics name it so. It is removed when kyodo exits.
  static func spool(from descriptor: Int32 = STDIN_FILENO) throws -> URL {
    let directory = try temporaryDirectory()
    let url = URL(fileURLWithPath: name, relativeTo: directory)
    let output = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard output >= 0 else { throw failure("cannot create \(url.path): \(reason())") }
    defer { close(output) }
    let copy = DescriptorWriter(descriptor: output, destination: url.path)
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var total = 0
    var lineLength = 0
    var head: [UInt8] = []
    while true {
      let got = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 {
        if errno == EINTR { continue }
        throw failure("standard input cannot be read: \(reason())")
      }
      if got == 0 { break }
      total += got
      guard total <= limit else {
        throw SurveyError(
          Diagnostic(
            .error, file: name, found: "more than \(limit >> 30) GB on standard input",
            expected: "an export of at most \(limit >> 30) GB there; give a larger one by its path"))
      }
      do throws(WriteError) {
        try copy.write(buffer[..<got])
      } catch {
        throw failure("cannot copy standard input to \(url.path): \(String(cString: strerror(error.code)))")
      }
      if head.count < 2 { head += buffer[..<min(got, 2 - head.count)] }
      // UTF-16 text holds NUL bytes; it starts with a byte order mark (the reader requires one).
      let allowsNUL = head == [0xFF, 0xFE] || head == [0xFE, 0xFF]
      var stops = false
      for byte in buffer[..<got] {
        if byte == 0x0A {
          lineLength = 0
        } else {
          lineLength += 1
          if lineLength > TSVReader.recordLimit || (byte == 0 && !allowsNUL) { stops = true }
        }
      }
      if stops { break }
    }
    return url
  }

  /// A new directory of the system's temporary directory, removed when kyodo exits.
  private static func temporaryDirectory() throws -> URL {
    do {
      return try TemporaryDirectory.make(named: "kyodo-stdin")
    } catch {
      throw failure("cannot create a temporary directory for standard input: \(error.reason)")
    }
  }

  private static func failure(_ found: String) -> SurveyError {
    SurveyError(Diagnostic(.error, file: name, found: found, expected: "standard input copied to a file"))
  }

  private static func reason() -> String { String(cString: strerror(errno)) }
}
