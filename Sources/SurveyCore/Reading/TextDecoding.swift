import Foundation

/// The text encodings that spreadsheet exports arrive in, detected from the bytes themselves.
///
/// Japanese Excel saves "テキスト (タブ区切り)" in CP932, "Unicode テキスト" in UTF-16LE with a BOM,
/// and newer versions UTF-8 with a BOM.
public enum TextEncoding: String, Sendable, CaseIterable {
  case utf8 = "UTF-8"
  case utf8WithBOM = "UTF-8 with BOM"
  case utf16LittleEndian = "UTF-16LE"
  case utf16BigEndian = "UTF-16BE"
  case cp932 = "CP932"
}

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
    if bytes.starts(with: [0xFF, 0xFE]) {
      return (try utf16(bytes, encoding: .utf16LittleEndian, file: file), .utf16LittleEndian)
    }
    if bytes.starts(with: [0xFE, 0xFF]) {
      return (try utf16(bytes, encoding: .utf16BigEndian, file: file), .utf16BigEndian)
    }
    if looksLikeUTF16WithoutBOM(bytes) {
      throw SurveyError(
        Diagnostic(
          .error, file: file, line: 1,
          found: "text that looks like UTF-16 without a byte order mark",
          expected: "UTF-8, UTF-16 with a BOM (Excel's Unicode text) or CP932"))
    }
    guard let offset = firstInvalidUTF8Offset(bytes) else { return (bytes, .utf8) }
    if let text = String(data: Data(bytes), encoding: .shiftJIS) {
      return (Array(text.utf8), .cp932)
    }
    // Text that is good UTF-8, Japanese included, up to the bad byte is UTF-8 with a damaged
    // byte: name that byte. Otherwise name the byte that CP932 cannot read either; the first
    // non-UTF-8 byte may be good CP932.
    if bytes[..<offset].contains(where: { $0 >= 0x80 }) {
      throw invalid(file: file, bytes: bytes, offset: offset, as: "UTF-8, as the text before them is")
    }
    throw invalid(
      file: file, bytes: bytes, offset: firstInvalidCP932Offset(bytes) ?? offset,
      as: "UTF-8, UTF-16 with a BOM or CP932")
  }

  private static func utf16(_ bytes: [UInt8], encoding: TextEncoding, file: String) throws(SurveyError)
    -> [UInt8]
  {
    let littleEndian = encoding == .utf16LittleEndian
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = 2
    while index + 1 < bytes.count {
      let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
      units.append(littleEndian ? first | second << 8 : first << 8 | second)
      index += 2
    }
    var line = 1
    var scalars = String.UnicodeScalarView()
    var unitIndex = 0
    while unitIndex < units.count {
      let unit = units[unitIndex]
      var scalar = Unicode.Scalar(unit)
      if (0xD800...0xDBFF).contains(unit), unitIndex + 1 < units.count,
        (0xDC00...0xDFFF).contains(units[unitIndex + 1])
      {
        let value = 0x10000 + (UInt32(unit - 0xD800) << 10) + UInt32(units[unitIndex + 1] - 0xDC00)
        scalar = Unicode.Scalar(value)
        unitIndex += 1
      }
      guard let scalar else {
        throw SurveyError(
          Diagnostic(
            .error, file: file, line: line,
            found:
              "a lone surrogate \(String(format: "%04X", unit)) at byte offset \(2 + unitIndex * 2), which is not \(encoding.rawValue)",
            expected: "\(encoding.rawValue) text, as its byte order mark says"))
      }
      if scalar == "\n" { line += 1 }
      scalars.append(scalar)
      unitIndex += 1
    }
    if bytes.count % 2 != 0 {
      throw SurveyError(
        Diagnostic(
          .error, file: file, line: line,
          found:
            "an odd number of bytes (\(bytes.count)): the text ends in half a \(encoding.rawValue) character",
          expected: "\(encoding.rawValue) text, two bytes per code unit, as its byte order mark says"))
    }
    return Array(String(scalars).utf8)
  }

  private static func invalid(file: String, bytes: [UInt8], offset: Int, as expected: String)
    -> SurveyError
  {
    let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let shown = bytes[offset..<min(bytes.count, offset + 4)].map { String(format: "%02X", $0) }
    return SurveyError(
      Diagnostic(
        .error, file: file, line: line,
        found:
          "bytes \(shown.joined(separator: " ")) at byte offset \(offset) that no supported encoding reads",
        expected: expected))
  }

  /// UTF-16 text of mostly ASCII or CJK has many zero bytes; real UTF-8 and CP932 text has none,
  /// so this is checked before the bytes are taken as UTF-8.
  ///
  /// Japanese UTF-16 has few zero bytes, but its tabs and line ends are `09 00` / `0A 00` (LE) or
  /// `00 09` / `00 0A` (BE) at a code unit's place, which UTF-8 and CP932 text never hold.
  private static func looksLikeUTF16WithoutBOM(_ bytes: [UInt8]) -> Bool {
    let sample = Array(bytes.prefix(4096))
    let zeros = sample.reduce(0) { $0 + ($1 == 0 ? 1 : 0) }
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

  /// The offset of the first byte that cannot start or continue a CP932 character, or nil.
  ///
  /// Single bytes are 00–7F and A1–DF; a lead byte 81–9F or E0–FC takes a trail byte 40–7E or 80–FC.
  static func firstInvalidCP932Offset(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case 0x00...0x7F, 0xA1...0xDF:
        index += 1
      case 0x81...0x9F, 0xE0...0xFC:
        guard index + 1 < bytes.count else { return index }
        let trail = bytes[index + 1]
        guard (0x40...0x7E).contains(trail) || (0x80...0xFC).contains(trail) else { return index }
        index += 2
      default:
        return index
      }
    }
    return nil
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
