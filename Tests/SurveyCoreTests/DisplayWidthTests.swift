import XCTest
@testable import SurveyCore

/// Terminal columns: kanji, kana and full-width forms take two, ASCII and half-width kana one,
/// East Asian Ambiguous characters (①, ×, ―) one unless the terminal treats them as wide.
final class DisplayWidthTests: XCTestCase {
  func testASCIITakesOneColumnPerCharacter() {
    XCTAssertEqual(DisplayWidth.of("abc 123"), 7)
    XCTAssertEqual(DisplayWidth.of(""), 0)
  }

  func testKanjiKanaAndFullWidthFormsTakeTwoColumns() {
    XCTAssertEqual(DisplayWidth.of("企画財政部"), 10)
    XCTAssertEqual(DisplayWidth.of("イベント"), 8)
    XCTAssertEqual(DisplayWidth.of("ＮＰ法人"), 8)
    XCTAssertEqual(DisplayWidth.of("１，１８０千円"), 14)
    XCTAssertEqual(DisplayWidth.of("\u{3000}"), 2)
  }

  func testHalfWidthKatakanaTakesOneColumn() {
    XCTAssertEqual(DisplayWidth.of("ｲﾍﾞﾝﾄ"), 5)
  }

  func testMixedTextAddsUp() {
    XCTAssertEqual(DisplayWidth.of("NPO法人"), 7)
    XCTAssertEqual(DisplayWidth.of("a.4 ４形態"), 10)
  }

  func testAmbiguousCharactersAreNarrowUnlessAskedToBeWide() {
    for text in ["①", "×", "―", "△"] {
      XCTAssertEqual(DisplayWidth.of(text), 1, text)
      XCTAssertEqual(DisplayWidth.of(text, ambiguousIsWide: true), 2, text)
    }
    XCTAssertEqual(DisplayWidth.of("①講座", ambiguousIsWide: false), 5)
    XCTAssertEqual(DisplayWidth.of("①講座", ambiguousIsWide: true), 6)
    XCTAssertEqual(DisplayWidth.of("a", ambiguousIsWide: true), 1)
  }

  func testControlCombiningAndZeroWidthCharactersTakeNoColumns() {
    XCTAssertEqual(DisplayWidth.of("\t\n\r"), 0)
    XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
    XCTAssertEqual(DisplayWidth.of("か\u{3099}"), 2)
    XCTAssertEqual(DisplayWidth.of("a\u{200B}b"), 2)
    XCTAssertEqual(DisplayWidth.of("\u{FEFF}部"), 2)
  }

  func testEmojiAndSupplementaryKanjiTakeTwoColumns() {
    XCTAssertEqual(DisplayWidth.of("😀"), 2)
    XCTAssertEqual(DisplayWidth.of("𠮷"), 2)
  }

  func testPaddingUsesColumnsNotCharacters() {
    XCTAssertEqual(DisplayWidth.pad("部", to: 5, alignRight: true), "   部")
    XCTAssertEqual(DisplayWidth.pad("部", to: 5, alignRight: false), "部   ")
    XCTAssertEqual(DisplayWidth.pad("①", to: 3, alignRight: false), "①  ")
    XCTAssertEqual(DisplayWidth.pad("①", to: 3, alignRight: false, ambiguousIsWide: true), "① ")
    XCTAssertEqual(DisplayWidth.pad("企画財政部", to: 4, alignRight: true), "企画財政部")
  }
}
