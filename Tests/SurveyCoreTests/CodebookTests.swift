import XCTest

@testable import SurveyCore

/// A codebook finds its items by id, title, number, number and title, or header; `a.形態` names an
/// item within a form.
final class CodebookTests: XCTestCase {
  func testItemsAreFoundByIdTitleNumberAndTitleOrHeader() throws {
    let lines = CodebookLoaderTests.valid.joined(separator: "\n")
    let codebook = try CodebookLoader.load(utf8: Array(lines.utf8), file: "codebook.tsv")
    XCTAssertEqual(codebook.items(named: "a.4").map(\.id), ["a.4"])
    XCTAssertEqual(codebook.items(named: "形態").map(\.id), ["a.4"])
    XCTAssertEqual(codebook.items(named: "４形態").map(\.id), ["a.4"])
    XCTAssertEqual(codebook.items(named: "７市の予算").map(\.id), ["a.7"])
    XCTAssertEqual(codebook.items(named: "a.形態").map(\.id), ["a.4"])
    XCTAssertEqual(codebook.items(named: "相手").map(\.id), [])
  }
}
