import Foundation
import XCTest

@testable import SurveyCore

/// UTF-16 and CP932 exports are turned into UTF-8 a piece at a time, wherever the pieces are cut,
/// into exactly the text that decoding the whole file gives; a large export in either is read in
/// the same memory as a UTF-8 one, and its errors are those of the whole file.
final class TranscoderTests: XCTestCase {
  /// Kanji, kana, circled numbers, a full-width tilde and minus (81 60, 81 7C in CP932), half-width
  /// kana, a quoted multi-line cell, CRLF, and (UTF-16 only) a character outside the BMP.
  private let sample = "部\t課\t４形態\r\n企画財政部\t企画政策課\t\"①講座\r\n②イベン\"\r\n総務部\t\t③委託～⑳－ｶﾅ\r\n"

  private func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
    Array(text.utf16).flatMap {
      littleEndian ? [UInt8($0 & 0xFF), UInt8($0 >> 8)] : [UInt8($0 >> 8), UInt8($0 & 0xFF)]
    }
  }

  private func cp932(_ text: String) throws -> [UInt8] {
    Array(try XCTUnwrap(text.data(using: .shiftJIS)))
  }

  /// The UTF-8 of `bytes` given to a transcoder in pieces of `size` bytes.
  private func transcoded(_ bytes: [UInt8], as encoding: TextEncoding, pieces size: Int) throws(Transcoder
    .Failure)
    -> [UInt8]
  {
    guard var transcoder = Transcoder(encoding) else { return bytes }
    var output: [UInt8] = []
    var start = 0
    repeat {
      let end = min(bytes.count, start + size)
      let piece = Array(bytes[start..<end])
      try piece.withUnsafeBufferPointer { buffer throws(Transcoder.Failure) in
        try transcoder.transcode(buffer, atEnd: end == bytes.count, into: &output)
      }
      start = end
    } while start < bytes.count
    return output
  }

  private func failure(_ bytes: [UInt8], as encoding: TextEncoding, pieces size: Int) -> Transcoder.Failure? {
    do throws(Transcoder.Failure) {
      _ = try transcoded(bytes, as: encoding, pieces: size)
      return nil
    } catch {
      return error
    }
  }

  func testPiecesCutAnywhereGiveTheWholeText() throws {
    let outsideTheBMP = sample + "𠮷野家\n"
    let inputs: [(TextEncoding, [UInt8], String)] = [
      (.utf16LittleEndian, utf16(outsideTheBMP, littleEndian: true), outsideTheBMP),
      (.utf16BigEndian, utf16(outsideTheBMP, littleEndian: false), outsideTheBMP),
      (.cp932, try cp932(sample), sample),
    ]
    for (encoding, bytes, text) in inputs {
      for size in [1, 2, 3, 5, 7, 64, bytes.count] {
        XCTAssertEqual(
          String(decoding: try transcoded(bytes, as: encoding, pieces: size), as: UTF8.self), text,
          "\(encoding) in pieces of \(size)")
      }
    }
  }

  /// Every two-byte character of the table, in one text: the table maps each as Foundation maps
  /// the whole text, and so does the transcoder.
  func testTheCP932TableAgreesWithFoundationOnEveryCharacter() throws {
    var bytes: [UInt8] = []
    for lead in UInt8(0x81)...0xFC where CP932.isLead(lead) {
      for trail in UInt8(0x40)...0xFC where CP932.table[Int(lead) << 8 | Int(trail)] != 0 {
        bytes += [lead, trail]
      }
    }
    for byte in UInt8(0xA1)...0xDF { bytes.append(byte) }
    XCTAssertGreaterThan(bytes.count, 2 * 7000, "JIS X 0208 and the NEC and IBM extensions")
    let foundation = try XCTUnwrap(String(bytes: bytes, encoding: .shiftJIS))
    XCTAssertEqual(try transcoded(bytes, as: .cp932, pieces: 4099), Array(foundation.utf8))
  }

  func testFailuresNameTheOffsetWhereverThePiecesAreCut() throws {
    let lone: [UInt8] = utf16("ab", littleEndian: true) + [0x00, 0xD8] + utf16("c", littleEndian: true)
    let cases: [(TextEncoding, [UInt8], Transcoder.Failure)] = [
      (.utf16LittleEndian, lone, .loneSurrogate(offset: 4, unit: 0xD800)),
      (.utf16BigEndian, [0x00, 0x41, 0xDC, 0x00], .loneSurrogate(offset: 2, unit: 0xDC00)),
      // A high surrogate that the text ends after.
      (.utf16BigEndian, [0x00, 0x41, 0xD8, 0x00], .loneSurrogate(offset: 2, unit: 0xD800)),
      (.utf16LittleEndian, [0x41, 0x00, 0x42], .oddLength(offset: 2)),
      (.utf16LittleEndian, [0x41, 0x00, 0x00, 0x00], .nul(offset: 2)),
      (.cp932, try cp932("部\t") + [0x00], .nul(offset: 3)),
      // 80 is no CP932 byte; 82 ends the text halfway through a character; 81 7F is no character.
      (.cp932, try cp932("部\t") + [0x80], .unreadable(offset: 3)),
      (.cp932, try cp932("部\t") + [0x82], .unreadable(offset: 3)),
      (.cp932, try cp932("部\t") + [0x81, 0x7F], .unreadable(offset: 3)),
    ]
    for (encoding, bytes, expected) in cases {
      for size in 1...bytes.count {
        XCTAssertEqual(
          failure(bytes, as: encoding, pieces: size), expected, "\(encoding) \(bytes) in pieces of \(size)")
      }
    }
  }

  func testUTF8NeedsNoTranscoder() {
    XCTAssertNil(Transcoder(.utf8))
    XCTAssertNil(Transcoder(.utf8WithBOM))
  }
}

