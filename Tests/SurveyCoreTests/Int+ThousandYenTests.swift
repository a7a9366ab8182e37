import XCTest

@testable import SurveyCore

/// Yen print in 千円 with decimals only where needed, and figures with a comma every three digits.
final class IntThousandYenTests: XCTestCase {
  func testYenPrintIn千円WithDecimalsOnlyWhenNeeded() {
    XCTAssertEqual(1_180_000.formattedThousandYen, "1,180")
    XCTAssertEqual(13_950_000.formattedThousandYen, "13,950")
    XCTAssertEqual(30_000.formattedThousandYen, "30")
    XCTAssertEqual(0.formattedThousandYen, "0")
    XCTAssertEqual(1_500.formattedThousandYen, "1.5")
    XCTAssertEqual(1_234_567.formattedThousandYen, "1,234.567")
    XCTAssertEqual(1_000_050.formattedThousandYen, "1,000.05")
    XCTAssertEqual((-500).formattedThousandYen, "-0.5")
    XCTAssertEqual((-1_180_000).formattedThousandYen, "-1,180")
  }

  func testGroupedDigitsPutACommaEveryThreeDigits() {
    XCTAssertEqual(0.groupedDigits, "0")
    XCTAssertEqual(999.groupedDigits, "999")
    XCTAssertEqual(1000.groupedDigits, "1,000")
    XCTAssertEqual(13950.groupedDigits, "13,950")
    XCTAssertEqual(1_180_000.groupedDigits, "1,180,000")
    XCTAssertEqual((-1_234_567).groupedDigits, "-1,234,567")
  }
}
