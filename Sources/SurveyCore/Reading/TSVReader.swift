/// One record of a tab-separated export: its fields and the physical line where it starts.
public struct TSVRecord: Sendable, Equatable {
  public var line: Int
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}

/// Reads tab-separated records from UTF-8 bytes, one at a time, as Excel writes them.
///
/// Fields may be double-quoted, and a quoted field may hold tabs, line breaks and `""` for a quote.
/// Lines end in LF, CRLF or a lone CR. Blank lines are skipped. A quote that appears inside an
/// unquoted field is an ordinary character, as in Excel. The scan works on bytes: tab, quote, CR and
/// LF never occur inside a multi-byte UTF-8 sequence.
///
/// The bytes are either all in memory or read in chunks from a `ByteChunkSource`; then the reader
/// keeps only the current chunk and the record being read, so a file of any size takes the same
/// memory.
public struct TSVReader {
  private var bytes: [UInt8]
  private var position = 0
  private var line = 1
  public let file: String
  private let source: (any ByteChunkSource)?
  private var exhausted: Bool

  public init(utf8 bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
    self.source = nil
    self.exhausted = true
  }

  /// A reader that pulls UTF-8 bytes from a source as it needs them.
  public init(source: any ByteChunkSource, file: String) {
    self.bytes = []
    self.file = file
    self.source = source
    self.exhausted = false
  }

  private static let tab: UInt8 = 0x09
  private static let newline: UInt8 = 0x0A
  private static let carriageReturn: UInt8 = 0x0D
  private static let quote: UInt8 = 0x22

  /// The next record, or nil at the end of the input.
  public mutating func next() throws(SurveyError) -> TSVRecord? {
    var spans: [FieldSpan] = []
    guard let line = try nextSpans(into: &spans) else { return nil }
    return TSVRecord(line: line, fields: spans.map { string(of: $0) })
  }

  /// The next record as spans of the reader's buffer, without making strings: the hot path of
  /// large exports. The spans are valid until the next call; `bytes(of:)` and `string(of:)` read
  /// them. Returns the record's first line, or nil at the end of the input.
  public mutating func nextSpans(into spans: inout [FieldSpan]) throws(SurveyError) -> Int? {
    // Read the record where it stands; when the buffer ends inside it, read more and start again.
    while true {
      let (savedPosition, savedLine) = (position, line)
      if let line = try spansOnce(into: &spans) { return line }
      if position < bytes.count || exhausted { return nil }
      position = savedPosition
      line = savedLine
      try refill()
    }
  }

  /// The record's first line, or nil either at the end of the input or, when more bytes could
  /// come, where the buffer ran out (`position` is then at the end of the buffer).
  private mutating func spansOnce(into spans: inout [FieldSpan]) throws(SurveyError) -> Int? {
    skipBlankLines()
    guard position < bytes.count else { return nil }
    // A CR at the very end may be followed by an LF in the next chunk.
    let start = line
    spans.removeAll(keepingCapacity: true)
    while true {
      guard let span = try readFieldSpan() else {
        position = bytes.count
        return nil
      }
      spans.append(span)
      guard position < bytes.count else {
        if exhausted { return start }
        return nil
      }
      if bytes[position] == Self.tab {
        position += 1
        continue
      }
      if bytes[position] == Self.carriageReturn && position + 1 >= bytes.count && !exhausted {
        position = bytes.count
        return nil
      }
      consumeLineEnd()
      return start
    }
  }

  /// Drops the bytes before `position` and appends the next chunk; at the end of the source, marks
  /// the input exhausted.
  private mutating func refill() throws(SurveyError) {
    if position > 0 {
      bytes.removeSubrange(0..<position)
      position = 0
    }
    guard let source, let chunk = try source.nextChunk() else {
      exhausted = true
      return
    }
    bytes.append(contentsOf: chunk)
  }

