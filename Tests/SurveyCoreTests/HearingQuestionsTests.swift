import Foundation
import XCTest

@testable import SurveyCore

/// The hearing's questions, read from the data directory.
final class HearingQuestionsTests: XCTestCase, BundledSurveyTesting {
  func testHearingQuestionsComeFromTheDataDirectory() throws {
    let questions = try HearingQuestions.load(directory: Self.dataDirectory)
    XCTAssertEqual(questions.questions.count, 8)
    XCTAssertEqual(questions.questions.first?.text, "市民協働に関する実態調査の回答にあたり、課内でどのように検討しましたか。")
    let none = try HearingQuestions.load(directory: URL(fileURLWithPath: "/nonexistent"))
    XCTAssertTrue(none.questions.isEmpty)
  }
}