/// A file read a chunk at a time gives the records and the errors of the same file decoded whole,
/// in every encoding, wherever the chunks are cut.
final class FileChunksEncodingTests: XCTestCase {
  static let data = StreamingTests.data

  private func written(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kyodo-\(UUID().uuidString).tsv")
    try Data(bytes).write(to: url)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
  }

  private func encodings(of text: String) throws -> [(TextEncoding, [UInt8])] {
    [
      (.utf8, Array(text.utf8)),
      (.utf8WithBOM, [0xEF, 0xBB, 0xBF] + Array(text.utf8)),
      (.utf16LittleEndian, [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
      (.utf16BigEndian, [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
      (.cp932, Array(try XCTUnwrap(text.data(using: .shiftJIS)))),
    ]
  }

  /// The records of a file read in chunks of `size`, and the encoding it was found to be in.
  private func streamed(_ url: URL, chunks size: Int) throws -> ([TSVRecord], TextEncoding) {
    let chunks = try FileChunks(url: url, file: "a.tsv", chunkSize: size)
    var reader = TSVReader(source: chunks, file: "a.tsv")
    let records = try reader.readAll()
    return (records, chunks.encoding)
  }

  private func streamingError(_ url: URL, chunks size: Int) -> [Diagnostic] {
    do {
      _ = try streamed(url, chunks: size)
      return []
    } catch {
      return (error as? SurveyError)?.diagnostics ?? []
    }
  }

  func testTheBundledExportReadsTheSameInEveryEncodingAndChunkSize() throws {
    // ㈳ and ㈶ are not in CP932 (㈱ and ㈲ are): written out, as a CP932 export has them.
    let text = try String(contentsOf: Self.data.appendingPathComponent("a.tsv"), encoding: .utf8)
      .replacingOccurrences(of: "㈳", with: "（社）").replacingOccurrences(of: "㈶", with: "（財）")
    var whole = TSVReader(utf8: Array(text.utf8), file: "a.tsv")
    let expected = try whole.readAll()
    XCTAssertEqual(expected.count, 71, "the header and the 70 projects")
    for (encoding, bytes) in try encodings(of: text) {
      let url = try written(bytes)
      for size in [1, 2, 3, 7, 64, 1 << 20] {
        let (records, found) = try streamed(url, chunks: size)
        XCTAssertEqual(found, encoding, "chunks of \(size)")
        XCTAssertEqual(records, expected, "\(encoding) in chunks of \(size)")
      }
    }
  }

  /// ASCII first, CP932 only after the first chunks: read as UTF-8 until then, CP932 from there.
  func testCP932AfterAnASCIIStartIsReadAsCP932() throws {
    let text = String(repeating: "id\tname\n", count: 40) + "1\t①講座～\n"
    var whole = TSVReader(utf8: Array(text.utf8), file: "a.tsv")
    let expected = try whole.readAll()
    let url = try written(Array(try XCTUnwrap(text.data(using: .shiftJIS))))
    for size in [1, 5, 64, 100] {
      let (records, found) = try streamed(url, chunks: size)
      XCTAssertEqual(found, .cp932)
      XCTAssertEqual(records, expected, "chunks of \(size)")
    }
  }

  /// CP932 whose first bytes happen to be UTF-8 (ﾃｽﾄ is C3 BD C4, and C3 BD is UTF-8's ý): the first
  /// chunk tells the encoding as decoding the whole file does, so it is read as CP932 (found by
  /// the fuzz target: the overall form, decoded whole, read it; the other forms refused it).
  func testCP932ThatStartsLikeUTF8IsReadAsCP932() throws {
    let text = "ﾃｽﾄ\t名前\n1\t①講座\n"
    let bytes = Array(try XCTUnwrap(text.data(using: .shiftJIS)))
    XCTAssertEqual(Array(bytes.prefix(3)), [0xC3, 0xBD, 0xC4])
    XCTAssertEqual(try TextDecoding.decode(bytes, file: "a.tsv").encoding, .cp932)
    var whole = TSVReader(utf8: Array(text.utf8), file: "a.tsv")
    let (records, found) = try streamed(try written(bytes), chunks: FileChunks.defaultChunkSize)
    XCTAssertEqual(found, .cp932)
    XCTAssertEqual(records, try whole.readAll())
  }

  /// Damaged files give, chunk by chunk, the error that decoding them whole gives.
  func testDamagedFilesGiveTheErrorsOfTheWholeFile() throws {
    let lines = "部\t課\n市民部\t①講座\n"
    let le = try encodings(of: lines)[2].1
    let be = try encodings(of: lines)[3].1
    let sjis = try encodings(of: lines)[4].1
    let damaged: [[UInt8]] = [
      le + [0x00, 0xD8, 0x41, 0x00],  // a lone high surrogate on line 3
      be + [0xDC, 0x00],  // a lone low surrogate
      le + [0x41],  // half a code unit at the end
      le + [0x41, 0x00, 0x00, 0x00, 0x0A, 0x00],  // NUL
      sjis + [0x41, 0x80, 0x0A],  // no CP932 byte
      sjis + [0x41, 0x00],  // NUL
      sjis + [0x82],  // the end halfway through a character
      Array(lines.utf8) + [0x41, 0xFF],  // UTF-8 broken after Japanese
      // Found by the fuzz target: good UTF-8, a stray byte, then what CP932 cannot read either.
      [0xDB, 0x91, 0xA2, 0xE7, 0xB6, 0xB1, 0xE9, 0xA0, 0x98],
    ]
    for bytes in damaged {
      var expected: [Diagnostic] = []
      do throws(SurveyError) {
        _ = try TextDecoding.decode(bytes, file: "a.tsv")
      } catch {
        expected = error.diagnostics
      }
      XCTAssertEqual(expected.count, 1, "\(bytes)")
      let url = try written(bytes)
      for size in [1, 2, 3, 4, 7, 1 << 20] {
        XCTAssertEqual(
          streamingError(url, chunks: size).map(\.description), expected.map(\.description),
          "\(bytes) in chunks of \(size)")
      }
    }
  }
}
