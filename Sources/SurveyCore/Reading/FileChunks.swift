import Foundation

/// Reads a UTF-8 export from disk a chunk at a time, checking each chunk as it goes, so that a file
/// of any size is read in the same memory.
///
/// A UTF-8 byte order mark is dropped. A byte that breaks UTF-8 after non-ASCII UTF-8 text is an
/// error that names its offset and line, as `TextDecoding` names it. When only ASCII came before
/// it, the file may be CP932 instead: the reader stops and sets `needsWholeFileDecoding`, and the
/// caller decodes the whole file with `TextDecoding`, which tells the encodings apart.
public final class FileChunks: ByteChunkSource {
  public let file: String
  private let handle: FileHandle
  private let url: URL
  private let chunkSize: Int
  private var carry: [UInt8] = []
  private var storage: [UInt8] = []
  /// The file offset of the next byte handed out.
  private var offset: Int
  private let startOffset: Int
  private var sawNonASCII = false
  private var started = false
  public private(set) var hadBOM = false
  /// The bytes the reader gives out start at this file offset (after a BOM).
  public var firstOffset: Int { startOffset + (hadBOM ? 3 : 0) }
  /// Set when the bytes are not UTF-8 and nothing but ASCII came before: decode the whole file.
  public private(set) var needsWholeFileDecoding = false
  /// Whether the reader of the chunks checks UTF-8 itself, where it matters (a counting pass: a
  /// cell met before is the same bytes as one checked then). Chunks are then checked only for NUL,
  /// once the file has shown UTF-8 text (or from the start, when reading starts mid-file).
  public var leavesUTF8ToReader = false

  /// A reader from the start of the file, or from `startOffset` (the start of a line, where no BOM
  /// is looked for; lines in its errors are then counted from there).
  public init(url: URL, file: String, chunkSize: Int = 256 << 10, startOffset: Int = 0) throws(SurveyError) {
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
    self.handle = handle
    self.url = url
    self.file = file
    self.chunkSize = max(1, chunkSize)
    self.offset = startOffset
    self.startOffset = startOffset
  }

  deinit {
    try? handle.close()
  }

  /// The line of a byte offset, counted again from where reading started: only errors need it.
  private func lineOf(_ offset: Int) -> Int {
    guard let data = try? Data(contentsOf: url, options: .alwaysMapped), offset <= data.count else {
      return 1
    }
    return 1 + data[startOffset..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  /// The error for bytes that break UTF-8 at a file offset.
  private func invalidUTF8(_ shown: [UInt8], at fileOffset: Int, line: Int) -> Diagnostic {
    Diagnostic(
      .error, file: file, line: line,
      found:
        "bytes \(shown.map { String(format: "%02X", $0) }.joined(separator: " ")) at byte offset \(fileOffset) that no supported encoding reads",
      expected: hadBOM ? "UTF-8 (it starts with a UTF-8 BOM)" : "UTF-8, as the text before them is")
  }

  /// The error for bytes that break UTF-8, found by a reader that checks them itself: `bytes`
  /// starts at the bad byte, `streamOffset` counts the bytes handed out before it.
  public func invalidUTF8(_ bytes: [UInt8], atStreamOffset streamOffset: Int) -> Diagnostic {
    let fileOffset = firstOffset + streamOffset
    return invalidUTF8(Array(bytes.prefix(4)), at: fileOffset, line: lineOf(fileOffset))
  }

  /// Up to `chunkSize` more bytes after the carried ones. The array's storage is used again for
  /// each chunk (the reader has copied the last one by then), so reading allocates nothing.
  private func readChunk() throws(SurveyError) -> (bytes: [UInt8], atEnd: Bool) {
    storage.removeAll(keepingCapacity: true)
    storage.append(contentsOf: carry)
    let carried = carry.count
    carry = []
    storage.append(contentsOf: repeatElement(0, count: chunkSize))
    let descriptor = handle.fileDescriptor
    var filled = carried
    var failure: Int32 = 0
    storage.withUnsafeMutableBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      while filled < buffer.count {
        let got = read(descriptor, base + filled, buffer.count - filled)
        if got < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        if got == 0 { return }
        filled += got
      }
    }
    if failure != 0 {
      throw SurveyError(
        Diagnostic(
          .error, file: file, found: "a read error (\(String(cString: strerror(failure))))",
          expected: "a readable file"))
    }
    let atEnd = filled < storage.count
    storage.removeLast(storage.count - filled)
    return (storage, atEnd)
  }

  public func nextChunk() throws(SurveyError) -> [UInt8]? {
    guard !needsWholeFileDecoding else { return nil }
    var (bytes, atEnd) = try readChunk()
    if !started {
      if !atEnd && bytes.count < 3 {
        carry = bytes
        return []
      }
      started = true
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
        hadBOM = true
        bytes.removeFirst(3)
        offset = 3
      }
    }
    if bytes.isEmpty { return atEnd ? nil : [] }
    // Keep an incomplete sequence at the end for the next chunk.
    var end = bytes.count
    if !atEnd {
      var back = end - 1
      while back > end - 4, back > 0, bytes[back] & 0xC0 == 0x80 { back -= 1 }
      if bytes[back] >= 0xC0 {
        let length = bytes[back] >= 0xF0 ? 4 : bytes[back] >= 0xE0 ? 3 : 2
        if back + length > end { end = back }
      }
    }
    if end < bytes.count {
      carry = Array(bytes[end...])
      bytes.removeSubrange(end...)
    }
    let checksUTF8 = !(leavesUTF8ToReader && (sawNonASCII || startOffset > 0))
    let bad = bytes.withUnsafeBufferPointer { buffer -> Int? in
      let invalid = checksUTF8 ? TextDecoding.firstInvalidUTF8Offset(buffer) : nil
      // NUL is valid UTF-8 but never in a spreadsheet's text; memchr finds it fastest.
      guard let base = buffer.baseAddress, let nul = memchr(base, 0, invalid ?? buffer.count) else {
        return invalid
      }
      return base.distance(to: nul.assumingMemoryBound(to: UInt8.self))
    }
    if let bad {
      let nonASCIIBefore = sawNonASCII || bytes[..<bad].contains { $0 >= 0x80 }
      if bytes[bad] != 0 && !nonASCIIBefore && !hadBOM {
        needsWholeFileDecoding = true
        return nil
      }
      let line = lineOf(offset + bad)
      if bytes[bad] == 0 {
        throw SurveyError(
          Diagnostic(
            .error, file: file, line: line,
            found: "a NUL character in \(hadBOM ? "UTF-8 with BOM" : "UTF-8") text",
            expected: "text without NUL characters (a spreadsheet's text export)"))
      }
      throw SurveyError(
        invalidUTF8(Array(bytes[bad..<min(bytes.count, bad + 4)]), at: offset + bad, line: line))
    }
    if !sawNonASCII { sawNonASCII = bytes.contains { $0 >= 0x80 } }
    offset += bytes.count
    if atEnd && !carry.isEmpty {
      let shown = carry.prefix(4).map { String(format: "%02X", $0) }
      throw SurveyError(
        Diagnostic(
          .error, file: file, line: lineOf(offset),
          found:
            "bytes \(shown.joined(separator: " ")) at byte offset \(offset) that no supported encoding reads",
          expected: "UTF-8, as the text before them is"))
    }
    return atEnd && bytes.isEmpty ? nil : bytes
  }
}
