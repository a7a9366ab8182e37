import Foundation
import XCTest

@testable import SurveyCore

/// A streamed export (read from its file on each pass, rows not kept) gives the same tables as one
/// read into memory.
final class StreamingTests: XCTestCase {
  static let data = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")

  func testTheStandardReportIsTheSameStreamed() throws {
    let inMemory = try Survey.load(directory: Self.data)
    let streamed = try Survey.load(directory: Self.data, streamingThreshold: 0)
    XCTAssertFalse(try XCTUnwrap(inMemory.data(for: "a")).isStreamed)
    XCTAssertTrue(try XCTUnwrap(streamed.data(for: "a")).isStreamed)
    XCTAssertFalse(try XCTUnwrap(streamed.data(for: "overall")).isStreamed, "the roster stays in memory")
    XCTAssertEqual(streamed.warnings.map(\.description), inMemory.warnings.map(\.description))
    let expected = TextRenderer().render(try StandardReport.make(inMemory))
    XCTAssertEqual(TextRenderer().render(try StandardReport.make(streamed)), expected)
  }

  func testQueriesAreTheSameStreamed() throws {
    let inMemory = try Survey.load(directory: Self.data)
    let streamed = try Survey.load(directory: Self.data, streamingThreshold: 0)
    let queries = [
      Query(item: "形態", breakdown: "部", statistics: true),
      Query(item: "類型", breakdown: "関わり", statistics: true),
      Query(item: "形態", breakdown: "設問２"),
      Query(item: "市の予算", breakdown: "形態"),
      Query(item: "類型", breakdown: "課", layer: "部", filters: [try Filter(parsing: "形態!=委託")]),
      Query(item: "始期:decade", breakdown: "市の予算:class"),
      Query(item: "a.unit"),
    ]
    for query in queries {
      let expected = OutputFormat.tsv.render(try query.run(on: inMemory))
      XCTAssertEqual(OutputFormat.tsv.render(try query.run(on: streamed)), expected, query.item)
    }
  }

  func testRowsOfAStreamedExportCanStillBeListed() throws {
    let streamed = try Survey.load(directory: Self.data, streamingThreshold: 0)
    let rows = try XCTUnwrap(streamed.data(for: "a")).rows
    XCTAssertEqual(rows.count, 70)
    XCTAssertEqual(rows[61].unit, UnitPath(department: "生涯学習部", section: "生涯学習課", subunit: "スポーツ振興担当"))
  }

  func testChunksSplitAnywhereReadTheSame() throws {
    let url = Self.data.appendingPathComponent("a.tsv")
    var inMemory = TSVReader(utf8: try Survey.readFile(url), file: "a.tsv")
    let whole = try inMemory.readAll()
    for size in [1, 2, 3, 7, 64, 1000] {
      var reader = TSVReader(source: try FileChunks(url: url, file: "a.tsv", chunkSize: size), file: "a.tsv")
      XCTAssertEqual(try reader.readAll(), whole, "chunks of \(size) bytes")
    }
  }
}
