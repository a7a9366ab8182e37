import Foundation
import XCTest

@testable import SurveyCore

/// An export read from its file on each pass (rows not kept) gives the same tables as the same
/// bytes given in memory: one reader for both, the file read a chunk at a time.
final class StreamingTests: XCTestCase {
  static let data = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")

  /// The bundled survey, its exports' bytes given in memory under their files' names.
  static func inMemory() throws -> Survey {
    var given: [String: ExportSource] = [:]
    for form in ["overall", "a", "b", "c"] {
      let url = data.appendingPathComponent(form + ".tsv")
      given[form] = ExportSource(bytes: try Survey.readFile(url), file: url.relativePath)
    }
    return try Survey.load(directory: data, given: given)
  }

  func testTheStandardReportIsTheSameStreamed() throws {
    let inMemory = try Self.inMemory()
    let streamed = try Survey.load(directory: Self.data)
    XCTAssertTrue(try XCTUnwrap(streamed.data(for: "a")).isStreamed)
    XCTAssertFalse(try XCTUnwrap(streamed.data(for: "overall")).isStreamed, "the roster stays in memory")
    let expected = try StandardReport.make(inMemory)
    let report = try StandardReport.make(streamed)
    XCTAssertEqual(TextRenderer().render(report.value), TextRenderer().render(expected.value))
    // A streamed export is checked during the first pass over it: the report has its warnings.
    XCTAssertEqual(report.warnings.map(\.description), expected.warnings.map(\.description))
    XCTAssertEqual(report.warnings.count, 14)
  }

