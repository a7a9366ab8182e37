import XCTest
@testable import SurveyCore

/// TSVReader reads Excel's tab-separated exports: quoted fields with line breaks, tabs and `""`,
/// any line ending, blank lines skipped, and each record knowing the line where it starts.
final class TSVReaderTests: XCTestCase {
  private func records(_ text: String, file: String = "t.tsv") throws -> [TSVRecord] {
    var reader = TSVReader(utf8: Array(text.utf8), file: file)
    return try reader.readAll()
  }

  private func caughtError(_ text: String, file: String = "t.tsv") -> SurveyError? {
    var reader = TSVReader(utf8: Array(text.utf8), file: file)
    do throws(SurveyError) {
      _ = try reader.readAll()
      return nil
    } catch {
      return error
    }
  }

  func testTabsSeparateFieldsAndEachRecordKnowsItsLine() throws {
    let result = try records("部\t課\n企画財政部\t企画政策課\n")
    XCTAssertEqual(
      result,
      [
        TSVRecord(line: 1, fields: ["部", "課"]),
        TSVRecord(line: 2, fields: ["企画財政部", "企画政策課"]),
      ])
  }

  func testQuotedFieldKeepsLineBreaksAndDoubledQuotes() throws {
    let text = "1\t\"①講座\n②イベン\n③広報\"\t\"say \"\"hi\"\"\"\n2\tx\ty\n"
    let result = try records(text)
    XCTAssertEqual(
      result,
      [
        TSVRecord(line: 1, fields: ["1", "①講座\n②イベン\n③広報", "say \"hi\""]),
        TSVRecord(line: 4, fields: ["2", "x", "y"]),
      ])
  }

  func testQuotedFieldKeepsTabs() throws {
    let result = try records("\"a\tb\"\tc\n")
    XCTAssertEqual(result, [TSVRecord(line: 1, fields: ["a\tb", "c"])])
  }

  func testCRLFAndLFAndLoneCREndLinesAlike() throws {
    let expected = [
      TSVRecord(line: 1, fields: ["部", "課"]),
      TSVRecord(line: 2, fields: ["企画財政部", "企画政策課"]),
      TSVRecord(line: 3, fields: ["総務部", "総務課"]),
    ]
    XCTAssertEqual(try records("部\t課\r\n企画財政部\t企画政策課\r\n総務部\t総務課\r\n"), expected)
    XCTAssertEqual(try records("部\t課\n企画財政部\t企画政策課\n総務部\t総務課\n"), expected)
    XCTAssertEqual(try records("部\t課\r企画財政部\t企画政策課\r総務部\t総務課\r"), expected)
  }

  func testQuotedCRLFIsKeptInTheFieldAndCountsAsOneLine() throws {
    let result = try records("\"①共催\r\n④補助\"\tc\r\nd\te\r\n")
    XCTAssertEqual(
      result,
      [
        TSVRecord(line: 1, fields: ["①共催\r\n④補助", "c"]),
        TSVRecord(line: 3, fields: ["d", "e"]),
      ])
  }

  func testQuotedLoneCRCountsAsALine() throws {
    let result = try records("\"a\rb\"\r\nc\r\n")
    XCTAssertEqual(result.map(\.line), [1, 3])
    XCTAssertEqual(result.first?.fields, ["a\rb"])
  }

  func testBlankLinesAreSkippedButCounted() throws {
    let result = try records("a\n\n\r\nb\n\r")
    XCTAssertEqual(result, [TSVRecord(line: 1, fields: ["a"]), TSVRecord(line: 4, fields: ["b"])])
  }

  func testQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws {
    let result = try records("12\"3\tx\"\n")
    XCTAssertEqual(result, [TSVRecord(line: 1, fields: ["12\"3", "x\""])])
  }

  func testTextAfterTheClosingQuoteIsKept() throws {
    let result = try records("\"a\"b\tc\n")
    XCTAssertEqual(result, [TSVRecord(line: 1, fields: ["ab", "c"])])
  }

