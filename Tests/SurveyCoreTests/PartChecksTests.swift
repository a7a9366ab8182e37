import XCTest

@testable import SurveyCore

/// What a part of `kyodo check`'s counting pass looks for in each record's bytes.
final class PartChecksTests: XCTestCase {
  private func holds(_ text: String) -> Bool {
    Array(text.utf8).withUnsafeBufferPointer { PartChecks.holdsGlyph($0) }
  }

  /// 实 is E5 AE 9E and 尐 E5 B0 90 (Unicode's UTF-8); 実 is E5 AE 9F and 少 E5 B0 91.
  func testAGlyphIsFoundAnywhereInARecord() {
    XCTAssertTrue(holds("实"))
    XCTAssertTrue(holds("尐"))
    XCTAssertTrue(holds("市民部\t实施課"))
    XCTAssertTrue(holds("市民部\t実施が尐"))
    XCTAssertFalse(holds("市民部\t実施が少ない"))
    XCTAssertFalse(holds(""))
    XCTAssertFalse(holds("\u{9E}\u{90}"), "U+009E and U+0090 are C2 9E and C2 90")
    for bytes: [UInt8] in [[0xAE, 0x9E, 0xB0, 0x90], [0xE5, 0xAE], [0x9E, 0xE5, 0xB0]] {
      XCTAssertFalse(bytes.withUnsafeBufferPointer { PartChecks.holdsGlyph($0) }, "\(bytes)")
    }
    XCTAssertTrue([0x41, 0xE5, 0xB0, 0x90].withUnsafeBufferPointer { PartChecks.holdsGlyph($0) })
  }
}