  func testQueriesAreTheSameStreamed() throws {
    let inMemory = try Self.inMemory()
    let streamed = try Survey.load(directory: Self.data)
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
      let expected = OutputFormat.tsv.render(try query.run(on: inMemory).value)
      XCTAssertEqual(OutputFormat.tsv.render(try query.run(on: streamed).value), expected, query.item)
    }
  }

  /// Every department's summary (the committee's binder) reads a streamed export a row at a time
  /// and prints what the export in memory gives, teams and units included.
  func testSummariesAreTheSameStreamed() throws {
    let inMemory = try Self.inMemory()
    let streamed = try Survey.load(directory: Self.data)
    let questions = try HearingQuestions.load(
      named: streamed.codebook.hearingFile, besideCodebook: Self.data.appendingPathComponent("codebook.tsv"))
    func binder(_ survey: Survey) throws -> String {
      let targets = SummaryTarget.all(in: survey)
      return SummaryTextRenderer().render(
        try SummaryDocument.make(targets, in: survey, questions: questions).value)
    }
    XCTAssertEqual(SummaryTarget.all(in: streamed), SummaryTarget.all(in: inMemory))
    XCTAssertEqual(try binder(streamed), try binder(inMemory))
    XCTAssertNil(try XCTUnwrap(streamed.data(for: "a")).streamForCounting?.check.materialized, "no row kept")
  }

  func testRowsOfAStreamedExportCanStillBeListed() throws {
    let streamed = try Survey.load(directory: Self.data)
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

  func testRowsReadFromChunksSplitAnywhereAreTheSame() throws {
    let survey = try Survey.load(directory: Self.data)
    let form = try XCTUnwrap(survey.codebook.form(id: "a"))
    let url = Self.data.appendingPathComponent("a.tsv")
    var whole = FormReader(
      form, reader: TSVReader(utf8: try Survey.readFile(url), file: "a.tsv"), file: "a.tsv",
      codebook: survey.codebook)
    var expected: [(Int, [Value])] = []
    while let row = whole.next() { expected.append((row.line, row.values)) }
    XCTAssertEqual(expected.count, 70)
    for size in [1, 2, 3, 5, 64, 4096] {
      var reader = FormReader(
        form,
        reader: TSVReader(source: try FileChunks(url: url, file: "a.tsv", chunkSize: size), file: "a.tsv"),
        file: "a.tsv", codebook: survey.codebook)
      var rows: [(Int, [Value])] = []
      while let row = reader.next() { rows.append((row.line, row.values)) }
      XCTAssertEqual(rows.map(\.0), expected.map(\.0), "chunks of \(size) bytes")
      XCTAssertEqual(rows.map(\.1), expected.map(\.1), "chunks of \(size) bytes")
      XCTAssertEqual(reader.log.diagnostics.map(\.description), whole.log.diagnostics.map(\.description))
    }
  }

  /// A copy of the bundled data with a.tsv replaced, in a temporary directory.
  func bundledWith(a bytes: [UInt8]) throws -> URL {
    try Self.bundledWith(a: bytes, in: self)
  }

  /// The same, removed when `testCase` ends.
  static func bundledWith(a bytes: [UInt8], in testCase: XCTestCase) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    for name in ["codebook.tsv", "overall.tsv", "b.tsv", "c.tsv"] {
      try FileManager.default.copyItem(
        at: Self.data.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    try Data(bytes).write(to: directory.appendingPathComponent("a.tsv"))
    return directory
  }

  /// A streamed export in CP932 or UTF-16 is transcoded chunk by chunk, not decoded whole, and
  /// gives the report of the UTF-8 file.
  func testAStreamedExportGivesTheSameReportInEveryEncoding() throws {
    let mini = Self.data.deletingLastPathComponent().appendingPathComponent("Tests/KyodoTests/Fixtures/mini")
    let text = try String(contentsOf: mini.appendingPathComponent("a.tsv"), encoding: .utf8)
    let expected = OutputFormat.tsv.render(try StandardReport.make(try Survey.load(directory: mini)).value)
    let encodings: [(TextEncoding, [UInt8])] = [
      (.cp932, Array(try XCTUnwrap(text.data(using: .shiftJIS)))),
      (.utf16LittleEndian, [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }),
      (.utf16BigEndian, [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }),
    ]
    for (encoding, bytes) in encodings {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
        "kyodo-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
      for name in ["codebook.tsv", "overall.tsv"] {
        try FileManager.default.copyItem(
          at: mini.appendingPathComponent(name), to: directory.appendingPathComponent(name))
      }
      try Data(bytes).write(to: directory.appendingPathComponent("a.tsv"))
      let streamed = try Survey.load(directory: directory)
      let data = try XCTUnwrap(streamed.data(for: "a"))
      XCTAssertTrue(data.isStreamed)
      XCTAssertEqual(data.encoding, encoding)
      XCTAssertEqual(
        OutputFormat.tsv.render(try StandardReport.make(streamed).value)
          .replacingOccurrences(of: encoding.rawValue, with: "UTF-8")
          .replacingOccurrences(of: directory.path, with: mini.path), expected, "\(encoding)")
      XCTAssertEqual(try streamed.finishReading(), [])
    }
  }

  func testAnErrorInAStreamedRowIsThrownWhenReadingIsFinished() throws {
    var text = try String(contentsOf: Self.data.appendingPathComponent("a.tsv"), encoding: .utf8)
    text = text.replacingOccurrences(of: "③委託", with: "⑳委託")
    let directory = try bundledWith(a: Array(text.utf8))
    let streamed = try Survey.load(directory: directory)
    XCTAssertThrowsError(try StandardReport.make(streamed)) { error in
      let found = (error as? SurveyError)?.diagnostics.filter { $0.severity == .error }.map(\.found) ?? []
      XCTAssertFalse(found.isEmpty)
      XCTAssertTrue(found.allSatisfy { $0.hasPrefix("unknown code ⑳") }, "\(found)")
    }
  }

  func testABadByteInAStreamedExportIsNamedWithItsLine() throws {
    let bytes = Array("部\t課\n日本\tです\n".utf8) + [0x41, 0xFF, 0x0A]
    let directory = try bundledWith(a: bytes)
    XCTAssertThrowsError(try Survey.load(directory: directory)) { error in
      let diagnostics = (error as? SurveyError)?.diagnostics ?? []
      XCTAssertEqual(diagnostics.first?.line, 3)
      XCTAssertEqual(
        diagnostics.first?.found,
        "bytes FF 0A at byte offset \(bytes.count - 2) that no supported encoding reads")
    }
  }
}

/// Trimming a cell's bytes takes off exactly what trimming its string does.
final class CellBytesTests: XCTestCase {
  func testTrimmingBytesAgreesWithTrimmingTheString() {
    let samples = [
      "", " ", "\u{3000}", "①講座", " ①講座\u{3000}", "\t記入なし\r\n", "\u{00A0}x\u{00A0}", "\u{2003}日本\u{2009}",
      "\u{205F}a\u{202F}", "\u{1680}b\u{2028}", "\u{0085}c\u{2029}", "\u{3000}\u{3000}二つ\u{3000} ",
      "①\u{3001}",
      "a\u{2010}", "\u{E3}", "ー", "\u{2011}x",
    ]
    for sample in samples {
      var text = sample
      let trimmed = text.withUTF8 { String(decoding: CellBytes.trimmed($0), as: UTF8.self) }
      XCTAssertEqual(
        trimmed, sample.trimmingSpaces,
        sample.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " "))
    }
  }

  func testEveryCharacterNearTheSpacesAtEitherEndAgreesWithTheString() {
    // The blocks of every white-space character, and of the kana, signs and full-width forms
    // whose bytes are alike (`）` ends in a byte of U+2009's).
    let blocks = [0x00...0xFF, 0x1600...0x16FF, 0x2000...0x20FF, 0x3000...0x30FF, 0xFF00...0xFFEF]
    for scalar in blocks.joined().compactMap(Unicode.Scalar.init) {
      for sample in ["\(scalar)日", "日\(scalar)", "\(scalar)", "\(scalar)\(scalar)"] {
        var text = sample
        let trimmed = text.withUTF8 { String(decoding: CellBytes.trimmed($0), as: UTF8.self) }
        XCTAssertEqual(trimmed, sample.trimmingSpaces, String(scalar.value, radix: 16))
      }
    }
  }
}
