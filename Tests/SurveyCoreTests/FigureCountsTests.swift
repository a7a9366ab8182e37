import XCTest

@testable import SurveyCore

/// The sorted runs of `FigureCounts`, checked against a dictionary of the same additions.
final class FigureCountsTests: XCTestCase {
  func testSmallCountsInOrder() {
    var counts = FigureCounts()
    XCTAssertTrue(counts.isEmpty)
    XCTAssertNil(counts.minimum)
    for (figure, weight) in [(5, 1), (-3, 2), (5, 4), (0, 1)] { counts.add(figure, weight: weight) }
    // Worked by hand: -3 twice, 0 once, 5 once and then four times.
    XCTAssertEqual(counts.occurrences.map(\.value), [-3, 0, 5])
    XCTAssertEqual(counts.occurrences.map(\.count), [2, 1, 5])
    XCTAssertEqual(counts.minimum, -3)
    XCTAssertEqual(counts.maximum, 5)
  }

  func testManyAdditionsMatchADictionary() {
    // A linear congruential sequence (Knuth's MMIX constants) of figures, many repeated, added
    // in several merges; the expected counts are a dictionary's of the same additions.
    var state: UInt64 = 1
    var counts = FigureCounts()
    var expected: [Int: Int] = [:]
    for step in 0..<50_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let figure = Int(state >> 50) - 4_000
      let weight = step % 3 + 1
      counts.add(figure, weight: weight)
      expected[figure, default: 0] += weight
      if step == 777 {
        XCTAssertEqual(counts.minimum, expected.keys.min())
        XCTAssertEqual(counts.maximum, expected.keys.max())
      }
    }
    let sorted = expected.sorted { $0.key < $1.key }
    XCTAssertEqual(counts.occurrences.map(\.value), sorted.map(\.key))
    XCTAssertEqual(counts.occurrences.map(\.count), sorted.map(\.value))
    counts.settle()
    XCTAssertEqual(counts.occurrences.map(\.count), sorted.map(\.value))
    XCTAssertEqual(counts.minimum, sorted.first?.key)
    XCTAssertEqual(counts.maximum, sorted.last?.key)
  }

  func testFiguresThatPackAndFiguresThatDoNotMatchADictionary() {
    // Amounts in yen (from 0 to 2^24), which are sorted packed with their weights, with now and
    // then a figure or a weight too large to pack (sorted as pairs), in merges of both kinds.
    var state: UInt64 = 7
    var counts = FigureCounts()
    var expected: [Int: Int] = [:]
    for step in 0..<60_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      var figure = Int(state >> 40)
      var weight = step % 5 + 1
      if step % 9_973 == 0 { figure = 1 << 50 + step }
      if step % 7_919 == 0 { weight = 1 << 30 }
      counts.add(figure, weight: weight)
      expected[figure, default: 0] += weight
    }
    let sorted = expected.sorted { $0.key < $1.key }
    XCTAssertEqual(counts.occurrences.map(\.value), sorted.map(\.key))
    XCTAssertEqual(counts.occurrences.map(\.count), sorted.map(\.value))
    XCTAssertEqual(counts.minimum, sorted.first?.key)
    XCTAssertEqual(counts.maximum, sorted.last?.key)
  }
}
