import XCTest

@testable import SurveyCore

/// The identifiers `kyodo check` has met: numbers in a sparse bitmap, other keys as bytes; two
/// identifiers are the same when their match keys are.
final class IdentifierSetTests: XCTestCase {
  private func key(_ text: String) -> IdentifierKey {
    IdentifierKey(matchKey: TextNormalization.matchKey(text))
  }

  func testANumberIsNewOnceAndMetAgainAfter() {
    var set = IdentifierSet()
    XCTAssertTrue(set.insert(key("12")))
    XCTAssertFalse(set.insert(key("12")))
    XCTAssertTrue(set.contains(key("12")))
    XCTAssertFalse(set.contains(key("13")))
    XCTAssertEqual(set.count, 1)
  }

  /// Full-width digits have the match key of their ASCII digits (NFKC); leading zeros make
  /// another identifier, as they make another match key.
  func testKeysAreTheMatchKeys() {
    XCTAssertEqual(key("１２"), .number(12, digits: 2))
    XCTAssertEqual(key(" 12 "), .number(12, digits: 2))
    XCTAssertEqual(key("007"), .number(7, digits: 3))
    XCTAssertEqual(key("Ａ-1"), .text(Array("a-1".utf8)))
    var set = IdentifierSet()
    XCTAssertTrue(set.insert(key("7")))
    XCTAssertTrue(set.insert(key("007")))
    XCTAssertFalse(set.insert(key("００７")))
    XCTAssertTrue(set.insert(key("A-1")))
    XCTAssertFalse(set.insert(key("ａ－１")))
    XCTAssertEqual(set.count, 3)
  }

  /// 19 digits pass 10^18: such a key is kept as text, and still found again.
  func testNumbersOfEveryWidthAreKept() {
    var set = IdentifierSet()
    for text in ["0", "999999999999999999", "1000000000000000000", "18446744073709551616"] {
      XCTAssertTrue(set.insert(key(text)), text)
      XCTAssertFalse(set.insert(key(text)), text)
    }
    XCTAssertEqual(key("1000000000000000000"), .text(Array("1000000000000000000".utf8)))
  }

  /// The numbers 1 to 200,000 take 9 pages of 65,536 bits, counted by hand: one for each width
  /// of 1 to 4 digits, two for 5 digits (10,000–65,535 and 65,536–99,999) and three for 6
  /// (100,000–131,071, –196,607 and –200,000). Each is new once, and the evens again are not.
  func testConsecutiveNumbersShareTheirPages() {
    var set = IdentifierSet()
    for number in 1...200_000 {
      XCTAssertTrue(set.insert(.number(UInt64(number), digits: String(number).count)))
    }
    XCTAssertFalse(
      (1...200_000).contains { number in
        number.isMultiple(of: 2) && set.insert(.number(UInt64(number), digits: String(number).count))
      })
    XCTAssertEqual(set.count, 200_000)
    XCTAssertEqual(set.pageCount, 9)
  }

  /// A cell's key is read from its bytes when it is ASCII digits, from its text otherwise, and
  /// blank cells have none.
  func testAKeyIsReadFromACellsSpan() {
    let bytes = Array("  42 \t１２\t\t\"4\"\"2\"".utf8)
    var reader = TSVReader(utf8: bytes, file: "a.tsv")
    var spans: [FieldSpan] = []
    XCTAssertEqual(try reader.nextSpans(into: &spans), 1)
    let keys = reader.withBuffer { buffer in spans.map { IdentifierKey.of($0, in: buffer) } }
    XCTAssertEqual(
      keys.map { $0?.key }, [.number(42, digits: 2), .number(12, digits: 2), nil, .text(Array("4\"2".utf8))])
    XCTAssertEqual(keys.map { $0?.text }, ["42", "１２", nil, "4\"2"])
  }
}
