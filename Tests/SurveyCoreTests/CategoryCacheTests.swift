import XCTest

@testable import SurveyCore

/// A table's cache of categories gives what classifying gives, whatever comes again or collides.
final class CategoryCacheTests: XCTestCase {
  func testEveryLookupGivesWhatClassifyingGives() {
    // 3,000 distinct pairs of values (more than the cache's 256 slots, so that slots are taken
    // over), met in a scrambled order three times; classifying counts its calls.
    let names = (0..<60).map { "区民部\($0)" }
    let codes: [Value] = (1...50).map { .codes([CodedAnswer(code: $0, text: "")]) }
    var calls = 0
    let classify: (Row) -> [Int] = { row in
      calls += 1
      guard case .text(let name) = row.values[0], case .codes(let answers) = row.values[2] else { return [] }
      return [name.count * 100 + answers[0].code]
    }
    let cache = CategoryCache()
    var state: UInt64 = 3
    for _ in 0..<9_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let name = names[Int(state >> 33) % names.count]
      let code = codes[Int(state >> 45) % codes.count]
      let row = Row(line: 1, values: [.text(name), .text("ignored \(state)"), code])
      var expected: [Int] = []
      if case .codes(let answers) = code { expected = [name.count * 100 + answers[0].code] }
      XCTAssertEqual(cache.indexes(of: row, items: [0, 2], classify: classify), expected)
    }
    // Some rows were found in the cache, not classified again.
    XCTAssertLessThan(calls, 9_000)
  }

  func testEqualNamesOfOtherStringsAreFoundAndDifferentOnesAreNot() {
    let cache = CategoryCache()
    let first = Row(line: 1, values: [.text("北区役所"), .text("区民部")])
    XCTAssertEqual(cache.indexes(of: first, items: [0, 1]) { _ in [7] }, [7])
    // The same names built anew (other strings, the same bytes): found.
    let again = Row(line: 2, values: [.text(String("北区役所".reversed().reversed())), .text("区民" + "部")])
    XCTAssertEqual(cache.indexes(of: again, items: [0, 1]) { _ in [99] }, [7])
    // Another ward's 区民部: classified.
    let other = Row(line: 3, values: [.text("南区役所"), .text("区民部")])
    XCTAssertEqual(cache.indexes(of: other, items: [0, 1]) { _ in [8] }, [8])
  }
}
