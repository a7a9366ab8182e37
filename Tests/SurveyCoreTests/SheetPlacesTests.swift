import XCTest

@testable import SurveyCore

/// A text export's lines back to the rows of the sheet it was saved from: a record a row, the
/// header row 1, line breaks inside quoted cells not rows (worked out by hand from the bytes).
final class SheetPlacesTests: XCTestCase {
  private func places(_ text: String, separator: UInt8 = 0x09) throws -> SheetPlaces {
    try SheetPlaces.ofRecords(
      in: FileChunks(bytes: Array(text.utf8), file: "a.tsv", chunkSize: 3), separator: separator)
  }

  func testQuotedLineBreaksAreNoRows() throws {
    // Lines: 1 header; 2 row 2; 3–4 row 3 (a cell of two lines); 5 row 4 (CRLF); 6 row 5, blank.
    let text = "部\t課\n市民部\t経済課\n環境部\t\"一行目\n二行目\"\r\n福祉部\t\"a\"\"b\"\r\n\n"
    let map = try places(text)
    XCTAssertEqual([1, 2, 3, 5, 6].map(map.row(ofLine:)), [1, 2, 3, 4, 5])
    let warning = Diagnostic(.warning, file: "a.tsv", line: 5, column: 2, found: "x")
    XCTAssertEqual(map.annotated(warning).description, "a.tsv:5:2 (B4): warning: x")
    let rowProblem = Diagnostic(.error, file: "a.tsv", line: 3, found: "y")
    XCTAssertEqual(map.annotated(rowProblem).description, "a.tsv:3 (row 3): error: y")
    // Another file's diagnostic is left as it is.
    XCTAssertNil(map.annotated(Diagnostic(.error, file: "b.tsv", line: 3, found: "y")).cell)
  }

  func testAQuoteOpensAFieldOnlyAtItsStart() throws {
    // In TSV, `a"b` is text; the comma of CSV starts a field as a tab does.
    XCTAssertEqual(try places("x\ta\"b\ny\tz\n").row(ofLine: 2), 2)
    XCTAssertEqual(try places("x,\"1\n2\"\ny,z\n", separator: UInt8(ascii: ",")).row(ofLine: 3), 2)
    XCTAssertEqual(try places("x,\"1\n2\"\ny,z\n").row(ofLine: 3), 3)
  }

  func testPlacesOfACopyRewrittenAtItsTop() {
    // A sheet's copy whose row 3 has a cell of two lines (lines 3–4): row 4 is on line 5.
    var first = SheetPlaces(file: "調査.xlsx:Ａ調査票")
    for (line, row) in [(1, 1), (2, 2), (3, 3), (5, 4), (6, 5)] { first.record(line: line, row: row) }
    XCTAssertEqual([1, 2, 3, 4, 5].map(first.line(ofRow:)), [1, 2, 3, 5, 6])
    // Rows 1 and 2 written again, row 2 now of two lines (a merged range gave it the text of
    // two lines): row 3 starts on line 4, and the rest of the first copy follows a line later.
    var top = SheetPlaces(file: "調査.xlsx:Ａ調査票")
    top.record(line: 1, row: 1)
    top.record(line: 2, row: 2)
    first.rewrite(before: first.line(ofRow: 3), as: top, movedBy: 4 - 3)
    XCTAssertEqual([1, 2, 4, 6, 7].map(first.row(ofLine:)), [1, 2, 3, 4, 5])
  }
}
