import Foundation
import XCTest

@testable import SurveyCore

/// Figures written out to a `FigureSpill` and read back: checked against a dictionary of the same
/// additions, and the tables of a survey against those made with every figure in memory.
final class FigureSpillTests: XCTestCase, SmallSurveyTesting {
  private let directory = FileManager.default.temporaryDirectory

  /// Figures of a linear congruential sequence (Knuth's MMIX constants), many repeated.
  private func figures(_ count: Int, seed: UInt64, bits: UInt64 = 50) -> [Int] {
    var state = seed
    return (0..<count).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> bits)
    }
  }

  func testSpilledCountsMatchADictionary() {
    // Written out every 500 additions: 120 segments, merged eight by eight into fewer, read back
    // merged with the runs still in memory.
    let spill = FigureSpill(directory: directory)
    var counts = FigureCounts()
    var expected: [Int: Int] = [:]
    for (step, figure) in figures(60_000, seed: 5).enumerated() {
      counts.add(figure, weight: step % 4 + 1)
      expected[figure, default: 0] += step % 4 + 1
      if step % 500 == 499 {
        XCTAssertTrue(counts.spill(to: spill))
        XCTAssertEqual(counts.heldBytes, 0)
      }
    }
    XCTAssertGreaterThan(spill.bytesWritten, 0)
    assertCounts(counts, match: expected)
    let all = expected.sorted { $0.key < $1.key }.flatMap { Array(repeating: $0.key, count: $0.value) }
    let ranks = [0, 1, all.count / 4, all.count / 2, all.count - 1]
    XCTAssertEqual(counts.orderStatistics(ranks), ranks.map { all[$0] })
    XCTAssertNoThrow(try spill.check())
  }

  func testSumOfSpilledCountsIsWrittenOutAndMatchesADictionary() {
    // Three parts, each written out now and then, added up less counts taken away: more than
    // 64 KB of runs, so the sum is written out too, and read back as a dictionary's.
    let spill = FigureSpill(directory: directory)
    var parts = [FigureCounts(), FigureCounts(), FigureCounts()]
    var expected: [Int: Int] = [:]
    for (step, figure) in figures(90_000, seed: 13, bits: 44).enumerated() {
      parts[step % 3].add(figure, weight: 2)
      expected[figure, default: 0] += 2
      if step % 7_000 == 6_999 { XCTAssertTrue(parts[step % 3].spill(to: spill)) }
    }
    var taken = FigureCounts()
    for (figure, count) in expected where figure % 5 == 0 {
      let less = figure % 2 == 0 ? count : 1
      taken.add(figure, weight: less)
      expected[figure, default: 0] -= less
    }
    expected = expected.filter { $0.value != 0 }
    let written = spill.bytesWritten
    let sum = FigureCounts.sum(parts, less: taken, spill: spill)
    XCTAssertGreaterThan(spill.bytesWritten, written + (1 << 16))
    XCTAssertEqual(sum.heldBytes, 0)
    assertCounts(sum, match: expected)
  }

  func testASumOfThousandsOfSegmentsReadsEachInPieces() {
    // 1,500 parts of 250 figures each, written out: a segment of about 900 bytes each, read
    // through a buffer of 1 MB / 1,500 = 699 bytes, so that runs straddle the buffer's refills.
    let spill = FigureSpill(directory: directory)
    var expected: [Int: Int] = [:]
    let figures = figures(375_000, seed: 23, bits: 44)
    let parts = (0..<1_500).map { part in
      var counts = FigureCounts()
      for figure in figures[(part * 250)..<(part * 250 + 250)] {
        counts.add(figure, weight: 1)
        expected[figure, default: 0] += 1
      }
      XCTAssertTrue(counts.spill(to: spill))
      return counts
    }
    assertCounts(FigureCounts.sum(parts, less: FigureCounts(), spill: spill), match: expected)
    XCTAssertNoThrow(try spill.check())
  }

  func testASumWhoseCountsAllComeTo0IsEmpty() {
    // More than 64 KB of runs (30,000 figures of 24 bits), written out, taken away from themselves:
    // the sum is written out as it is made, and is nothing.
    let spill = FigureSpill(directory: directory)
    var part = FigureCounts()
    for figure in figures(30_000, seed: 19, bits: 40) { part.add(figure, weight: 1) }
    XCTAssertTrue(part.spill(to: spill))
    let written = spill.bytesWritten
    let sum = FigureCounts.sum([part], less: part, spill: spill)
    XCTAssertEqual(spill.bytesWritten, written)
    XCTAssertTrue(sum.isEmpty)
    XCTAssertNil(sum.minimum)
    XCTAssertNil(sum.maximum)
    XCTAssertTrue(sum.occurrences.isEmpty)
  }

  func testASpillWithoutADirectoryKeepsTheFiguresInMemory() {
    let spill = FigureSpill(directory: directory.appendingPathComponent("kyodo-no-such-directory"))
    var counts = FigureCounts()
    for figure in [30, 10, 20, 10] { counts.add(figure, weight: 1) }
    XCTAssertFalse(counts.spill(to: spill))
    XCTAssertEqual(counts.occurrences.map(\.value), [10, 20, 30])
    XCTAssertEqual(counts.occurrences.map(\.count), [2, 1, 1])
    XCTAssertEqual(spill.bytesWritten, 0)
  }

  func testAReadErrorIsThrownByCheck() {
    let spill = FigureSpill(directory: directory)
    var counts = FigureCounts()
    counts.add(1, weight: 1)
    XCTAssertTrue(counts.spill(to: spill))
    // Past the end of the file: fewer bytes than asked for, as a failed read gives.
    XCTAssertNil(spill.read(8, at: spill.bytesWritten))
    XCTAssertThrowsError(try spill.check()) { error in
      XCTAssertTrue("\(error)".contains("a read error in kyodo's temporary file of figures"), "\(error)")
    }
  }

  func testTheStandardReportIsTheSameWithItsFiguresWrittenOut() throws {
    // 20,000 projects of some 8,000 distinct amounts in two departments and three 形態: with a
    // budget of 0, every line of more than 4 KB is written out at each check, and the report is
    // the one made with every figure in memory.
    var projects = "部\t課\t番号\t４形態\t５類型\t７市の予算\n"
    for (row, figure) in figures(20_000, seed: 17, bits: 51).enumerated() {
      let department = row % 2 == 0 ? "市民部\t課A" : "環境部\t課B"
      projects += "\(department)\t\(row + 1)\t\(["①", "③", "\"①\n③\""][row % 3])\t①\t①\(figure % 9_000)千円\n"
    }
    let codebook = try CodebookLoader.load(utf8: Array(Self.codebook.utf8), file: "codebook.tsv")
    var survey = try Survey.load(
      codebook: codebook,
      sources: [
        "overall": ExportSource(bytes: Array(Self.overall.utf8), file: "overall.tsv"),
        "a": ExportSource(bytes: Array(projects.utf8), file: "a.tsv"),
      ])
    let byForm = Query(item: "a.7", breakdown: "a.4")
    let inMemory = [try StandardReport.make(survey).value, try byForm.run(on: survey).value]
    let spill = FigureSpill(directory: directory, budget: 0)
    survey.figureSpill = spill
    let spilled = [try StandardReport.make(survey).value, try byForm.run(on: survey).value]
    XCTAssertGreaterThan(spill.bytesWritten, 0)
    let render = { (reports: [Report]) in
      reports.flatMap(\.tables).map { DelimitedRenderer(separator: "\t").render($0) }.joined(separator: "\n")
    }
    XCTAssertEqual(render(spilled), render(inMemory))
    // The statistics by department and by 形態 (multiple choice, 全体 less the rows counted twice).
    XCTAssertTrue(render(inMemory).contains("全体\t20000\t20000\t"))
    // 共催 is given by the rows whose number is 0 or 2 after dividing by 3: 6,667 + 6,666.
    XCTAssertTrue(render(inMemory).contains("①共催\t13333\t13333\t"))
  }
}
