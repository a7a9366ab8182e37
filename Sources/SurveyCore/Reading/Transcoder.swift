import Foundation

/// Turns UTF-16 or CP932 text into UTF-8 a piece at a time, so that an export in either is read in
/// the same memory as a UTF-8 one; a whole file is one piece.
///
/// A character split between two pieces is carried over to the next. NUL is refused, as it is in
/// UTF-8 text: no spreadsheet writes one. Offsets count the bytes given to the transcoder.
struct Transcoder {
  /// What stops transcoding, at an offset into the bytes given so far.
  enum Failure: Equatable, Error {
    /// Bytes that are not a character of the encoding (CP932).
    case unreadable(offset: Int)
    /// A UTF-16 surrogate without its partner.
    case loneSurrogate(offset: Int, unit: UInt16)
    case nul(offset: Int)
    /// The text ends in half a UTF-16 code unit.
    case oddLength(offset: Int)

    var offset: Int {
      switch self {
      case .unreadable(let offset), .loneSurrogate(let offset, _), .nul(let offset), .oddLength(let offset):
        offset
      }
    }
  }

  let encoding: TextEncoding
  /// The start of a character that the last piece ended inside.
  private var carry: [UInt8] = []
  /// How many of the bytes given have been transcoded (the carried ones not yet): the offset of
  /// the next character.
  private(set) var consumed = 0

  /// A transcoder from UTF-16 (either byte order) or CP932; nil for the UTF-8 encodings.
  init?(_ encoding: TextEncoding) {
    guard encoding == .utf16LittleEndian || encoding == .utf16BigEndian || encoding == .cp932 else {
      return nil
    }
    self.encoding = encoding
  }

  /// Appends the UTF-8 of `bytes` to `output`; `atEnd` says no more bytes follow, so that a
  /// character left incomplete is an error rather than carried.
  mutating func transcode(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, into output: inout [UInt8])
    throws(Failure)
  {
    output.reserveCapacity(output.count + bytes.count * 3 / 2)
    if carry.isEmpty {
      let done = try run(bytes, atEnd: atEnd, into: &output)
      carry = Array(bytes[done...])
      consumed += done
      return
    }
    var joined = carry
    joined.append(contentsOf: bytes)
    let done = try joined.withUnsafeBufferPointer { buffer throws(Failure) in
      try run(buffer, atEnd: atEnd, into: &output)
    }
    carry = Array(joined[done...])
    consumed += done
  }

  /// Transcodes the whole characters at the start of `bytes`, which start at offset `consumed`;
  /// returns how many bytes they took (the rest begin a character that the next piece ends).
  private func run(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool, into output: inout [UInt8])
    throws(Failure) -> Int
  {
    switch encoding {
    case .cp932:
      try Self.cp932(bytes, from: consumed, atEnd: atEnd, into: &output)
    default:
      try Self.utf16(
        bytes, littleEndian: encoding == .utf16LittleEndian, from: consumed, atEnd: atEnd, into: &output)
    }
  }

  private static func cp932(
    _ bytes: UnsafeBufferPointer<UInt8>, from base: Int, atEnd: Bool, into output: inout [UInt8]
  ) throws(Failure) -> Int {
    let table = CP932.table
    // Three UTF-8 bytes at most for a byte (a one-byte half-width katakana).
    return try writing(bytes.count * 3, into: &output) { sink throws(Failure) in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          guard byte != 0 else { throw .nul(offset: base + index) }
          sink.append(UInt32(byte))
          index += 1
          continue
        }
        var scalar = table[Int(byte)]
        var length = 1
        if scalar == 0 && CP932.isLead(byte) {
          guard index + 1 < bytes.count else {
            if atEnd { throw .unreadable(offset: base + index) }
            return index
          }
          scalar = table[Int(byte) << 8 | Int(bytes[index + 1])]
          length = 2
        }
        guard scalar != 0 else { throw .unreadable(offset: base + index) }
        sink.append(scalar)
        index += length
      }
      return index
    }
  }

  private static func utf16(
    _ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool, from base: Int, atEnd: Bool,
    into output: inout [UInt8]
  ) throws(Failure) -> Int {
    @inline(__always) func unit(_ at: Int) -> UInt16 {
      let (first, second) = (UInt16(bytes[at]), UInt16(bytes[at + 1]))
      return littleEndian ? first | second << 8 : first << 8 | second
    }
    // Three UTF-8 bytes at most for a code unit, four for a pair of them.
    return try writing(bytes.count * 2, into: &output) { sink throws(Failure) in
      var index = 0
      while index + 1 < bytes.count {
        let first = unit(index)
        if first < 0x80 {
          guard first != 0 else { throw .nul(offset: base + index) }
          sink.append(UInt32(first))
          index += 2
          continue
        }
        if (0xDC00...0xDFFF).contains(first) { throw .loneSurrogate(offset: base + index, unit: first) }
        if (0xD800...0xDBFF).contains(first) {
          guard index + 3 < bytes.count else {
            if atEnd { throw .loneSurrogate(offset: base + index, unit: first) }
            return index
          }
          let second = unit(index + 2)
          guard (0xDC00...0xDFFF).contains(second) else {
            throw .loneSurrogate(offset: base + index, unit: first)
          }
          sink.append(0x10000 + (UInt32(first - 0xD800) << 10) + UInt32(second - 0xDC00))
          index += 4
          continue
        }
        sink.append(UInt32(first))
        index += 2
      }
      if index < bytes.count && atEnd { throw .oddLength(offset: base + index) }
      return index
    }
  }

  /// Where a piece's UTF-8 is written: memory of the most it can take, filled with no check per
  /// byte (the hot loop of a CP932 or UTF-16 export), then handed over whole.
  private struct Sink {
    let out: UnsafeMutableBufferPointer<UInt8>
    var end = 0

    @inline(__always) mutating func append(_ scalar: UInt32) {
      switch scalar {
      case ..<0x80:
        out[end] = UInt8(scalar)
        end += 1
      case ..<0x800:
        out[end] = UInt8(0xC0 | scalar >> 6)
        out[end + 1] = UInt8(0x80 | scalar & 0x3F)
        end += 2
      case ..<0x10000:
        out[end] = UInt8(0xE0 | scalar >> 12)
        out[end + 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
        out[end + 2] = UInt8(0x80 | scalar & 0x3F)
        end += 3
      default:
        out[end] = UInt8(0xF0 | scalar >> 18)
        out[end + 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
        out[end + 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
        out[end + 3] = UInt8(0x80 | scalar & 0x3F)
        end += 4
      }
    }
  }

  /// Runs `body` with a sink of `capacity` bytes, appends what it wrote to `output`, and returns
  /// what `body` returns (the bytes it consumed), or throws its failure.
  private static func writing(
    _ capacity: Int, into output: inout [UInt8], _ body: (inout Sink) throws(Failure) -> Int
  ) throws(Failure) -> Int {
    var failure: Failure?
    var consumed = 0
    let converted = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
      var sink = Sink(out: out)
      do throws(Failure) {
        consumed = try body(&sink)
      } catch {
        failure = error
      }
      written = sink.end
    }
    if let failure { throw failure }
    if output.isEmpty { output = converted } else { output.append(contentsOf: converted) }
    return consumed
  }
}
