#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Text that could not be written: to a full disk, a closed pipe or a closed descriptor.
struct WriteError: Error, Equatable, CustomStringConvertible {
  /// Where the text was to go: `standard output` or `standard error`.
  var destination: String
  /// The `errno` of the failed write.
  var code: Int32

  var description: String {
    "cannot write to \(destination): \(String(cString: strerror(code)))"
  }
}
