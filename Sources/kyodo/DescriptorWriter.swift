#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

import SurveyCore

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
    DescriptorIO.writeAll(UnsafeRawBufferPointer(bytes), to: descriptor)
  }
}
