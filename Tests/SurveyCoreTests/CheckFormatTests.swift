import XCTest

@testable import SurveyCore

/// CheckFormat prints a check's findings as text, TSV or JSON.
final class CheckFormatTests: XCTestCase {
  func testTextAndTSVKeepEachDiagnosticOnOneLine() {
    let diagnostic = Diagnostic(.error, file: "a.tsv", line: 2, column: 3, item: "a.7", found: "'①\n二'\tx")
    let report = CheckReport(files: [
      FileCheck(file: "a.tsv", formID: "a", rows: 1, diagnostics: [diagnostic])
    ])
    XCTAssertEqual(
      CheckFormat.text.render(report),
      "a.tsv:2:3: error: a.7: '①\\n二'\\tx\na.tsv: 1 row, 1 error, 0 warnings\n")
    XCTAssertEqual(
      CheckFormat.tsv.render(report),
      "file\tline\tcolumn\tseverity\titem\tfound\texpected\tcell\na.tsv\t2\t3\terror\ta.7\t'①\\n二'\\tx\t\t\n")
    XCTAssertEqual(
      CheckFormat.json.render(report),
      """
      {"errors":1,"warnings":0,"files":[
      {"file":"a.tsv","form":"a","rows":1,"errors":1,"warnings":0,"omitted":0,"diagnostics":[
      {"file":"a.tsv","line":2,"column":3,"severity":"error","item":"a.7","found":"'①\\n二'\\tx","expected":null,"cell":null}
      ]}
      ]}

      """)
  }
}
