import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting`: an amount's classes as a breakdown.
final class CategorizationDerivedVariablesTests: XCTestCase, SmallSurveyTesting {
  func testAmountClassesAsABreakdown() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "a.7:class"))
    // 0 千円: project 4 (類型 blank); 100–1,000: project 1 (①); 1,000–10,000: 2 (②); 10,000+: 5 (③).
    XCTAssertTrue(lines.contains("0\t0千円\tNA\t無回答\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("100-1000\t100～1,000千円未満\t1\t市主体\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("ge10000\t10,000千円以上\t3\t民間\t1\t100.0\t1"))
    // Project 3 wrote ②無し: its own category, no longer 無回答.
    XCTAssertTrue(lines.contains("2\t無し\t2\t市・民\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("NA\t無回答\tNA\t無回答\t0\t\t0"))
  }
}
