import Foundation
import XCTest

@testable import SurveyCore

/// The hearing's questions, read from the file the codebook names.
final class HearingQuestionsTests: XCTestCase, BundledSurveyTesting {
  func testHearingQuestionsComeFromTheFileTheCodebookNames() throws {
    let codebookURL = Self.dataDirectory.appendingPathComponent("codebook.tsv")
    let codebook = try CodebookLoader.load(contentsOf: codebookURL)
    XCTAssertEqual(codebook.hearingFile, "hearing.tsv")
    let questions = try HearingQuestions.load(named: codebook.hearingFile, besideCodebook: codebookURL)
    XCTAssertEqual(questions.questions.count, 8)
    XCTAssertEqual(questions.questions.first?.text, "市民協働に関する実態調査の回答にあたり、課内でどのように検討しましたか。")
    // A codebook that names no file has no questions, whatever lies beside it.
    let none = try HearingQuestions.load(named: nil, besideCodebook: codebookURL)
    XCTAssertTrue(none.questions.isEmpty)
  }
}
