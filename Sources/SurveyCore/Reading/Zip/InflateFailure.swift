/// Why a DEFLATE stream could not be decoded; the ZIP reader names the member and the archive.
enum InflateFailure: Error, Equatable {
  /// The compressed bytes ended before the last block did.
  case truncated
  /// The bits are no DEFLATE stream: what was wrong with them.
  case invalid(String)
  /// The member inflates past the limit the reader was given.
  case tooLarge(limit: Int)
  /// The compressed bytes could not be read from the file.
  case unreadable(String)
}
