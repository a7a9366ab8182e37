import XCTest

@testable import SurveyCore

final class CRC32Tests: XCTestCase {
  func testCheckValueAndPieces() {
    // The CRC-32 "check" value of the nine ASCII digits, from the catalogue of CRC parameters
    // (CRC-32/ISO-HDLC): 0xCBF43926.
    var crc = CRC32()
    crc.update(Array("123456789".utf8))
    XCTAssertEqual(crc.value, 0xCBF4_3926)
    // The same bytes given in pieces of every size (the eight-byte loop and the byte loop).
    let text = Array(String(repeating: "協働事業①１，１８０千円", count: 50).utf8)
    var whole = CRC32()
    whole.update(text)
    for size in [1, 3, 8, 13] {
      var pieces = CRC32()
      for start in stride(from: 0, to: text.count, by: size) {
        pieces.update(Array(text[start..<min(text.count, start + size)]))
      }
      XCTAssertEqual(pieces.value, whole.value)
    }
    // zlib.crc32 of those bytes, computed in Python.
    XCTAssertEqual(whole.value, 0x2334_51FA)
  }
}
