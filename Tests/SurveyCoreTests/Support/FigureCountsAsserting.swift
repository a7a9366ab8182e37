import XCTest

@testable import SurveyCore

/// Asserts that `counts` holds the figures of a dictionary of the same additions: each distinct
/// figure in order with its count, and the smallest and the largest.
func assertCounts(
  _ counts: FigureCounts, match expected: [Int: Int], file: StaticString = #filePath, line: UInt = #line
) {
  let sorted = expected.sorted { $0.key < $1.key }
  XCTAssertEqual(counts.occurrences.map(\.value), sorted.map(\.key), file: file, line: line)
  XCTAssertEqual(counts.occurrences.map(\.count), sorted.map(\.value), file: file, line: line)
  XCTAssertEqual(counts.minimum, sorted.first?.key, file: file, line: line)
  XCTAssertEqual(counts.maximum, sorted.last?.key, file: file, line: line)
}
