import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting` in the formats kyodo prints.
final class OutputFormatTests: XCTestCase, SmallSurveyTesting {
  func testExcelCSVHasABOMAndCRLF() throws {
    let report = try Query(item: "類型").run(on: try survey()).value
    let csv = OutputFormat.csv.render(report, options: RenderOptions(excel: true))
    XCTAssertTrue(csv.hasPrefix("\u{FEFF}code,label,n,percent\r\n1,市主体,1,20.0\r\n"))
  }
}
