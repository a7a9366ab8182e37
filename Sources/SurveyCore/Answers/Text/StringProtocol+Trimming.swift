extension StringProtocol {
  /// The text without leading and trailing white space, full-width space (U+3000) included.
  public var trimmingSpaces: String {
    let scalars = unicodeScalars
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
    while start < end, scalars[scalars.index(before: end)].isSpace { end = scalars.index(before: end) }
    return String(self[start..<end])
  }

  /// The lines of a cell, split at any line break (LF, CRLF or CR), each trimmed, blanks dropped.
  public var cellLines: [String] {
    split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }.filter { !$0.isEmpty }
  }
}
