import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting` as a terminal shows them.
final class TextRendererTests: XCTestCase, SmallSurveyTesting {
  func testTextMarksZeroCountsAndSmallBases() throws {
    let report = try Query(item: "類型").run(on: try survey()).value
    let text = TextRenderer().render(report)
    XCTAssertTrue(text.contains("  base *  基数    5  100.0\n"), text)
    XCTAssertTrue(text.contains("* base under 30: 参考値 (for reference only)."))
    let crosstab = TextRenderer().render(try Query(item: "類型", breakdown: "部").run(on: try survey()).value)
    XCTAssertTrue(crosstab.contains("  市民部 *  2        1        1      −       −\n"), crosstab)
  }
}
