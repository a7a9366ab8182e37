import Foundation

/// Turns a file's bytes into UTF-8 bytes, once, at the edge: everything after works on UTF-8.
public enum TextDecoding {
  /// Detects the encoding and returns the text as UTF-8 bytes without any byte order mark.
  ///
  /// A BOM decides; without one, valid UTF-8 is UTF-8 and anything else must decode as CP932.
  /// Text holding a NUL character is refused: no spreadsheet writes one, so it means a damaged or
  /// binary file, and passing it on would only turn it into mojibake further down.
  public static func decode(_ bytes: [UInt8], file: String) throws(SurveyError) -> (
    utf8: [UInt8], encoding: TextEncoding
  ) {
    let decoded = try detect(bytes, file: file)
    if let nul = decoded.utf8.firstIndex(of: 0) {
      let line = 1 + decoded.utf8[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
      throw SurveyError(
        Diagnostic(
          .error, file: file, line: line, found: "a NUL character in \(decoded.encoding.rawValue) text",
          expected: "text without NUL characters (a spreadsheet's text export)"))
    }
    return decoded
  }

  private static func detect(_ bytes: [UInt8], file: String) throws(SurveyError) -> (
    utf8: [UInt8], encoding: TextEncoding
  ) {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      let body = Array(bytes.dropFirst(3))
      if let offset = firstInvalidUTF8Offset(body) {
        throw invalid(file: file, bytes: bytes, offset: offset + 3, as: "UTF-8 (it starts with a UTF-8 BOM)")
      }
      return (body, .utf8WithBOM)
    }
    if let encoding = utf16Encoding(byteOrderMark: bytes) {
      return (try transcode(bytes, from: 2, as: encoding, file: file), encoding)
    }
    if looksLikeUTF16WithoutBOM(bytes) { throw SurveyError(utf16WithoutBOM(file: file)) }
    guard let offset = firstInvalidUTF8Offset(bytes) else { return (bytes, .utf8) }
    do {
      return (try transcode(bytes, from: 0, as: .cp932, file: file), .cp932)
    } catch {
      // Text that is good UTF-8, Japanese included, up to the bad byte is UTF-8 with a damaged
      // byte: name that byte. Otherwise name what CP932 cannot read.
      if bytes[..<offset].contains(where: { $0 >= 0x80 }) {
        throw invalid(file: file, bytes: bytes, offset: offset, as: "UTF-8, as the text before them is")
      }
      throw error
    }
  }

  /// The UTF-16 byte order a byte order mark names, or nil.
  static func utf16Encoding(byteOrderMark bytes: some Collection<UInt8>) -> TextEncoding? {
    if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
    if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
    return nil
  }

  static func utf16WithoutBOM(file: String) -> Diagnostic {
    Diagnostic(
      .error, file: file, line: 1, found: "text that looks like UTF-16 without a byte order mark",
      expected: "UTF-8, UTF-16 with a BOM (Excel's Unicode text) or CP932")
  }

  /// The whole of a UTF-16 or CP932 text, from `start` (after its BOM), as UTF-8.
  private static func transcode(_ bytes: [UInt8], from start: Int, as encoding: TextEncoding, file: String)
    throws(SurveyError) -> [UInt8]
  {
    guard var transcoder = Transcoder(encoding) else { return bytes }
    var utf8: [UInt8] = []
    do throws(Transcoder.Failure) {
      try bytes.withUnsafeBufferPointer { buffer throws(Transcoder.Failure) in
        try transcoder.transcode(UnsafeBufferPointer(rebasing: buffer[start...]), atEnd: true, into: &utf8)
      }
    } catch {
      let offset = start + error.offset
      let line = bytes.withUnsafeBytes { lineOf(offset, in: $0, from: start, encoding: encoding) }
      throw SurveyError(
        diagnostic(
          for: error, encoding: encoding, file: file, offset: offset, line: line, shown: bytes[offset...]))
    }
    return utf8
  }

  /// The line an offset is on, counting line feeds from `start` in the encoding's code units.
  static func lineOf(_ offset: Int, in bytes: UnsafeRawBufferPointer, from start: Int, encoding: TextEncoding)
    -> Int
  {
    var line = 1
    let end = min(offset, bytes.count)
    switch encoding {
    case .utf16LittleEndian, .utf16BigEndian:
      let newline: (UInt8, UInt8) = encoding == .utf16LittleEndian ? (0x0A, 0) : (0, 0x0A)
      var index = start
      while index + 1 < end {
        if bytes[index] == newline.0 && bytes[index + 1] == newline.1 { line += 1 }
        index += 2
      }
    default:
      for index in min(start, end)..<end where bytes[index] == 0x0A { line += 1 }
    }
    return line
  }

  /// The error for text that a transcoder could not read, at a file offset on a line; `shown`
  /// starts at the offending bytes.
  static func diagnostic(
    for failure: Transcoder.Failure, encoding: TextEncoding, file: String, offset: Int, line: Int,
    shown: some Collection<UInt8>
  ) -> Diagnostic {
    let name = encoding.rawValue
    switch failure {
    case .unreadable:
      return unreadable(
        file: file, line: line, offset: offset, shown: shown, expected: "UTF-8, UTF-16 with a BOM or CP932")
    case .loneSurrogate(_, let unit):
      return Diagnostic(
        .error, file: file, line: line,
        found:
          "a lone surrogate \(String(format: "%04X", unit)) at byte offset \(offset), which is not \(name)",
        expected: "\(name) text, as its byte order mark says")
    case .nul:
      return Diagnostic(
        .error, file: file, line: line, found: "a NUL character in \(name) text",
        expected: "text without NUL characters (a spreadsheet's text export)")
    case .oddLength:
      return Diagnostic(
        .error, file: file, line: line,
        found: "an odd number of bytes (\(offset + 1)): the text ends in half a \(name) character",
        expected: "\(name) text, two bytes per code unit, as its byte order mark says")
    }
  }

