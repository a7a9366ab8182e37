import Foundation
import XCTest
@testable import SurveyCore

/// TextDecoding turns an export's bytes into UTF-8 once: UTF-8 with or without a BOM, UTF-16 with a
/// BOM in either byte order, and CP932 (Excel's "テキスト (タブ区切り)") all give the same text.
final class TextDecodingTests: XCTestCase {
  /// A small export with the characters that matter: kanji, circled numbers, a full-width tilde,
  /// a quoted multi-line cell and CRLF line ends.
  private let sample = "部\t課\t４形態\r\n企画財政部\t企画政策課\t\"①講座\r\n②イベン\"\r\n総務部\t\t③委託～⑳\r\n"

  private func utf16LE(_ text: String) -> [UInt8] {
    Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  private func utf16BE(_ text: String) -> [UInt8] {
    Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }

  private func cp932(_ text: String) throws -> [UInt8] {
    Array(try XCTUnwrap(text.data(using: .shiftJIS)))
  }

  private func caughtError(_ bytes: [UInt8], file: String = "export.tsv") -> SurveyError? {
    do throws(SurveyError) {
      _ = try TextDecoding.decode(bytes, file: file)
      return nil
    } catch {
      return error
    }
  }

  func testUTF8WithoutBOMIsReadAsIs() throws {
    let decoded = try TextDecoding.decode(Array(sample.utf8), file: "export.tsv")
    XCTAssertEqual(decoded.encoding, .utf8)
    XCTAssertEqual(decoded.utf8, Array(sample.utf8))
  }

  func testUTF8BOMIsRemoved() throws {
    let decoded = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8), file: "export.tsv")
    XCTAssertEqual(decoded.encoding, .utf8WithBOM)
    XCTAssertEqual(String(decoding: decoded.utf8, as: UTF8.self), sample)
    XCTAssertEqual(decoded.utf8.first, 0xE9)  // 部, not the BOM
  }

  func testUTF16LittleEndianWithBOMDecodesToTheSameText() throws {
    let decoded = try TextDecoding.decode([0xFF, 0xFE] + utf16LE(sample), file: "export.tsv")
    XCTAssertEqual(decoded.encoding, .utf16LittleEndian)
    XCTAssertEqual(decoded.utf8, Array(sample.utf8))
  }

  func testUTF16BigEndianWithBOMDecodesToTheSameText() throws {
    let decoded = try TextDecoding.decode([0xFE, 0xFF] + utf16BE(sample), file: "export.tsv")
    XCTAssertEqual(decoded.encoding, .utf16BigEndian)
    XCTAssertEqual(decoded.utf8, Array(sample.utf8))
  }

  func testCP932DecodesToTheSameTextIncludingCircledNumbersAndTheFullWidthTilde() throws {
    let bytes = try cp932(sample)
    // ① is 87 40 and ～ is 81 60 in CP932: the fixture really is CP932, not UTF-8.
    XCTAssertTrue(bytes.indices.dropLast().contains { bytes[$0] == 0x87 && bytes[$0 + 1] == 0x40 })
    XCTAssertTrue(bytes.indices.dropLast().contains { bytes[$0] == 0x81 && bytes[$0 + 1] == 0x60 })
    let decoded = try TextDecoding.decode(bytes, file: "export.tsv")
    XCTAssertEqual(decoded.encoding, .cp932)
    XCTAssertEqual(decoded.utf8, Array(sample.utf8))
  }

  func testEveryEncodingGivesTheSameRecords() throws {
    let inputs: [[UInt8]] = [
      Array(sample.utf8),
      [0xEF, 0xBB, 0xBF] + Array(sample.utf8),
      [0xFF, 0xFE] + utf16LE(sample),
      [0xFE, 0xFF] + utf16BE(sample),
      try cp932(sample),
    ]
    let expected = [
      TSVRecord(line: 1, fields: ["部", "課", "４形態"]),
      TSVRecord(line: 2, fields: ["企画財政部", "企画政策課", "①講座\r\n②イベン"]),
      TSVRecord(line: 4, fields: ["総務部", "", "③委託～⑳"]),
    ]
    var encodings: [TextEncoding] = []
    for bytes in inputs {
      let decoded = try TextDecoding.decode(bytes, file: "export.tsv")
      encodings.append(decoded.encoding)
      var reader = TSVReader(utf8: decoded.utf8, file: "export.tsv")
      XCTAssertEqual(try reader.readAll(), expected, "\(decoded.encoding)")
    }
    XCTAssertEqual(encodings, [.utf8, .utf8WithBOM, .utf16LittleEndian, .utf16BigEndian, .cp932])
  }

  func testInvalidUTF8AfterABOMNamesTheFileAndLine() throws {
    // Body: "部\t課\n" is 8 bytes, "abc" 3 more: the bad byte is at 3 + 11 = 14, on line 2.
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("部\t課\nabc".utf8) + [0xFF] + Array("d\n".utf8)
    let error = try XCTUnwrap(caughtError(bytes))
    let diagnostic = try XCTUnwrap(error.diagnostics.first)
    XCTAssertEqual(error.diagnostics.count, 1)
    XCTAssertEqual(diagnostic.severity, .error)
    XCTAssertEqual(diagnostic.file, "export.tsv")
    XCTAssertEqual(diagnostic.line, 2)
    XCTAssertEqual(diagnostic.found, "bytes FF 64 0A at byte offset 14 that no supported encoding reads")
    XCTAssertEqual(diagnostic.expected, "UTF-8 (it starts with a UTF-8 BOM)")
    XCTAssertTrue(diagnostic.description.hasPrefix("export.tsv:2: error: "), diagnostic.description)
  }

  func testBytesThatAreNeitherUTF8NorCP932NameTheFileAndLine() throws {
    // 0x80 is not a CP932 byte and cannot start a UTF-8 sequence.
    let bytes: [UInt8] = Array("a\tb\nc\td\n".utf8) + [0x41, 0x80, 0x41]
    let error = try XCTUnwrap(caughtError(bytes, file: "b.tsv"))
    let diagnostic = try XCTUnwrap(error.diagnostics.first)
    XCTAssertEqual(diagnostic.file, "b.tsv")
    XCTAssertEqual(diagnostic.line, 3)
    XCTAssertEqual(diagnostic.found, "bytes 80 41 at byte offset 9 that no supported encoding reads")
    XCTAssertEqual(diagnostic.expected, "UTF-8, UTF-16 with a BOM or CP932")
  }

  func testOddLengthUTF16IsAnError() throws {
    let error = try XCTUnwrap(caughtError([0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0x42]))
    let diagnostic = try XCTUnwrap(error.diagnostics.first)
    XCTAssertEqual(diagnostic.file, "export.tsv")
    XCTAssertEqual(diagnostic.line, 2)
    XCTAssertEqual(
      diagnostic.found, "an odd number of bytes (7): the text ends in half a UTF-16LE character")
  }

  func testUTF16WithAnUnpairedSurrogateIsAnErrorNamingItsOffset() throws {
    let error = try XCTUnwrap(caughtError([0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x00, 0x00, 0x41]))
    XCTAssertEqual(
      error.diagnostics.map(\.found), ["a lone surrogate D800 at byte offset 4, which is not UTF-16BE"])
    let low = try XCTUnwrap(caughtError([0xFF, 0xFE, 0x00, 0xDC]))
    XCTAssertEqual(
      low.diagnostics.map(\.found), ["a lone surrogate DC00 at byte offset 2, which is not UTF-16LE"])
  }

  func testUTF16SurrogatePairsDecode() throws {
    let decoded = try TextDecoding.decode([0xFF, 0xFE] + utf16LE("𠮷野家\n"), file: "export.tsv")
    XCTAssertEqual(String(decoding: decoded.utf8, as: UTF8.self), "𠮷野家\n")
  }

  func testANULCharacterIsAnError() throws {
    let error = try XCTUnwrap(caughtError(Array("部\t課\n市民部\t".utf8) + [0x00] + Array("課\n".utf8)))
    let diagnostic = try XCTUnwrap(error.diagnostics.first)
    XCTAssertEqual(diagnostic.line, 2)
    XCTAssertEqual(diagnostic.found, "a NUL character in UTF-8 text")
  }

  /// What `/dev/zero` gives is NUL bytes, named as such, not taken for UTF-16.
  func testNothingButNULBytesIsANULError() throws {
    let error = try XCTUnwrap(caughtError([UInt8](repeating: 0, count: 4096)))
    XCTAssertEqual(error.diagnostics.first?.found, "a NUL character in UTF-8 text")
    XCTAssertEqual(error.diagnostics.first?.line, 1)
  }

  func testUTF16WithoutABOMIsRecognizedAndRejected() throws {
    // Mostly ASCII in UTF-16LE: every other byte is zero, and 号 (F7 53) breaks UTF-8.
    let error = try XCTUnwrap(caughtError(utf16LE("番号\tid\n1\tab\n")))
    let diagnostic = try XCTUnwrap(error.diagnostics.first)
    XCTAssertEqual(diagnostic.line, 1)
    XCTAssertEqual(diagnostic.found, "text that looks like UTF-16 without a byte order mark")
  }

  func testFirstInvalidUTF8OffsetFindsTheFirstBadSequence() {
    XCTAssertNil(TextDecoding.firstInvalidUTF8Offset(Array("①講座\t平成１２".utf8)))
    XCTAssertNil(TextDecoding.firstInvalidUTF8Offset([]))
    XCTAssertEqual(TextDecoding.firstInvalidUTF8Offset([0x41, 0xC0, 0x80]), 1)  // overlong
    XCTAssertEqual(TextDecoding.firstInvalidUTF8Offset([0x41, 0x42, 0xED, 0xA0, 0x80]), 2)  // surrogate
    XCTAssertEqual(TextDecoding.firstInvalidUTF8Offset([0x41, 0xE2, 0x91]), 1)  // truncated ①
    XCTAssertEqual(TextDecoding.firstInvalidUTF8Offset([0xE2, 0x91, 0xA0, 0x87, 0x40]), 3)  // ① then CP932 ①
    XCTAssertEqual(TextDecoding.firstInvalidUTF8Offset([0xF4, 0x90, 0x80, 0x80]), 0)  // above U+10FFFF
  }

  func testAnUnreadableCP932ByteIsNamedWithItsLine() throws {
    // 部 is 95 94 in CP932, not UTF-8; the byte CP932 cannot read is the 80 on line 3.
    let bytes = try cp932("部\t課\n①講座\t②\n") + [0x41, 0x80]
    let error = try XCTUnwrap(caughtError(bytes))
    let diagnostic = try XCTUnwrap(error.diagnostics.first)
    XCTAssertEqual(diagnostic.line, 3)
    XCTAssertEqual(
      diagnostic.found, "bytes 80 at byte offset \(bytes.count - 1) that no supported encoding reads")
  }

  func testASCIIUTF16WithoutBOMIsRejectedRatherThanReadAsUTF8() throws {
    let error = try XCTUnwrap(caughtError(utf16LE("部\t課\n".replacingOccurrences(of: "部", with: "a"))))
    XCTAssertEqual(error.diagnostics.first?.found, "text that looks like UTF-16 without a byte order mark")
  }
}
