import XCTest

@testable import SurveyCore

/// Tests of independence, against values computed with scipy.stats (chi2_contingency without
/// continuity correction, fisher_exact) and against GNU PSPP (scripts/compare-pspp.py).
final class IndependenceTestTests: XCTestCase {
  func testChiSquareOfATwoByTwoTable() throws {
    let test = try XCTUnwrap(IndependenceTest([[10, 20], [30, 40]]))
    // scipy: statistic 0.7936507936507936, p 0.37299848361348686, dof 1.
    XCTAssertEqual(test.chiSquare, 0.7936507936507936, accuracy: 1e-12)
    XCTAssertEqual(test.pValue, 0.37299848361348686, accuracy: 1e-9)
    XCTAssertEqual(test.degreesOfFreedom, 1)
    // scipy fisher_exact: p 0.5044757698516285.
    XCTAssertEqual(try XCTUnwrap(test.fisher).twoSided, 0.5044757698516285, accuracy: 1e-9)
  }

  func testFisherStopsAtTheLastPossibleTable() throws {
    // 報告書 ①② by 全体予算 ①② of the bundled data; scipy gives 0.673630170693531 (PSPP prints .686,
    // because it adds impossible tables).
    let test = try XCTUnwrap(IndependenceTest([[37, 4], [17, 3]]))
    XCTAssertEqual(try XCTUnwrap(test.fisher).twoSided, 0.673630170693531, accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(test.fisher).oneSided, 0.415969779135786, accuracy: 1e-9)
  }

  func testChiSquareAndCramersVOfTheBundledWhoLeadsByPartnerStage() throws {
    // 関わり by 類型 on the 69 projects with one answer to each (scipy and PSPP: 30.72, V .39).
    let counts = [[3, 24, 12, 0], [5, 2, 2, 1], [0, 4, 9, 0], [3, 1, 3, 0]]
    let test = try XCTUnwrap(IndependenceTest(counts))
    XCTAssertEqual(test.chiSquare, 30.723449751241315, accuracy: 1e-9)
    XCTAssertEqual(test.pValue, 0.00033016130072871546, accuracy: 1e-12)
    XCTAssertEqual(test.degreesOfFreedom, 9)
    XCTAssertEqual(test.cramersV, 0.38525635954047943, accuracy: 1e-12)
    XCTAssertTrue(test.expectedCountsTooLow)
  }

  func testEmptyRowsAndColumnsAreLeftOut() throws {
    let test = try XCTUnwrap(IndependenceTest([[10, 0, 20], [0, 0, 0], [30, 0, 40]]))
    XCTAssertEqual(test.degreesOfFreedom, 1)
    XCTAssertEqual(test.counts, [[10, 20], [30, 40]])
  }

  func testNothingToTestWithOneRow() {
    XCTAssertNil(IndependenceTest([[1, 2, 3]]))
  }
}
