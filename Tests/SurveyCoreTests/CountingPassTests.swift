import Foundation
import XCTest

@testable import SurveyCore

/// A streamed export counted in parts, two at a time, gives the tables, the diagnostics and their
/// lines that reading it row by row gives, however many parts and wherever they start.
final class CountingPassTests: XCTestCase {
  static let data = StreamingTests.data

  /// The bundled Ａ export's header and its body repeated: real multi-line cells, merged hierarchy
  /// cells and the 11 known warnings on every copy.
  func repeatedExport(_ copies: Int, middle: String = "") throws -> [UInt8] {
    let text = try String(contentsOf: Self.data.appendingPathComponent("a.tsv"), encoding: .utf8)
    // Excel's CRLF, one Character in Swift.
    let headerEnd = try XCTUnwrap(text.firstIndex(of: "\r\n"))
    let header = String(text[...headerEnd])
    let body = String(text[text.index(after: headerEnd)...])
    let half = String(repeating: body, count: copies / 2)
    return Array((header + half + middle + half).utf8)
  }

  /// The report, some queries and the warnings, from the export read in one part and in parts of
  /// at most `partBytes` (half the file and a byte, by default: two parts); returns how many parts
  /// were counted.
  @discardableResult
  func compare(
    _ bytes: [UInt8], partBytes: Int? = nil, expectedParts: Int? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> Int? {
    let partBytes = partBytes ?? bytes.count / 2 + 1
    let directory = try StreamingTests.bundledWith(a: bytes, in: self)
    let onePart = try Survey.load(directory: directory)
    let streamed = try Survey.load(directory: directory)
    let forms = streamed.forms.map { $0.isStreamed ? $0.counting(partBytes: partBytes) : $0 }
    let parted = Survey(
      codebook: streamed.codebook, forms: forms, organization: streamed.organization,
      warnings: streamed.warnings)
    XCTAssertEqual(
      TextRenderer().render(try StandardReport.make(parted).value),
      TextRenderer().render(try StandardReport.make(onePart).value),
      file: file, line: line)
    let parts = parted.data(for: "a")?.streamForCounting?.check.partsCounted
    if let expectedParts { XCTAssertEqual(parts, expectedParts, file: file, line: line) }
    let queries = [
      Query(item: "形態", breakdown: "部", statistics: true),
      Query(item: "市の予算", breakdown: "形態"),
      Query(item: "形態", breakdown: "設問２"),
      Query(item: "類型", breakdown: "課", layer: "部", filters: [try Filter(parsing: "形態!=委託")]),
    ]
    for query in queries {
      XCTAssertEqual(
        OutputFormat.tsv.render(try query.run(on: parted).value),
        OutputFormat.tsv.render(try query.run(on: onePart).value),
        query.item, file: file, line: line)
    }
    let warnings = parted.warnings + (try parted.finishReading())
    let whole = onePart.warnings + (try onePart.finishReading())
    XCTAssertEqual(warnings.map(\.description), whole.map(\.description), file: file, line: line)
    return parts
  }

  func testTwoPartsCountWhatOneReaderCounts() throws {
    // 40 copies: 2,800 projects and 440 warnings, whose lines in the second part are shifted back.
    try compare(try repeatedExport(40), expectedParts: 2)
  }

  func testManyPartsCountWhatOneReaderCounts() throws {
    // About 830 KB in parts of at most 60 KB: every part's turn checks the guess before it.
    let bytes = try repeatedExport(40)
    let parts = try XCTUnwrap(try compare(bytes, partBytes: 60_000))
    XCTAssertGreaterThanOrEqual(parts, bytes.count / 60_000 - 2, "a few guesses may fall on the same record")
  }

  /// A part read alone hands its combinations over whenever it holds too many, and goes on.
  func testAPartThatHoldsTooManyCombinationsHandsThemOverAndGoesOn() throws {
    let directory = try StreamingTests.bundledWith(a: try repeatedExport(20), in: self)
    let onePart = try Survey.load(directory: directory)
    let streamed = try Survey.load(directory: directory)
    let forms = streamed.forms.map { $0.isStreamed ? $0.counting(holding: 10) : $0 }
    let paused = Survey(
      codebook: streamed.codebook, forms: forms, organization: streamed.organization,
      warnings: streamed.warnings)
    XCTAssertEqual(
      TextRenderer().render(try StandardReport.make(paused).value),
      TextRenderer().render(try StandardReport.make(onePart).value))
    XCTAssertEqual(paused.data(for: "a")?.streamForCounting?.check.partsCounted, 1)
  }

  /// The same bytes in CP932 (㈳ and ㈶, not in CP932, written out as its exports have them).
  func cp932(_ utf8: [UInt8]) throws -> [UInt8] {
    let text = String(decoding: utf8, as: UTF8.self)
      .replacingOccurrences(of: "㈳", with: "（社）").replacingOccurrences(of: "㈶", with: "（財）")
    return Array(try XCTUnwrap(text.data(using: .shiftJIS)))
  }

  /// The same bytes in UTF-16 with its byte order mark, little- or big-endian.
  func utf16(_ utf8: [UInt8], bigEndian: Bool) -> [UInt8] {
    let units = Array(String(decoding: utf8, as: UTF8.self).utf16)
    return bigEndian
      ? [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
      : [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
  }

  /// A CP932 or UTF-16 export is counted in parts too: each part transcodes from its start and
  /// stops where its bytes reach the next part's, whatever offset that is in UTF-8.
  func testATranscodedExportIsCountedInPartsAsInOne() throws {
    // Fewer copies in UTF-16 (transcoded slowly in a debug build), still twice the first chunk
    // (256 KB, which the header's reading has read: no part starts inside it).
    let utf8 = try repeatedExport(40)
    let fewer = try repeatedExport(24)
    try compare(try cp932(utf8), expectedParts: 2)
    XCTAssertGreaterThan(try XCTUnwrap(try compare(try cp932(utf8), partBytes: 60_000)), 10)
    try compare(utf16(fewer, bigEndian: true), expectedParts: 2)
    XCTAssertGreaterThan(try XCTUnwrap(try compare(utf16(fewer, bigEndian: false), partBytes: 60_000)), 5)
  }

  /// A file of ASCII first and CP932 after (a header of item ids, rows typed without kana): the
  /// part that meets the first CP932 byte is read again from its start, the encoding found as one
  /// reading of the whole file finds it, and gives what that reading gives.
  func testAFileOfASCIIThenCP932IsReadInPartsAsOneReadingReadsIt() throws {
    let text = try String(contentsOf: Self.data.appendingPathComponent("a.tsv"), encoding: .utf8)
    let headerEnd = try XCTUnwrap(text.firstIndex(of: "\r\n"))
    // More ASCII than the first chunk (256 KB), so that the first part cannot see the CP932.
    // ㈳ and ㈶ are not in CP932: written （社） and （財） there.
    let body = String(text[text.index(after: headerEnd)...])
      .replacingOccurrences(of: "㈳", with: "（社）").replacingOccurrences(of: "㈶", with: "（財）")
    let survey = try Survey.load(directory: Self.data)
    let ids = try XCTUnwrap(survey.codebook.form(id: "a")).items.map(\.id)
    var ascii = ids.joined(separator: "\t") + "\r\n"
    for number in 1...8000 {
      let cells =
        ["X", "Y", "", "\(number)", "project \(number)"] + Array(repeating: "", count: ids.count - 5)
      ascii += cells.joined(separator: "\t") + "\r\n"
    }
    let bytes = Array(ascii.utf8) + Array(try XCTUnwrap(body.data(using: .shiftJIS)))
    let parts = try XCTUnwrap(try compare(bytes, partBytes: 40_000))
    XCTAssertGreaterThan(parts, 1)
    let directory = try StreamingTests.bundledWith(a: bytes, in: self)
    let report = TextRenderer().render(try StandardReport.make(try Survey.load(directory: directory)).value)
    XCTAssertTrue(report.contains("8070 projects"), "8,000 rows of ASCII and the 70 in CP932")
    XCTAssertTrue(report.contains("a.tsv, CP932)"))
  }

  func testAWrongGuessOfARecordStartIsCaughtAndReadOn() throws {
    // A free-text cell in the middle holds two lines that look like whole records (a quoted cell
    // may hold tabs and line breaks): the second part's guess starts inside it. The first part
    // finds the record it reads running past the guess, and reads on alone.
    let text = try String(contentsOf: Self.data.appendingPathComponent("a.tsv"), encoding: .utf8)
    let lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
    let complete = lines.dropFirst().filter {
      $0.split(separator: "\t", omittingEmptySubsequences: false).count == 22 && !$0.contains("\"")
    }
    XCTAssertGreaterThanOrEqual(complete.count, 2)
    let fakes = complete.prefix(2).joined(separator: "\r\n")
    // Long enough that the second part's search, wherever near the middle it starts, starts in it.
    let padding = String(repeating: "あ", count: 400_000)
    var fields =
      complete.first.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
      ?? []
    fields[4] = "\"\(padding)\r\n\(fakes)\r\nおわり\""
    let bytes = try repeatedExport(36, middle: fields.joined(separator: "\t") + "\r\n")
    try compare(bytes, expectedParts: 1)
    // In parts of 100 KB the wrong guesses fall inside the cell too: the part before it reads on.
    let parts = try XCTUnwrap(try compare(bytes, partBytes: 100_000))
    XCTAssertLessThan(parts, bytes.count / 100_000 - 1)
    XCTAssertGreaterThan(parts, 1)
    // The same in CP932, whose parts stop where their bytes reach the next part's start.
    let cp932Parts = try XCTUnwrap(try compare(try cp932(bytes), partBytes: 100_000))
    XCTAssertGreaterThan(cp932Parts, 1)
  }

  /// The errors of a streamed export: from a counting pass (the standard report), or from a
  /// row-by-row reading (the check that `finishReading` makes when no pass has).
  func errors(_ bytes: [UInt8], counting: Bool, partBytes: Int? = nil) throws -> [String] {
    let directory = try StreamingTests.bundledWith(a: bytes, in: self)
    let streamed = try Survey.load(directory: directory)
    let partBytes = partBytes ?? bytes.count / 2 + 1
    let forms = streamed.forms.map { $0.isStreamed ? $0.counting(partBytes: partBytes) : $0 }
    let parted = Survey(
      codebook: streamed.codebook, forms: forms, organization: streamed.organization,
      warnings: streamed.warnings)
    do {
      if counting { _ = try StandardReport.make(parted) }
      _ = try parted.finishReading()
      return []
    } catch {
      // Each reading has its own directory: compare what follows the file name.
      return error.diagnostics.filter { $0.severity == .error }.map { "\($0.line ?? 0): \($0.found)" }
    }
  }

  func testBytesThatAreNotUTF8AreFoundWhereverTheyAre() throws {
    // A counting pass checks UTF-8 in the cells it parses or skips, not in whole chunks: the
    // error names the same byte, offset and line as a row-by-row reading.
    let clean = try repeatedExport(40)
    for (needle, occurrence) in [("事業", 1081), ("①共催", 511), ("市民部", 31)] {
      var bytes = clean
      let needleBytes = Array(needle.utf8)
      var found = 0
      var index = 0
      while index + needleBytes.count <= bytes.count {
        if Array(bytes[index..<(index + needleBytes.count)]) == needleBytes {
          found += 1
          if found == occurrence { break }
        }
        index += 1
      }
      XCTAssertEqual(found, occurrence, needle)
      bytes[index + 1] = 0xFF  // a broken lead byte's continuation
      let expected = try errors(bytes, counting: false)
      XCTAssertEqual(expected.count, 1, needle)
      XCTAssertTrue(expected.first?.contains("that no supported encoding reads") ?? false, needle)
      XCTAssertEqual(try errors(bytes, counting: true), expected, needle)
      XCTAssertEqual(try errors(bytes, counting: true, partBytes: 30_000), expected, needle)
    }
  }

  /// A stray quote in a later part (it joins records up to the next quote: ragged rows), or one
  /// never closed (it ends the pass there), gives the errors and lines of a row-by-row reading,
  /// whichever part it falls in.
  func testAStrayQuoteInALaterPartGivesTheErrorsOfARowByRowReading() throws {
    let clean = try repeatedExport(40)
    for fraction in [4, 9] {
      // A record start some way into the file, where a cell now opens a quote.
      var reader = TSVReader(utf8: clean, file: "a.tsv")
      while reader.offset < clean.count * fraction / 10, (try? reader.next()) != nil {}
      let start = reader.offset
      var stray = clean
      stray.insert(0x22, at: start)
      // The same, with every later quote an apostrophe: the quote runs to the end of the file.
      let neverClosed = Array(clean[..<start]) + [0x22] + clean[start...].map { $0 == 0x22 ? 0x27 : $0 }
      for (name, bytes) in [("stray", stray), ("never closed", neverClosed)] {
        let expected = try errors(bytes, counting: false)
        XCTAssertFalse(expected.isEmpty, "\(name) at \(fraction)/10")
        if name == "never closed" {
          XCTAssertEqual(expected.count, 1)
          XCTAssertTrue(expected.first?.contains("never closed") ?? false, "\(expected.prefix(3))")
        }
        // Compared whole, reported by their number and first lines: a stray quote makes thousands.
        for partBytes in [60_000, bytes.count / 2 + 1] {
          let found = try errors(bytes, counting: true, partBytes: partBytes)
          XCTAssertTrue(
            found == expected,
            "\(name) at \(fraction)/10 in parts of \(partBytes): \(found.count) errors \(found.prefix(2)), "
              + "\(expected.count) expected \(expected.prefix(2))")
        }
      }
    }
  }

  func testASmallExportIsCountedInOnePart() throws {
    let directory = try StreamingTests.bundledWith(a: try repeatedExport(2), in: self)
    let streamed = try Survey.load(directory: directory)
    _ = try StandardReport.make(streamed)
    XCTAssertEqual(streamed.data(for: "a")?.streamForCounting?.check.partsCounted, 1)
  }

  func testTheLogOfALaterPartIsAppendedWithItsLinesShifted() {
    var first = DiagnosticLog(limit: 3)
    first.append(Diagnostic(.warning, file: "a.tsv", line: 5, found: "x"))
    first.append(Diagnostic(.warning, file: "a.tsv", line: 9, found: "y"))
    var second = DiagnosticLog(limit: 3)
    for line in 1...3 { second.append(Diagnostic(.error, file: "a.tsv", line: line, found: "z")) }
    second.append(Diagnostic(.error, file: "a.tsv", line: 4, found: "z"))
    first.absorb(second, lineShift: 100)
    XCTAssertEqual(first.diagnostics.map(\.line), [5, 9, 101])
    XCTAssertEqual(first.omittedErrors, 3, "two over the limit here, one over it in the second part")
  }
}

/// The usual amount cells read from their bytes give what the amount parser gives.
final class PlainAmountReaderTests: XCTestCase {
  func testPlainAmountsAreReadAsTheParserReadsThem() throws {
    let survey = try Survey.load(directory: StreamingTests.data)
    let item = try XCTUnwrap(survey.codebook.allItems.first { $0.id == "a.7" })
    let reader = try XCTUnwrap(PlainAmountReader(item: item, units: survey.codebook.amountUnits))
    let location = CellLocation(file: "a.tsv", line: 2, item: item.displayName)
    let plain = [
      "①999千円", "①９９９千円", "①９，９９９千円", "①9,999千円", "①0千円", "①００７千円", "①,5千円", "①１２３，４５６，７８９千円",
      "①3万円", "①1500円",
    ]
    for cell in plain {
      var text = cell
      let read = text.withUTF8 { reader.read($0) }
      let parsed = CellParser.parse(cell, item: item, codebook: survey.codebook, at: location)
      XCTAssertTrue(parsed.diagnostics.isEmpty, cell)
      guard case .amount(let amount) = parsed.value else { return XCTFail(cell) }
      XCTAssertEqual(read?.code, amount.answer.code, cell)
      XCTAssertEqual(read?.yen, amount.yen, cell)
    }
    // Anything else is left to the parser: other codes, decimals, spaces, notes, typo units.
    for cell in ["②無し", "①１.５千円", "① 999千円", "①999 千円", "①999千円（見込）", "①３０千万", "①千円", "①", "①1234567890千円"] {
      var text = cell
      XCTAssertNil(text.withUTF8 { reader.read($0) }, cell)
    }
  }
}

/// Combinations of cells are counted, and handed back in the order first met, however they are
/// stored.
final class TupleCounterTests: XCTestCase {
  /// Counts rows given as ids (one per item of a three-item form) and returns what it hands back.
  func counted(_ rows: [[Int32]], items: [Int]) -> [[Int32]: Int] {
    var counter = TupleCounter(items: items)
    var order: [[Int32]] = []
    for row in rows { row.withUnsafeBufferPointer { counter.add($0) } }
    var result: [[Int32]: Int] = [:]
    counter.forEach { key, count in
      order.append(Array(key))
      result[Array(key)] = count
    }
    var firstMet: [[Int32]] = []
    for row in rows {
      let key = items.map { row[$0] }
      if !firstMet.contains(key) { firstMet.append(key) }
    }
    XCTAssertEqual(order, firstMet, "in the order first met")
    return result
  }

  func testPairsAreCountedAndHandedBackInTheOrderFirstMet() {
    let rows: [[Int32]] = [[0, 5, 1], [1, 5, 2], [0, 5, 1], [0, 7, 1], [1, 5, 2], [0, 5, 1]]
    XCTAssertEqual(counted(rows, items: [0, 1]), [[0, 5]: 3, [1, 5]: 2, [0, 7]: 1])
    XCTAssertEqual(counted(rows, items: [0, 1, 2]), [[0, 5, 1]: 3, [1, 5, 2]: 2, [0, 7, 1]: 1])
  }

  func testPairsWhoseFirstItemHasManyIdsAreStillCountedRight() {
    // 5,000 ids of the first item against 3 of the second.
    var rows: [[Int32]] = []
    for id in 0..<5_000 { rows.append([Int32(id), Int32(id % 3), 0]) }
    rows += rows.prefix(100)
    let counts = counted(rows, items: [0, 1])
    XCTAssertEqual(counts.count, 5_000)
    XCTAssertEqual(counts[[42, 0]], 2)
    XCTAssertEqual(counts[[4_999, 1]], 1)
    XCTAssertEqual(counts.values.reduce(0, +), 5_100)
  }
}
