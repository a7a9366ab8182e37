import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting`: an item by a breakdown, single or multiple choice on
/// either side.
final class CrosstabTests: XCTestCase, SmallSurveyTesting {
  func testSingleBySingle() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "部"))
    // 市民部: projects 1 (①) and 2 (②); 環境部: 3 (②), 4 (無回答), 5 (③).
    XCTAssertTrue(lines.contains("市民部\t市民部\t1\t市主体\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("市民部\t市民部\t2\t市・民\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("環境部\t環境部\t2\t市・民\t1\t33.3\t3"))
    XCTAssertTrue(lines.contains("環境部\t環境部\tNA\t無回答\t1\t33.3\t3"))
    XCTAssertTrue(lines.contains("total\t全体\t2\t市・民\t2\t40.0\t5"))
  }

  func testSingleBySingleOnTheAnswered() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "部", options: TableOptions(base: .answered)))
    XCTAssertTrue(lines.contains("環境部\t環境部\t2\t市・民\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("環境部\t環境部\tNA\t無回答\t1\t\t2"))
  }

  func testMultipleBySingle() throws {
    let lines = try tsv(Query(item: "形態", breakdown: "類型"))
    // ①市主体: project 1 (①③); ②市・民: 2 (③) and 3 (無回答); ③民間: 5 (④); 無回答: 4 (①).
    XCTAssertTrue(lines.contains("1\t市主体\t1\t共催\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("1\t市主体\t3\t委託\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("2\t市・民\t3\t委託\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("2\t市・民\tNA\t無回答\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("NA\t無回答\t1\t共催\t1\t100.0\t1"))
  }

  func testSingleByMultipleCountsARowInEachOfItsCodes() throws {
    let lines = try tsv(Query(item: "類型", breakdown: "形態"))
    // Row ①共催: projects 1 (①) and 4 (無回答); ③委託: 1 (①) and 2 (②); ④補助: 5 (③); 無回答: 3 (②).
    XCTAssertTrue(lines.contains("1\t共催\t1\t市主体\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("1\t共催\tNA\t無回答\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("3\t委託\t2\t市・民\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("NA\t無回答\t2\t市・民\t1\t100.0\t1"))
  }

  func testMultipleByMultiple() throws {
    let lines = try tsv(Query(item: "形態", breakdown: "形態"))
    // Project 1 ticked ① and ③: it is in row ① and in column ③.
    XCTAssertTrue(lines.contains("1\t共催\t3\t委託\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("3\t委託\t1\t共催\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("NA\t無回答\tNA\t無回答\t1\t100.0\t1"))
  }
}
