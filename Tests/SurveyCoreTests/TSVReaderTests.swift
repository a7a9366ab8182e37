import XCTest
@testable import SurveyCore

final class TSVReaderTests: XCTestCase {
  func testPlaceholder() throws { XCTAssertEqual(1, 1) }
}
