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
    assertCounts(counts, match: expected)
    counts.settle()
    assertCounts(counts, match: expected)
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
    assertCounts(counts, match: expected)
  }

  func testCountsSummedAndTakenAwayMatchADictionary() {
    // Three sets of counts added up, then one taken away (each of its counts at most the sum's):
    // the result is a dictionary's of the same additions and subtractions, with the figures whose
    // count comes to 0 gone, and the smallest and largest those left.
    var state: UInt64 = 11
    var parts = [FigureCounts(), FigureCounts(), FigureCounts()]
    var expected: [Int: Int] = [:]
    for step in 0..<30_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let figure = Int(state >> 48)
      parts[step % 3].add(figure, weight: 2)
      expected[figure, default: 0] += 2
    }
    var taken = FigureCounts()
    let lowest = expected.keys.min() ?? 0
    let highest = expected.keys.max() ?? 0
    for (figure, count) in expected where figure % 7 == 0 || figure == lowest || figure == highest {
      let less = figure % 2 == 0 || figure == lowest || figure == highest ? count : 1
      taken.add(figure, weight: less)
      expected[figure, default: 0] -= less
    }
    expected = expected.filter { $0.value != 0 }
    let sum = FigureCounts.sum(parts, less: taken)
    assertCounts(sum, match: expected)
    XCTAssertNotEqual(sum.minimum, lowest)
  }

  func testSortingByFigureOrdersAsTheFiguresDo() {
    // Packed words (a figure in the high 40 bits, a weight in the low 24), some of sizes where
    // a byte is the same in every word: sorted by figure, they are in the order of their figures,
    // each word kept (the same multiset as the standard sort gives).
    var state: UInt64 = 3
    for (count, figureBits) in [(300, 40), (5_000, 12), (20_000, 40), (1_000, 1)] {
      var words: [UInt64] = []
      for _ in 0..<count {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        words.append((state >> UInt64(64 - figureBits)) << 24 | (state & 0xFF_FFFF))
      }
      var sorted = words
      FigureCounts.sortByFigure(&sorted)
      XCTAssertEqual(sorted.map { $0 >> 24 }, words.map { $0 >> 24 }.sorted(), "\(count) words")
      XCTAssertEqual(sorted.sorted(), words.sorted(), "\(count) words")
    }
  }

  func testOrderStatisticsAreThoseOfTheFiguresInOrder() {
    // The figures 7, 7, 7, 10, 12, 12 (added out of order, in two merges' worth): ranks 0 to 5
    // are those figures in order, by hand; a rank past the count gives the largest.
    var counts = FigureCounts()
    for (figure, weight) in [(12, 1), (7, 2), (10, 1), (12, 1), (7, 1)] { counts.add(figure, weight: weight) }
    XCTAssertEqual(counts.orderStatistics([0, 1, 2, 3, 4, 5, 6]), [7, 7, 7, 10, 12, 12, 12])
    XCTAssertEqual(counts.orderStatistics([2, 3]), [7, 10])
  }
}
