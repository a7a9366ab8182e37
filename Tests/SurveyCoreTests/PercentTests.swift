import XCTest
@testable import SurveyCore

/// Percentages are computed from integers and rounded half up (四捨五入), as survey reports print
/// them; a zero base has no percentage.
final class PercentTests: XCTestCase {
  func testAHalfRoundsUp() {
    // 1 of 16 is 6.25 %: String(format:) would give 6.2.
    XCTAssertEqual(Percent(1, of: 16).formatted(), "6.3")
    XCTAssertEqual(Percent(3, of: 16).formatted(), "18.8")  // 18.75
    XCTAssertEqual(Percent(1, of: 8).formatted(decimals: 0), "13")  // 12.5
    XCTAssertEqual(Percent(1, of: 40).formatted(decimals: 0), "3")  // 2.5
  }

  func testThirdsRoundToTheNearestTenth() {
    XCTAssertEqual(Percent(1, of: 3).formatted(), "33.3")
    XCTAssertEqual(Percent(2, of: 3).formatted(), "66.7")
    XCTAssertEqual(Percent(1, of: 3).formatted(decimals: 2), "33.33")
    XCTAssertEqual(Percent(2, of: 3).formatted(decimals: 2), "66.67")
  }

  func testAZeroBaseHasNoPercentage() {
    XCTAssertNil(Percent(0, of: 0).formatted())
    XCTAssertNil(Percent(3, of: 0).formatted())
  }

  func testWholeAndZeroShares() {
    XCTAssertEqual(Percent(0, of: 7).formatted(), "0.0")
    XCTAssertEqual(Percent(7, of: 7).formatted(), "100.0")
    XCTAssertEqual(Percent(70, of: 70).formatted(decimals: 0), "100")
  }

  func testMultipleAnswersMayExceedAHundred() {
    XCTAssertEqual(Percent(3, of: 2).formatted(), "150.0")
  }

  func testSmallSharesKeepTheirLeadingZeros() {
    XCTAssertEqual(Percent(1, of: 1000).formatted(decimals: 2), "0.10")
    XCTAssertEqual(Percent(1, of: 3000).formatted(decimals: 3), "0.033")
    XCTAssertEqual(Percent(1, of: 3000).formatted(), "0.0")
  }

  func testNegativeCountsRoundTheirMagnitude() {
    XCTAssertEqual(Percent(-1, of: 16).formatted(), "-6.3")
    XCTAssertEqual(Percent(-1, of: 3000).formatted(), "0.0")
  }

  func testDecimalsOutsideZeroToSixHaveNoText() {
    XCTAssertNil(Percent(1, of: 3).formatted(decimals: -1))
    XCTAssertNil(Percent(1, of: 3).formatted(decimals: 7))
    XCTAssertEqual(Percent(1, of: 3).formatted(decimals: 6), "33.333333")
  }
}
