import Foundation
import XCTest

@testable import SurveyCore

/// DEFLATE streams written by zlib (Fixtures/zip/make-fixtures.py), inflated by kyodo's own
/// decoder and compared with the bytes zlib was given.
final class InflaterTests: XCTestCase {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/zip")

  static func fixture(_ name: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
  }

  /// Inflates `stream`, handed to the decoder `chunkSize` bytes at a time.
  static func inflate(_ stream: [UInt8], chunkSize: Int, limit: Int = .max) throws -> [UInt8] {
    var position = 0
    let inflater = Inflater(pieceSize: 1000, limit: limit) { () throws(InflateFailure) -> [UInt8]? in
      guard position < stream.count else { return nil }
      let end = min(stream.count, position + chunkSize)
      defer { position = end }
      return Array(stream[position..<end])
    }
    var output: [UInt8] = []
    while let piece = try inflater.next() { output += piece }
    return output
  }

  func testFixedHuffmanStreamInflatesToZlibsInput() throws {
    // zlib with the Z_FIXED strategy compressed the first 20,000 bytes of text.txt.
    let expected = Array(try Self.fixture("text.txt").prefix(20000))
    for chunkSize in [1, 7, 4096] {
      XCTAssertEqual(try Self.inflate(try Self.fixture("fixed.deflate"), chunkSize: chunkSize), expected)
    }
  }

  func testStoredBlocksAndEmptyStream() throws {
    // A stored block (BFINAL=1, BTYPE=00), LEN 3, NLEN ~3, then "abc": RFC 1951, 3.2.4.
    XCTAssertEqual(
      try Self.inflate([0x01, 0x03, 0x00, 0xFC, 0xFF, 0x61, 0x62, 0x63], chunkSize: 2), Array("abc".utf8))
    // zlib's empty stream: one fixed block holding only the end-of-block code.
    XCTAssertEqual(try Self.inflate([0x03, 0x00], chunkSize: 1), [])
  }

  func testDamagedStreamsAreFailuresNotCrashes() throws {
    let stream = try Self.fixture("fixed.deflate")
    XCTAssertThrowsError(try Self.inflate(Array(stream.prefix(stream.count / 2)), chunkSize: 64)) {
      XCTAssertEqual($0 as? InflateFailure, .truncated)
    }
    // A stored block whose NLEN is not LEN's complement.
    XCTAssertThrowsError(try Self.inflate([0x01, 0x03, 0x00, 0xFC, 0xFE, 0x61, 0x62, 0x63], chunkSize: 8))
    // The reserved block type 3.
    XCTAssertThrowsError(try Self.inflate([0x07], chunkSize: 8))
    // A match reaching back before the first byte: fixed block, length code 257, distance 0 (1 back).
    XCTAssertThrowsError(try Self.inflate([0x03, 0x02], chunkSize: 8)) {
      guard case .invalid = $0 as? InflateFailure else { return XCTFail("\($0)") }
    }
    XCTAssertThrowsError(try Self.inflate(stream, chunkSize: 4096, limit: 10_000)) {
      XCTAssertEqual($0 as? InflateFailure, .tooLarge(limit: 10_000))
    }
  }

  func testEveryByteFlippedEndsCleanly() throws {
    // Any damage gives bytes or a failure: never a crash or a hang.
    let stream = Array(try Self.fixture("fixed.deflate").prefix(600))
    for position in stride(from: 0, to: stream.count, by: 7) {
      var damaged = stream
      damaged[position] ^= 0x5A
      _ = try? Self.inflate(damaged, chunkSize: 97)
    }
  }
}
