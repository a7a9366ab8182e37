import XCTest

@testable import SurveyCore

/// Circled numbers ① to ⑳ are the codes of coded answers; other codes print in brackets.
final class CircledNumberTests: XCTestCase {
  func testCircledNumbersAreCodesOneToTwenty() {
    XCTAssertEqual(CircledNumber.code(of: "①"), 1)
    XCTAssertEqual(CircledNumber.code(of: "⑩"), 10)
    XCTAssertEqual(CircledNumber.code(of: "⑳"), 20)
    XCTAssertNil(CircledNumber.code(of: "1"))
    XCTAssertNil(CircledNumber.code(of: "㉑"))
    XCTAssertEqual(CircledNumber.mark(1), "①")
    XCTAssertEqual(CircledNumber.mark(20), "⑳")
    XCTAssertEqual(CircledNumber.mark(21), "(21)")
    XCTAssertEqual(CircledNumber.mark(0), "(0)")
  }
}
