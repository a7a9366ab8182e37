import XCTest

@testable import SurveyCore

/// Numeral reads numbers as offices write them; each expected value is the number spelled out by
/// hand (一千二百万 = 1,000 + 200 = 1,200 times 万 = 12,000,000).
final class NumeralTests: XCTestCase {
  private func value(_ text: String) -> Int? {
    Numeral(text)?.times(1)
  }

  func testArabicDigits() {
    XCTAssertEqual(value("1180"), 1180)
    XCTAssertEqual(value("0"), 0)
  }

  func testKanjiNumeralsWithSmallMultipliers() {
    XCTAssertEqual(value("百"), 100)
    XCTAssertEqual(value("五十"), 50)
    XCTAssertEqual(value("十二"), 12)
    XCTAssertEqual(value("一千二百"), 1200)
    XCTAssertEqual(value("二〇"), 20)
  }

  func testLargeMultipliersGroupFourDigits() {
    XCTAssertEqual(value("百万"), 1_000_000)
    XCTAssertEqual(value("五十万"), 500_000)
    XCTAssertEqual(value("一千二百万"), 12_000_000)
    // 一億 = 100,000,000, 二千万 = 20,000,000.
    XCTAssertEqual(value("一億二千万"), 120_000_000)
    XCTAssertEqual(value("3万5千"), 35_000)
    XCTAssertEqual(value("1億"), 100_000_000)
    XCTAssertTrue(Numeral("1億")?.hasLargeMultiplier ?? false)
    XCTAssertFalse(Numeral("1180")?.hasLargeMultiplier ?? true)
  }

  func testADecimalIsExactWhenAMultiplierMakesItWhole() {
    // 1.5 × 100,000,000 = 150,000,000.
    XCTAssertEqual(value("1.5億"), 150_000_000)
    XCTAssertEqual(Numeral("1.5")?.value, 15)
    XCTAssertEqual(Numeral("1.5")?.scale, 10)
    XCTAssertEqual(Numeral("1.5")?.times(1000), 1500)
    XCTAssertNil(Numeral("1.5")?.times(1))
  }

  func testAnythingElseIsNoNumeral() {
    for text in ["", ".", "．", "1.", "万", "千円", "未定", "1億2億", "百千", "1a", "12.3.4"] {
      XCTAssertNil(Numeral(text), text)
    }
  }

  func testANumeralTooLargeIsNoNumeralNotACrash() {
    XCTAssertNil(Numeral("99999999999999999999"))
    XCTAssertNil(Numeral("9999999999兆"))
  }
}
