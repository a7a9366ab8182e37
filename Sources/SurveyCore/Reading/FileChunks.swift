import Foundation

/// Reads an export from disk a chunk at a time as UTF-8, checking or transcoding each chunk as it
/// goes, so that a file of any size is read in the same memory.
///
/// The encoding is told as `TextDecoding` tells it: a UTF-8 BOM is dropped; a UTF-16 BOM makes the
/// chunks UTF-16, transcoded; otherwise the text is UTF-8 until a byte that breaks UTF-8 comes after
/// nothing but ASCII, when the file is CP932 from there on (ASCII is the same in both). A byte that
/// breaks UTF-8 after non-ASCII UTF-8 text, or that the file's encoding cannot read, is an error
/// that names its offset and line, in the words `TextDecoding` uses for a whole file.
public final class FileChunks: ByteChunkSource {
  public let file: String
  /// Where the bytes come from: an open file (and its URL, to read again for an error's line), or
  /// an export given whole in memory, which is read the same way.
  private enum Input {
    case file(FileHandle, URL)
    case memory([UInt8])
  }
  private let input: Input
  /// How many bytes of an export in memory have been read.
  private var memoryRead = 0
  private let chunkSize: Int
  private var carry: [UInt8] = []
  private var storage: [UInt8] = []
  public static let defaultChunkSize = 256 << 10
  /// The file offset of the next byte read.
  private var offset: Int
  private let startOffset: Int
  /// The file offset of the first byte above ASCII handed out as UTF-8, or nil while there is none.
  public private(set) var firstNonASCIIOffset: Int?
  private var sawNonASCII: Bool { firstNonASCIIOffset != nil }
  private var started = false
  private var bomLength = 0
  /// The encoding read so far: a file of ASCII first and CP932 later is UTF-8 until then.
  public private(set) var encoding: TextEncoding = .utf8
  private var transcoder: Transcoder?
  /// Where the file's text broke UTF-8 after non-ASCII UTF-8, when it was then taken for CP932: the
  /// error named if CP932 cannot read it either.
  private var damagedUTF8At: Int?
  /// The file offset of the first byte given to the transcoder.
  private var transcodedFrom = 0
  /// The bytes the reader gives out start at this file offset (after a BOM).
  public var firstOffset: Int { startOffset + bomLength }
  /// Whether the chunks are transcoded, so that their offsets are not the file's.
  public var transcodes: Bool { transcoder != nil }
  /// The file offset of the next byte read from the file (the bytes carried included).
  public private(set) var rawPosition: Int
  /// A file offset where a chunk must end (the start of the next part of a counting pass), so
  /// that the stream offset it maps to is known, however the chunks are transcoded.
  public var rawStop: Int?
  /// The offset in the UTF-8 stream handed out that `rawStop` maps to, once reached.
  public private(set) var stopStreamOffset: Int?
  /// Whether reading has reached `rawStop`.
  private var reachedRawStop: Bool { rawStop.map { rawPosition >= $0 } ?? false }
  /// The UTF-8 bytes handed out so far.
  private var handedOut = 0
  /// Whether the reader of the chunks checks UTF-8 itself, where it matters (a counting pass: a
  /// cell met before is the same bytes as one checked then). Chunks are then checked only for NUL,
  /// once the file has shown UTF-8 text (or from the start, when reading starts mid-file).
  public var leavesUTF8ToReader = false