  func testEmptyFieldsAreKeptIncludingATrailingOne() throws {
    let result = try records("\tb\t\n\"\"\tx\n")
    XCTAssertEqual(
      result,
      [
        TSVRecord(line: 1, fields: ["", "b", ""]),
        TSVRecord(line: 2, fields: ["", "x"]),
      ])
  }

  func testLastRecordNeedsNoLineEnd() throws {
    let result = try records("a\tb\nc\td")
    XCTAssertEqual(
      result, [TSVRecord(line: 1, fields: ["a", "b"]), TSVRecord(line: 2, fields: ["c", "d"])])
  }

  func testEmptyInputHasNoRecords() throws {
    XCTAssertEqual(try records(""), [])
    XCTAssertEqual(try records("\r\n\n"), [])
  }

  func testNextReturnsRecordsOneAtATimeThenNil() throws {
    var reader = TSVReader(utf8: Array("a\nb\n".utf8), file: "t.tsv")
    XCTAssertEqual(try reader.next(), TSVRecord(line: 1, fields: ["a"]))
    XCTAssertEqual(try reader.next(), TSVRecord(line: 2, fields: ["b"]))
    XCTAssertNil(try reader.next())
    XCTAssertNil(try reader.next())
  }

  func testUnclosedQuoteIsAnErrorAtTheLineWhereTheQuoteOpens() throws {
    let error = try XCTUnwrap(caughtError("h1\th2\nx\t\"⑪その他（公募\nmore\nstill\n", file: "a.tsv"))
    XCTAssertEqual(error.diagnostics.count, 1)
    let diagnostic = try XCTUnwrap(error.diagnostics.first)
    XCTAssertEqual(diagnostic.severity, .error)
    XCTAssertEqual(diagnostic.file, "a.tsv")
    XCTAssertEqual(diagnostic.line, 2)
    XCTAssertEqual(diagnostic.found, "a quoted field that is never closed (it runs to the end of the file)")
    XCTAssertEqual(diagnostic.expected, "a closing double quote")
  }

  func testUnclosedQuoteAfterCRLFLinesIsReportedAtItsOwnLine() throws {
    let error = try XCTUnwrap(caughtError("h\r\n\"ok\r\nfine\"\r\n\"open\r\n"))
    XCTAssertEqual(error.diagnostics.map(\.line), [4])
  }

  /// Hands out its bytes a few at a time, as a file read in chunks would.
  private final class Chunks: ByteChunkSource {
    private var bytes: [UInt8]
    private let size: Int
    init(_ text: String, size: Int) {
      bytes = Array(text.utf8)
      self.size = size
    }
    func nextChunk() -> ArraySlice<UInt8>? {
      guard !bytes.isEmpty else { return nil }
      defer { bytes.removeFirst(min(size, bytes.count)) }
      return Array(bytes.prefix(size))[...]
    }
  }

  func testARecordPastTheLimitIsAnErrorAtItsFirstLineInMemoryAndInChunks() {
    // Line 3 starts a quoted field of 100 bytes over two lines; the limit is 64 bytes.
    let text =
      "a\tb\n1\t2\n\"" + String(repeating: "x", count: 50) + "\n" + String(repeating: "y", count: 50)
      + "\"\t3\n4\t5\n"
    let readers = {
      [
        TSVReader(utf8: Array(text.utf8), file: "t.tsv"),
        TSVReader(source: Chunks(text, size: 7), file: "t.tsv"),
      ]
    }
    for var reader in readers() {
      reader.recordLimit = 64
      XCTAssertEqual(try reader.next()?.line, 1)
      XCTAssertEqual(try reader.next()?.line, 2)
      do throws(SurveyError) {
        _ = try reader.next()
        XCTFail("a record of 104 bytes passed a limit of 64")
      } catch {
        XCTAssertEqual(error.diagnostics.map(\.line), [3])
        XCTAssertTrue(error.diagnostics.first?.found.hasPrefix("a record longer than") ?? false)
      }
    }
    for var reader in readers() {
      reader.recordLimit = 128
      XCTAssertEqual(try reader.readAll().map(\.line), [1, 2, 3, 5])
    }
  }
}