  /// Calls `body` with a span's bytes: the cell's text itself unless `span.isVerbatim` is false.
  public func withBytes<R>(of span: FieldSpan, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer { buffer in
      body(UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]))
    }
  }

  /// A span's text, with a quoted field's `""` read as `"` and any text after its closing quote.
  public func string(of span: FieldSpan) -> String {
    guard !span.isVerbatim else { return String(decoding: bytes[span.start..<span.end], as: UTF8.self) }
    var value: [UInt8] = []
    var index = span.start
    var quoted = true
    while index < span.end {
      let byte = bytes[index]
      if quoted && byte == Self.quote {
        if index + 1 < span.end, bytes[index + 1] == Self.quote {
          value.append(Self.quote)
          index += 2
          continue
        }
        quoted = false
        index += 1
        continue
      }
      value.append(byte)
      index += 1
    }
    return String(decoding: value, as: UTF8.self)
  }

  /// The next field, or nil when the buffer ends inside it and more bytes could come.
  private mutating func readFieldSpan() throws(SurveyError) -> FieldSpan? {
    guard position < bytes.count, bytes[position] == Self.quote else {
      let start = position
      while position < bytes.count {
        let byte = bytes[position]
        if byte == Self.tab || byte == Self.newline || byte == Self.carriageReturn { break }
        position += 1
      }
      if position >= bytes.count && !exhausted { return nil }
      return FieldSpan(start: start, end: position, isVerbatim: true)
    }
    let openingLine = line
    position += 1
    let start = position
    var verbatim = true
    var end = start
    while true {
      guard position < bytes.count else {
        if !exhausted { return nil }
        throw SurveyError(
          Diagnostic(
            .error, file: file, line: openingLine,
            found: "a quoted field that is never closed (it runs to the end of the file)",
            expected: "a closing double quote"))
      }
      let byte = bytes[position]
      if byte == Self.quote {
        if position + 1 >= bytes.count && !exhausted { return nil }
        if position + 1 < bytes.count, bytes[position + 1] == Self.quote {
          verbatim = false
          position += 2
          continue
        }
        end = position
        position += 1
        break
      }
      if byte == Self.newline {
        line += 1
      } else if byte == Self.carriageReturn {
        if position + 1 >= bytes.count && !exhausted { return nil }
        if position + 1 >= bytes.count || bytes[position + 1] != Self.newline { line += 1 }
      }
      position += 1
    }
    // Text after the closing quote and before the delimiter is kept, as Excel does.
    if position < bytes.count, bytes[position] != Self.tab, bytes[position] != Self.newline,
      bytes[position] != Self.carriageReturn
    {
      verbatim = false
      while position < bytes.count {
        let byte = bytes[position]
        if byte == Self.tab || byte == Self.newline || byte == Self.carriageReturn { break }
        position += 1
      }
      if position >= bytes.count && !exhausted { return nil }
    } else if position >= bytes.count && !exhausted {
      return nil
    }
    // A span that is not verbatim keeps its raw bytes from the first inner byte: `string(of:)`
    // reads the doubled quotes, the closing quote and what follows it.
    return verbatim
      ? FieldSpan(start: start, end: end, isVerbatim: true)
      : FieldSpan(start: start, end: position, isVerbatim: false)
  }

  /// Every remaining record.
  public mutating func readAll() throws(SurveyError) -> [TSVRecord] {
    var records: [TSVRecord] = []
    while let record = try next() { records.append(record) }
    return records
  }

  private mutating func skipBlankLines() {
    while position < bytes.count {
      let byte = bytes[position]
      if byte == Self.newline || byte == Self.carriageReturn {
        consumeLineEnd()
      } else {
        return
      }
    }
  }

  private mutating func consumeLineEnd() {
    guard position < bytes.count else { return }
    if bytes[position] == Self.carriageReturn {
      position += 1
      if position < bytes.count, bytes[position] == Self.newline { position += 1 }
    } else if bytes[position] == Self.newline {
      position += 1
    }
    line += 1
  }

}

/// A field of the record `TSVReader.nextSpans` read: a range of the reader's buffer.
public struct FieldSpan: Sendable, Hashable {
  public var start: Int
  public var end: Int
  /// Whether the bytes are the cell's text as they stand (no `""` to undo, nothing after a
  /// closing quote); otherwise `TSVReader.string(of:)` makes the text.
  public var isVerbatim: Bool
}

/// Where a streaming `TSVReader` gets its UTF-8 bytes: a chunk at a time, nil at the end.
public protocol ByteChunkSource: AnyObject {
  func nextChunk() throws(SurveyError) -> [UInt8]?
}