  /// A reader from the start of the file, or from `startOffset` (the start of a line of a UTF-8
  /// file, where no BOM is looked for; lines in its errors are then counted from there).
  public init(
    url: URL, file: String, chunkSize: Int = defaultChunkSize, startOffset: Int = 0,
    encoding known: TextEncoding? = nil
  ) throws(SurveyError) {
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      throw SurveyError(
        Diagnostic(.error, file: file, found: "a file that cannot be read", expected: "a readable file"))
    }
    if startOffset > 0 {
      guard (try? handle.seek(toOffset: UInt64(startOffset))) != nil else {
        throw SurveyError(
          Diagnostic(.error, file: file, found: "a file that cannot be read", expected: "a readable file"))
      }
      started = true
    }
    self.input = .file(handle, url)
    self.file = file
    self.chunkSize = max(1, chunkSize)
    self.offset = startOffset
    self.startOffset = startOffset
    self.rawPosition = startOffset
    if let known, known != .utf8, known != .utf8WithBOM {
      // A part of a file whose encoding its start told: transcoded from its first byte.
      (encoding, transcoder, transcodedFrom, started) = (known, Transcoder(known), startOffset, true)
    }
  }

  /// A reader of an export given whole in memory (standard input, a test's bytes): the same
  /// encodings, checks and errors as a file's.
  public init(bytes: [UInt8], file: String, chunkSize: Int = defaultChunkSize) {
    self.input = .memory(bytes)
    self.file = file
    self.chunkSize = max(1, chunkSize)
    self.offset = 0
    self.startOffset = 0
    self.rawPosition = 0
  }

  deinit {
    if case .file(let handle, _) = input { try? handle.close() }
  }

  /// The bytes of the whole input, for an error's line: the file mapped again, or the bytes in memory.
  private func withWholeInput<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R? {
    switch input {
    case .memory(let bytes):
      return bytes.withUnsafeBytes(body)
    case .file(_, let url):
      guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return nil }
      return data.withUnsafeBytes(body)
    }
  }

  /// The line of a file offset, counted again from where reading started, and the bytes from there
  /// to show: only errors need them.
  private func context(of offset: Int) -> (line: Int, shown: [UInt8]) {
    let context = withWholeInput { whole -> (line: Int, shown: [UInt8])? in
      guard offset <= whole.count else { return nil }
      let line = TextDecoding.lineOf(offset, in: whole, from: firstOffset, encoding: encoding)
      return (line, Array(whole[offset..<min(whole.count, offset + 4)]))
    }
    return (context ?? nil) ?? (1, [])
  }

  /// The error for bytes that break UTF-8 at a file offset.
  private func invalidUTF8(at fileOffset: Int) -> Diagnostic {
    let (line, shown) = context(of: fileOffset)
    return TextDecoding.unreadable(
      file: file, line: line, offset: fileOffset, shown: shown,
      expected: encoding == .utf8WithBOM
        ? "UTF-8 (it starts with a UTF-8 BOM)" : "UTF-8, as the text before them is")
  }

  /// The error for bytes that break UTF-8, found by a reader that checks them itself:
  /// `streamOffset` counts the bytes handed out before the bad one.
  public func invalidUTF8(atStreamOffset streamOffset: Int) -> Diagnostic {
    invalidUTF8(at: firstOffset + streamOffset)
  }

  /// Up to `chunkSize` more bytes after the carried ones, read into `storage` where they stand.
  /// The storage keeps its size and is written again for each chunk (the reader has copied the
  /// slice handed out before by then), so that reading allocates nothing and copies no byte twice.
  private func readChunk() throws(SurveyError) -> (bytes: ArraySlice<UInt8>, atEnd: Bool) {
    let carried = carry.count
    let capacity = carried + chunkSize
    if storage.count < capacity {
      // Zeroed by memset: a repeated element is a loop of generic code in a debug build.
      storage = [UInt8](unsafeUninitializedCapacity: capacity + 16) { buffer, count in
        if let base = buffer.baseAddress { memset(base, 0, buffer.count) }
        count = buffer.count
      }
    }
    storage.replaceSubrange(0..<carried, with: carry)
    carry = []
    var filled = carried
    if case .memory(let bytes) = input {
      let count = min(capacity - filled, bytes.count - memoryRead)
      storage.replaceSubrange(filled..<(filled + count), with: bytes[memoryRead..<(memoryRead + count)])
      memoryRead += count
      filled += count
      return (storage[0..<filled], filled < capacity)
    }
    guard case .file(let handle, _) = input else { return ([], true) }
    let descriptor = handle.fileDescriptor
    var failure: Int32 = 0
    // A chunk ends at the stop when it would pass it.
    var want = capacity
    if let rawStop, rawPosition < rawStop { want = min(want, filled + rawStop - rawPosition) }
    var ended = false
    storage.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while filled < want {
        let got = read(descriptor, base + filled, want - filled)
        if got < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if got == 0 {
          ended = true
          return
        }
        filled += got
        rawPosition += got
      }
    }
    if failure != 0 {
      throw SurveyError(
        Diagnostic(
          .error, file: file, found: "a read error (\(String(cString: strerror(failure))))",
          expected: "a readable file"))
    }
    let atEnd = ended || (want == capacity && filled < capacity)
    return (storage[0..<filled], atEnd)
  }

  public func nextChunk() throws(SurveyError) -> ArraySlice<UInt8>? {
    let stopping = reachedRawStop
    let chunk = try readNextChunk()
    handedOut += chunk?.count ?? 0
    if !stopping && reachedRawStop { stopStreamOffset = handedOut }
    return chunk
  }

  private func readNextChunk() throws(SurveyError) -> ArraySlice<UInt8>? {
    var (bytes, atEnd) = try readChunk()
    if !started {
      if !atEnd && bytes.count < 3 {
        carry = Array(bytes)
        return []
      }
      try start(with: &bytes)
    }
    if transcoder != nil { return try transcode(bytes, atEnd: atEnd) }
    if bytes.isEmpty { return atEnd ? nil : [] }
    if !atEnd { carryIncompleteSequence(of: &bytes) }
    if let bad = firstBadByte(in: bytes) {
      return try switchToCP932(at: bad, in: &bytes, atEnd: atEnd)
    }
    if !sawNonASCII, let index = bytes.firstIndex(where: { $0 >= 0x80 }) {
      firstNonASCIIOffset = offset + (index - bytes.startIndex)
    }
    offset += bytes.count
    if atEnd && !carry.isEmpty {
      throw SurveyError(invalidUTF8(at: offset))
    }
    return atEnd && bytes.isEmpty ? nil : bytes
  }

  /// Tells the encoding by the first bytes of the file: a UTF-8 BOM is dropped, a UTF-16 one
  /// starts transcoding, and UTF-16 without one is an error.
  private func start(with bytes: inout ArraySlice<UInt8>) throws(SurveyError) {
    started = true
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      (encoding, bomLength) = (.utf8WithBOM, 3)
    } else if let utf16 = TextDecoding.utf16Encoding(byteOrderMark: bytes) {
      (encoding, bomLength) = (utf16, 2)
      transcoder = Transcoder(utf16)
      transcodedFrom = 2
    } else if TextDecoding.looksLikeUTF16WithoutBOM(bytes) {
      throw SurveyError(TextDecoding.utf16WithoutBOM(file: file))
    }
    bytes = bytes.dropFirst(bomLength)
    offset = bomLength
  }

  /// Moves a UTF-8 sequence left incomplete at the end of a chunk to `carry`, for the next chunk
  /// (the chunk is sliced, not copied).
  private func carryIncompleteSequence(of bytes: inout ArraySlice<UInt8>) {
    var end = bytes.endIndex
    var back = end - 1
    while back > end - 4, back > bytes.startIndex, bytes[back] & 0xC0 == 0x80 { back -= 1 }
    if bytes[back] >= 0xC0 {
      let length = bytes[back] >= 0xF0 ? 4 : bytes[back] >= 0xE0 ? 3 : 2
      if back + length > end { end = back }
    }
    if end < bytes.endIndex {
      carry = Array(bytes[end...])
      bytes = bytes[..<end]
    }
  }

  /// The index of the first byte of a UTF-8 chunk that breaks UTF-8 (unless the reader checks it)
  /// or is NUL, or nil.
  private func firstBadByte(in bytes: ArraySlice<UInt8>) -> Int? {
    let checksUTF8 = !(leavesUTF8ToReader && (sawNonASCII || startOffset > 0))
    return bytes.withUnsafeBufferPointer { buffer -> Int? in
      let invalid = checksUTF8 ? TextDecoding.firstInvalidUTF8Offset(buffer) : nil
      // NUL is valid UTF-8 but never in a spreadsheet's text; memchr finds it fastest.
      guard let base = buffer.baseAddress, let nul = memchr(base, 0, invalid ?? buffer.count) else {
        return invalid
      }
      return base.distance(to: nul.assumingMemoryBound(to: UInt8.self))
    }
  }

  /// The chunk transcoded from CP932 when its bad byte breaks UTF-8 after nothing but ASCII in the
  /// file, or when it is the file's first chunk and CP932 reads it (as the whole file's decoding
  /// tells the encoding: text that is not UTF-8 is CP932 if CP932 reads it); otherwise throws the
  /// error for the bad byte.
  private func switchToCP932(at bad: Int, in bytes: inout ArraySlice<UInt8>, atEnd: Bool)
    throws(SurveyError) -> ArraySlice<UInt8>?
  {
    let badByte = bytes[bytes.startIndex + bad]
    let nonASCIIBefore = sawNonASCII || bytes.prefix(bad).contains { $0 >= 0x80 }
    let firstChunk = startOffset == 0 && offset == bomLength
    if badByte != 0 && encoding == .utf8 && (!nonASCIIBefore || firstChunk) {
      // Only ASCII so far, which CP932 reads the same (or nothing handed out yet): CP932 from here.
      encoding = .cp932
      transcoder = Transcoder(.cp932)
      transcodedFrom = offset
      bytes.append(contentsOf: carry)
      carry = []
      // After good UTF-8, Japanese included, the file is UTF-8 with a damaged byte there, unless
      // CP932 reads all of it.
      if nonASCIIBefore { damagedUTF8At = offset + bad }
      return try transcode(bytes, atEnd: atEnd)
    }
    if badByte == 0 {
      throw SurveyError(
        Diagnostic(
          .error, file: file, line: context(of: offset + bad).line,
          found: "a NUL character in \(encoding.rawValue) text",
          expected: "text without NUL characters (a spreadsheet's text export)"))
    }
    throw SurveyError(invalidUTF8(at: offset + bad))
  }

  /// A chunk of UTF-16 or CP932 as UTF-8 (a new array: the reader still holds the last one).
  private func transcode(_ bytes: ArraySlice<UInt8>, atEnd: Bool) throws(SurveyError) -> ArraySlice<UInt8>? {
    guard var transcoder else { return bytes }
    var transcoded: [UInt8] = []
    do throws(Transcoder.Failure) {
      try bytes.withUnsafeBufferPointer { buffer throws(Transcoder.Failure) in
        try transcoder.transcode(buffer, atEnd: atEnd, into: &transcoded)
      }
    } catch {
      if let damagedUTF8At {
        (encoding, self.transcoder) = (.utf8, nil)
        throw SurveyError(invalidUTF8(at: damagedUTF8At))
      }
      let fileOffset = transcodedFrom + error.offset
      let (line, shown) = context(of: fileOffset)
      throw SurveyError(
        TextDecoding.diagnostic(
          for: error, encoding: encoding, file: file, offset: fileOffset, line: line, shown: shown))
    }
    self.transcoder = transcoder
    offset += bytes.count
    return atEnd && transcoded.isEmpty ? nil : transcoded[...]
  }
}