  private static func invalid(file: String, bytes: [UInt8], offset: Int, as expected: String)
    -> SurveyError
  {
    let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    return SurveyError(
      unreadable(file: file, line: line, offset: offset, shown: bytes[offset...], expected: expected))
  }

  /// The error for bytes at a file offset that the encoding the text is in cannot read: the UTF-8
  /// check's and CP932's, for a whole file or a chunk of one. `shown` starts at the bytes.
  static func unreadable(
    file: String, line: Int, offset: Int, shown: some Collection<UInt8>, expected: String
  ) -> Diagnostic {
    let bytes = shown.prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")
    return Diagnostic(
      .error, file: file, line: line,
      found: "bytes \(bytes) at byte offset \(offset) that no supported encoding reads", expected: expected)
  }

  /// UTF-16 text of mostly ASCII or CJK has many zero bytes; real UTF-8 and CP932 text has none,
  /// so this is checked before the bytes are taken as UTF-8.
  ///
  /// Japanese UTF-16 has few zero bytes, but its tabs and line ends are `09 00` / `0A 00` (LE) or
  /// `00 09` / `00 0A` (BE) at a code unit's place, which UTF-8 and CP932 text never hold.
  static func looksLikeUTF16WithoutBOM(_ bytes: some Collection<UInt8>) -> Bool {
    let sample = Array(bytes.prefix(4096))
    let zeros = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
    // Nothing but NUL bytes (`/dev/zero`, a zeroed disk block) is no text at all, not UTF-16.
    if zeros * 10 >= sample.count * 9 { return false }
    if sample.count >= 4 && zeros * 4 >= sample.count { return true }
    var index = 0
    while index + 1 < sample.count {
      let (first, second) = (sample[index], sample[index + 1])
      if (first == 0x09 || first == 0x0A) && second == 0 { return true }
      if first == 0 && (second == 0x09 || second == 0x0A) { return true }
      index += 2
    }
    return false
  }

  /// The offset of the first byte that breaks UTF-8, or nil when all of it is valid.
  public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset($0) }
  }

  /// Whether the low byte is a three-byte lead whose second byte may be any continuation byte.
  @inline(__always) private static func isPlainThreeByteLead(_ word: UInt64) -> Bool {
    let lead = word & 0xFF
    return lead != 0xE0 && lead != 0xED
  }

  /// The offset of the first byte that breaks UTF-8, or nil.
  ///
  /// The hot path of reading large exports: ASCII is checked eight bytes at a time, and a
  /// three-byte sequence (kana, kanji, circled numbers) by its lead byte's range for the second.
  static func firstInvalidUTF8Offset(_ buffer: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let base = buffer.baseAddress else { return nil }
    let count = buffer.count
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index < count {
      let lead = base[index]
      if lead < 0x80 {
        index &+= 1
        while index &+ 8 <= count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          index &+= 8
        }
      } else if lead >= 0xE0 && lead <= 0xEF {
        // Kana and kanji come in runs: four three-byte characters at a time, by the bit patterns
        // of their lead and continuation bytes (E0 and ED, whose second byte is narrower, excepted).
        var advanced = false
        while index &+ 16 <= count {
          let first = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          let second = raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)
          guard first & 0xC0F0_C0C0_F0C0_C0F0 == 0x80E0_8080_E080_80E0, second & 0xC0C0_F0C0 == 0x8080_E080,
            Self.isPlainThreeByteLead(first), Self.isPlainThreeByteLead(first >> 24),
            Self.isPlainThreeByteLead(first >> 48), Self.isPlainThreeByteLead(second >> 8)
          else { break }
          index &+= 12
          advanced = true
        }
        if advanced { continue }
        guard index &+ 2 < count else { return index }
        let second = base[index &+ 1]
        let low: UInt8 = lead == 0xE0 ? 0xA0 : 0x80
        let high: UInt8 = lead == 0xED ? 0x9F : 0xBF
        guard second >= low && second <= high && base[index &+ 2] & 0xC0 == 0x80 else { return index }
        index &+= 3
      } else if lead >= 0xC2 && lead <= 0xDF {
        guard index &+ 1 < count, base[index &+ 1] & 0xC0 == 0x80 else { return index }
        index &+= 2
      } else if lead >= 0xF0 && lead <= 0xF4 {
        guard index &+ 3 < count else { return index }
        let second = base[index &+ 1]
        let low: UInt8 = lead == 0xF0 ? 0x90 : 0x80
        let high: UInt8 = lead == 0xF4 ? 0x8F : 0xBF
        guard
          second >= low && second <= high && base[index &+ 2] & 0xC0 == 0x80
            && base[index &+ 3] & 0xC0 == 0x80
        else { return index }
        index &+= 4
      } else {
        return index
      }
    }
    return nil
  }
}
