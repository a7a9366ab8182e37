import XCTest

@testable import SurveyCore

/// The edit distance that suggests the closest names.
final class EditDistanceTests: XCTestCase {
  func testEditDistance() {
    XCTAssertEqual(EditDistance.between("児童少年課", "児童青少年課"), 1)
    XCTAssertEqual(EditDistance.between("", "課"), 1)
    XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
  }
}
