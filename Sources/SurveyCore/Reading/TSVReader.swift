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
  /// Bytes dropped from the front of the buffer so far.
  private var dropped = 0
  /// Where to stop: `nextSpans` returns nil for a record that starts at or after this offset.
  public var stopOffset: Int?
  /// The most bytes a record may hold. Excel keeps at most 32,767 characters in a cell, so a real
  /// row of a sheet holds a few megabytes at most; a longer record is an error that names the line
  /// where it starts, so that no input, however long its lines, takes more memory than this.
  public static let recordLimit = 16 << 20
  /// The limit this reader applies (tests set a smaller one).
  public var recordLimit = TSVReader.recordLimit

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
  /// them. Returns the record's first line, or nil at the end of the input (or at `stopOffset`).
  public mutating func nextSpans(into spans: inout [FieldSpan]) throws(SurveyError) -> Int? {
    // Read the record where it stands; when the buffer ends inside it, read more and start again.
    while true {
      skipBlankLines()
      if position < bytes.count {
        if let stopOffset, offset >= stopOffset { return nil }
        let start = line
        var cursor = (position: position, line: line)
        let exhausted = self.exhausted
        spans.removeAll(keepingCapacity: true)
        let outcome = bytes.withUnsafeBufferPointer { buffer in
          Self.scanFields(buffer, exhausted: exhausted, cursor: &cursor, into: &spans)
        }
        if cursor.position - position > recordLimit {
          position = bytes.count
          throw SurveyError(
            Diagnostic(
              .error, file: file, line: start,
              found:
                "a record longer than \(recordLimit >> 20) MB (a cell or a quoted field that never ends)",
              expected: "records of at most \(recordLimit >> 20) MB, as a spreadsheet's rows are"))
        }
        switch outcome {
        case .complete:
          (position, line) = cursor
          return start
        case .unclosedQuote(let openingLine):
          position = bytes.count
          throw SurveyError(
            Diagnostic(
              .error, file: file, line: openingLine,
              found: "a quoted field that is never closed (it runs to the end of the file)",
              expected: "a closing double quote"))
        case .needsMore:
          break
        }
      } else if exhausted {
        return nil
      }
      try refill()
    }
  }

  /// The offset in the input of a byte of the buffer, such as a span's.
  public func offset(ofBufferIndex index: Int) -> Int { dropped + index }

  /// The line the next record starts on, between records.
  public var currentLine: Int { line }

  /// The offset in the input of the next byte to read: the start of the next record, between records.
  public var offset: Int { dropped + position }

  private enum ScanOutcome {
    case complete
    case needsMore
    case unclosedQuote(line: Int)
  }

  /// The high bit of each byte of a word below 0x0E (tab, LF and CR are among them). Bits above the
  /// lowest may be wrong; the lowest marks the first such byte.
  @inline(__always) private static func controlBits(_ word: UInt64) -> UInt64 {
    (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080
  }

  /// The same for double quotes.
  @inline(__always) private static func quoteBits(_ word: UInt64) -> UInt64 {
    let x = word ^ 0x2222_2222_2222_2222
    return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
  }

  /// Reads one record's fields from `cursor`. Unquoted text is skipped eight bytes at a time
  /// until a word holds a control byte (or, in a quoted field, a quote).
  ///
  /// The hot loop of every read, kept whole for speed (it is longer than other functions): its
  /// position and line stay in local variables and its helpers are inlined, rather than passed
  /// back and forth between smaller functions.
  private static func scanFields(
    _ buffer: UnsafeBufferPointer<UInt8>, exhausted: Bool, cursor: inout (position: Int, line: Int),
    into spans: inout [FieldSpan]
  ) -> ScanOutcome {
    guard let base = buffer.baseAddress else { return exhausted ? .complete : .needsMore }
    let raw = UnsafeRawPointer(base)
    let count = buffer.count
    var position = cursor.position
    var line = cursor.line
    defer { cursor = (position, line) }
    @inline(__always) func isDelimiter(_ byte: UInt8) -> Bool {
      byte == tab || byte == newline || byte == carriageReturn
    }
    /// Moves `position` to the next tab, LF or CR (or the end).
    @inline(__always) func skipToDelimiter() {
      while position &+ 8 <= count {
        let bits = controlBits(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        if bits == 0 {
          position &+= 8
          continue
        }
        // The first byte below 0x0E: a delimiter, or another control byte to step over.
        position &+= bits.trailingZeroBitCount >> 3
        if isDelimiter(base[position]) { return }
        position &+= 1
      }
      while position < count && !isDelimiter(base[position]) { position &+= 1 }
    }
    while true {
      if position < count && base[position] == quote {
        let openingLine = line
        position &+= 1
        let start = position
        var verbatim = true
        var end = start
        while true {
          // To the first quote or control byte, a word at a time.
          while position &+ 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)
            let bits = controlBits(word) | quoteBits(word)
            if bits != 0 {
              position &+= bits.trailingZeroBitCount >> 3
              break
            }
            position &+= 8
          }
          guard position < count else { return exhausted ? .unclosedQuote(line: openingLine) : .needsMore }
          let byte = base[position]
          if byte == quote {
            if position &+ 1 >= count && !exhausted { return .needsMore }
            if position &+ 1 < count && base[position &+ 1] == quote {
              verbatim = false
              position &+= 2
              continue
            }
            end = position
            position &+= 1
            break
          }
          if byte == newline {
            line &+= 1
          } else if byte == carriageReturn {
            if position &+ 1 >= count && !exhausted { return .needsMore }
            if position &+ 1 >= count || base[position &+ 1] != newline { line &+= 1 }
          }
          position &+= 1
        }
        // Text after the closing quote and before the delimiter is kept, as Excel does.
        if position < count && !isDelimiter(base[position]) {
          verbatim = false
          skipToDelimiter()
          if position >= count && !exhausted { return .needsMore }
        } else if position >= count && !exhausted {
          return .needsMore
        }
        // A span that is not verbatim keeps its raw bytes from the first inner byte: `string(of:)`
        // reads the doubled quotes, the closing quote and what follows it.
        spans.append(
          verbatim
            ? FieldSpan(start: start, end: end, isVerbatim: true)
            : FieldSpan(start: start, end: position, isVerbatim: false))
      } else {
        let start = position
        skipToDelimiter()
        if position >= count && !exhausted { return .needsMore }
        spans.append(FieldSpan(start: start, end: position, isVerbatim: true))
      }
      guard position < count else { return exhausted ? .complete : .needsMore }
      let byte = base[position]
      if byte == tab {
        position &+= 1
        continue
      }
      if byte == carriageReturn {
        if position &+ 1 >= count && !exhausted { return .needsMore }
        position &+= 1
        if position < count && base[position] == newline { position &+= 1 }
      } else {
        position &+= 1
      }
      line &+= 1
      return .complete
    }
  }

  /// Drops the bytes before `position` and appends the next chunks, at least as many bytes as the
  /// record read so far holds, so that a long record is scanned again only a few times (the time
  /// stays linear in its length); at the end of the source, marks the input exhausted.
  private mutating func refill() throws(SurveyError) {
    if position > 0 {
      bytes.removeSubrange(0..<position)
      dropped += position
      position = 0
    }
    let pending = bytes.count
    repeat {
      guard let source, let chunk = try source.nextChunk() else {
        exhausted = true
        return
      }
      bytes.append(contentsOf: chunk)
    } while bytes.count - pending < pending
  }

  /// Calls `body` with the reader's whole buffer, which the spans of the last record index into.
  public func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    bytes.withUnsafeBufferPointer(body)
  }

  /// A span's text, with a quoted field's `""` read as `"` and any text after its closing quote.
  public func string(of span: FieldSpan) -> String {
    bytes.withUnsafeBufferPointer { Self.string(of: span, in: $0) }
  }

  /// A span's text in the buffer it indexes (`withBuffer`).
  public static func string(of span: FieldSpan, in buffer: UnsafeBufferPointer<UInt8>) -> String {
    guard !span.isVerbatim else {
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]), as: UTF8.self)
    }
    var value: [UInt8] = []
    var index = span.start
    var quoted = true
    while index < span.end {
      let byte = buffer[index]
      if quoted && byte == quote {
        if index + 1 < span.end, buffer[index + 1] == quote {
          value.append(quote)
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
