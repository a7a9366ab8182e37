import XCTest

@testable import SurveyCore

/// A document of several summaries.
final class SummaryDocumentTests: XCTestCase, BundledSurveyTesting {
  func testEveryDepartmentTogetherCoverEveryUnitAndRowOnce() throws {
    let survey = try survey()
    let document = try SummaryDocument.make(
      SummaryTarget.departments(in: survey), in: survey, questions: HearingQuestions(questions: [])
    ).value
    XCTAssertEqual(document.summaries.count, 15)
    XCTAssertEqual(document.summaries.flatMap(\.units).map(\.unit), survey.organization.units)
    for form in ["a", "b", "c"] {
      let covered = document.summaries.flatMap { entries($0, form: form) }.map(\.identifier)
      let all = try XCTUnwrap(survey.data(for: form)).rows.map {
        try XCTUnwrap(survey.data(for: form)).text(of: .identifier, in: $0)
      }
      XCTAssertEqual(covered.sorted(), all.sorted(), form)
      XCTAssertEqual(Set(covered).count, covered.count, form)
    }
  }
}
