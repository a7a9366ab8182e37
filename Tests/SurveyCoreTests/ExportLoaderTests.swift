import XCTest
@testable import SurveyCore

/// ExportLoader maps an export's header to the form's items, fills merged 部/課 cells down, parses
/// every cell, and reports every error of the file at once with its line (and column).
final class ExportLoaderTests: XCTestCase {
  private let form = Form(
    id: "a", title: "Ａ調査票", file: "a.tsv", rowNoun: "project",
    items: [
      Item(id: "a.department", number: "部", title: "部", kind: .department, header: "部", fillsDown: true),
      Item(id: "a.section", number: "課", title: "課", kind: .section, header: "課", fillsDown: true),
      Item(id: "a.number", number: "番号", title: "番号", kind: .identifier, header: "番号"),
      Item(
        id: "a.4", number: "４", title: "形態", kind: .multiple, header: "４形態",
        options: [
          Option(code: 1, label: "共催"), Option(code: 2, label: "実行委員会"), Option(code: 3, label: "委託"),
          Option(code: 4, label: "補助"), Option(code: 8, label: "その他", role: .other),
        ]),
      Item(
        id: "a.7", number: "７", title: "市の予算", kind: .amount, header: "７市の予算",
        options: [
          Option(code: 1, label: "金額", role: .figure), Option(code: 2, label: "無し", role: .none),
          Option(code: 3, label: "算定不能", role: .uncomputable),
        ]),
    ])

  private var codebook: Codebook {
    Codebook(forms: [form], nonAnswers: ["記入なし"], amountUnits: [AmountUnit(suffix: "千円", yen: 1000)])
  }

  private let header = "部\t課\t番号\t４形態\t７市の予算"

  private func load(_ lines: [String], separator: String = "\n") throws -> (
    data: FormData, warnings: [Diagnostic]
  ) {
    try ExportLoader.load(
      form, utf8: Array(lines.joined(separator: separator).utf8), encoding: .utf8, file: "a.tsv",
      codebook: codebook)
  }

  private func errors(_ lines: [String]) throws -> [Diagnostic] {
    do throws(SurveyError) {
      let (data, _) = try ExportLoader.load(
        form, utf8: Array(lines.joined(separator: "\n").utf8), encoding: .utf8, file: "a.tsv",
        codebook: codebook)
      XCTFail("expected errors, loaded \(data.rows.count) rows")
      return []
    } catch {
      return error.diagnostics.filter { $0.severity == .error }
    }
  }

  private func texts(_ data: FormData, _ kind: ItemKind) -> [String] {
    data.rows.map { data.text(of: kind, in: $0) }
  }

  func testCellsAreReadIntoTypedValuesInItemOrder() throws {
    let (data, warnings) = try load([
      "番号\t４形態\t部\t７市の予算\t課",
      "1\t\"①共催（懇親会）\n④補助\"\t企画財政部\t①１，１８０千円\t企画政策課",
    ])
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(data.file, "a.tsv")
    XCTAssertEqual(data.encoding, .utf8)
    let row = try XCTUnwrap(data.rows.first)
    XCTAssertEqual(data.rows.count, 1)
    XCTAssertEqual(row.line, 2)
    XCTAssertEqual(row.values.count, 5)
    XCTAssertEqual(row.values[0], .text("企画財政部"))
    XCTAssertEqual(row.values[1], .text("企画政策課"))
    XCTAssertEqual(row.values[2], .text("1"))
    XCTAssertEqual(
      row.values[3], .codes([CodedAnswer(code: 1, text: "共催（懇親会）"), CodedAnswer(code: 4, text: "補助")]))
    XCTAssertEqual(
      row.values[4],
      .amount(Amount(answer: CodedAnswer(code: 1, text: "１，１８０千円"), status: .given(yen: 1_180_000))))
  }

  func testHeaderCellsMayNameAnItemByIdOrByNumberAndTitleInAnyWidth() throws {
    let (data, warnings) = try load([
      "a.department\t 課 \t番号\t４ 形態\t７市の予算",
      "企画財政部\t企画政策課\t1\t③委託\t②無し",
    ])
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(data.rows.first?.values[3].codes, [3])
  }

  func testRowsStartAtTheLineOfTheirFirstPhysicalLine() throws {
    let (data, _) = try load([
      header,
      "企画財政部\t企画政策課\t1\t\"①共催\n③委託\n④補助\"\t②無し",
      "\t\t2\t③委託\t②無し",
    ])
    XCTAssertEqual(data.rows.map(\.line), [2, 5])
  }

  func testCRLFExportsReadTheSame() throws {
    let (data, warnings) = try load(
      [header, "企画財政部\t企画政策課\t1\t\"①共催\r\n③委託\"\t②無し", "\t\t2\t③委託\t②無し", ""], separator: "\r\n")
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(data.rows.map(\.line), [2, 4])
    XCTAssertEqual(data.rows.first?.values[3].codes, [1, 3])
  }

  func testMergedDepartmentAndSectionCellsFillDown() throws {
    let (data, warnings) = try load([
      header,
      "企画財政部\t企画政策課\t1\t③委託\t②無し",
      "\t\t2\t①共催\t②無し",
      "\t財政課\t3\t④補助\t②無し",
      "\t\t4\t④補助\t②無し",
      "総務部\t総務課\t5\t①共催\t②無し",
      "総務部\t\t6\t①共催\t②無し",
    ])
    XCTAssertEqual(warnings, [])
    XCTAssertEqual(texts(data, .department), ["企画財政部", "企画財政部", "企画財政部", "企画財政部", "総務部", "総務部"])
    XCTAssertEqual(texts(data, .section), ["企画政策課", "企画政策課", "財政課", "財政課", "総務課", "総務課"])
    XCTAssertEqual(texts(data, .identifier), ["1", "2", "3", "4", "5", "6"])
  }

  func testABlankSectionUnderANewDepartmentIsAnError() throws {
    let diagnostics = try errors([
      header,
      "企画財政部\t企画政策課\t1\t③委託\t②無し",
      "総務部\t\t2\t①共催\t②無し",
    ])
    XCTAssertEqual(diagnostics.count, 1)
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostic.file, "a.tsv")
    XCTAssertEqual(diagnostic.line, 3)
    XCTAssertEqual(diagnostic.column, 2)
    XCTAssertEqual(diagnostic.item, "a.section 課")
    XCTAssertEqual(diagnostic.found, "a blank 課 on a row that starts a new 部")
    XCTAssertEqual(diagnostic.expected, "the 課 of the row")
  }

  func testABlankDepartmentOnTheFirstRowIsAnError() throws {
    let diagnostics = try errors([header, "\t企画政策課\t1\t③委託\t②無し"])
    XCTAssertEqual(diagnostics.map(\.found), ["a blank 部 with no row above to inherit it from"])
    XCTAssertEqual(diagnostics.map(\.line), [2])
    XCTAssertEqual(diagnostics.map(\.column), [1])
  }

  func testARaggedRowIsAnErrorWithItsLine() throws {
    let diagnostics = try errors([
      header,
      "企画財政部\t企画政策課\t1\t③委託\t②無し",
      "\t\t2\t①共催",
      "\t\t3\t①共催\t②無し",
      "\t\t4\t①共催\t②無し\t余分",
    ])
    XCTAssertEqual(diagnostics.map(\.line), [3, 5])
    XCTAssertEqual(
      diagnostics.map(\.found), ["a row of 4 fields (a ragged row)", "a row of 6 fields (a ragged row)"])
    XCTAssertEqual(diagnostics.map(\.expected), ["5 fields, as in the header", "5 fields, as in the header"])
  }

  /// Regression: half a million ragged rows used to keep half a million diagnostics in memory.
  func testProblemsBeyondTheLimitAreCountedInOneLastDiagnostic() throws {
    let rows = Array(repeating: "x", count: DiagnosticLog.defaultLimit + 5)
    let found = try errors([header] + rows)
    XCTAssertEqual(found.count, DiagnosticLog.defaultLimit + 1)
    XCTAssertEqual(found.last?.found, "5 more problems not listed (5 errors, 0 warnings)")
    XCTAssertEqual(found.last?.severity, .error)
  }

  func testAnUnclosedQuoteIsAnErrorAtTheLineWhereTheQuoteOpens() throws {
    let diagnostics = try errors([
      header,
      "企画財政部\t企画政策課\t1\t③委託\t②無し",
      "\t\t2\t\"①共催\t②無し",
      "\t\t3\t①共催\t②無し",
    ])
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(diagnostics.first?.line, 3)
    XCTAssertEqual(diagnostics.first?.file, "a.tsv")
    XCTAssertEqual(
      diagnostics.first?.found, "a quoted field that is never closed (it runs to the end of the file)")
  }

  func testAnUnknownCodeIsAnErrorAtItsCell() throws {
    let diagnostics = try errors([
      header,
      "企画財政部\t企画政策課\t1\t③委託\t②無し",
      "\t\t2\t\"①共催\n⑨協定\"\t②無し",
    ])
    XCTAssertEqual(diagnostics.count, 1)
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostic.line, 3)
    XCTAssertEqual(diagnostic.column, 4)
    XCTAssertEqual(diagnostic.item, "a.4 ４ 形態")
    XCTAssertEqual(diagnostic.found, "unknown code ⑨ in '協定'")
    XCTAssertEqual(
      diagnostic.description,
      "a.tsv:3:4: error: a.4 ４ 形態: unknown code ⑨ in '協定'; expected one of ①共催 ②実行委員会 ③委託 ④補助 ⑧その他")
  }

  func testALabelThatContradictsItsCodeIsAWarningAndTheRowIsKept() throws {
    let (data, warnings) = try load([
      header,
      "企画財政部\t企画政策課\t1\t③補助\t②無し",
    ])
    XCTAssertEqual(data.rows.first?.values[3].codes, [3])
    XCTAssertEqual(warnings.count, 1)
    let warning = try XCTUnwrap(warnings.first)
    XCTAssertEqual(warning.severity, .warning)
    XCTAssertEqual(warning.line, 2)
    XCTAssertEqual(warning.column, 4)
    XCTAssertEqual(warning.found, "③補助: the label does not match code ③委託")
  }

  func testAMissingColumnIsAnError() throws {
    let diagnostics = try errors(["部\t課\t番号\t４形態", "企画財政部\t企画政策課\t1\t③委託"])
    XCTAssertEqual(diagnostics.count, 1)
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostic.line, 1)
    XCTAssertEqual(diagnostic.item, "a.7 ７ 市の予算")
    XCTAssertEqual(diagnostic.found, "no column for this item")
    XCTAssertEqual(diagnostic.expected, "a header cell '７市の予算'")
  }

  func testAHeaderNamingNoItemIsOneError() throws {
    // A CSV header read as TSV is one cell; neither it nor its comma-separated cells name an item.
    let diagnostics = try errors(["x,y,z", "1,2,3"])
    XCTAssertEqual(diagnostics.map(\.line), [1])
    XCTAssertEqual(
      diagnostics.first?.found,
      "a header naming none of the Ａ調査票 items, read as tab-separated (1 cells) or comma-separated (3 cells)")
  }

  func testAColumnTheCodebookDoesNotDescribeIsAWarningAndIgnored() throws {
    let (data, warnings) = try load([header + "\t備考", "企画財政部\t企画政策課\t1\t③委託\t②無し\tメモ"])
    XCTAssertEqual(data.rows.first?.values.count, 5)
    XCTAssertEqual(warnings.map(\.severity), [.warning])
    XCTAssertEqual(warnings.map(\.column), [6])
    XCTAssertEqual(
      warnings.map(\.found), ["a column '備考' that the codebook does not describe; it is ignored"])
  }

  /// Bytes that are not text are an error in a column the codebook does not describe too, past the
  /// chunk where the file first shows UTF-8 (the chunks then leave UTF-8 to the reader): as reading
  /// the file whole says, naming the FF's place in the bytes.
  func testBytesThatAreNotTextInAnIgnoredColumnAreAnError() throws {
    let text = [
      header + "\t備考",
      "企画財政部\t企画政策課\t1\t①共催\t②無し\tメモ",
      "\t\t2\t①共催\t②無し\tx",
    ].joined(separator: "\n")
    var bytes = Array(text.utf8)
    bytes.insert(0xFF, at: bytes.count - 1)
    let offset = bytes.count - 2
    for chunkSize in [16, FileChunks.defaultChunkSize] {
      do throws(SurveyError) {
        _ = try ExportLoader.load(
          form, from: FileChunks(bytes: bytes, file: "a.tsv", chunkSize: chunkSize), codebook: codebook)
        XCTFail("chunks of \(chunkSize): expected an error")
      } catch {
        XCTAssertEqual(
          error.diagnostics.filter { $0.severity == .error }.map(\.description),
          [
            "a.tsv:3: error: bytes FF 78 at byte offset \(offset) that no supported encoding reads; "
              + "expected UTF-8, as the text before them is"
          ],
          "chunks of \(chunkSize)")
      }
    }
  }

  func testAColumnGivenTwiceIsAnError() throws {
    let diagnostics = try errors([header + "\t４形態", "企画財政部\t企画政策課\t1\t③委託\t②無し\t①共催"])
    XCTAssertEqual(diagnostics.map(\.found), ["a second column for this item"])
    XCTAssertEqual(diagnostics.map(\.column), [6])
  }

  func testAnEmptyFileIsAnError() throws {
    let diagnostics = try errors([""])
    XCTAssertEqual(diagnostics.map(\.found), ["an empty file"])
    XCTAssertEqual(diagnostics.map(\.line), [1])
  }

  func testEveryErrorOfTheFileIsReportedTogether() throws {
    let diagnostics = try errors([
      header,
      "企画財政部\t企画政策課\t1\t③委託\t②無し",
      "\t\t2\t③委託",
      "\t\t3\t⑨協定\t②無し",
      "総務部\t\t4\t①共催\t②無し",
    ])
    XCTAssertEqual(diagnostics.map(\.line), [3, 4, 5])
    XCTAssertEqual(
      diagnostics.map(\.found),
      [
        "a row of 4 fields (a ragged row)", "unknown code ⑨ in '協定'",
        "a blank 課 on a row that starts a new 部",
      ])
  }

  func testARaggedFirstRowStillGivesItsDepartmentToTheRowsBelow() throws {
    let diagnostics = try errors([
      header,
      "企画財政部\t企画政策課\t1\t③委託",
      "\t\t2\t①共催\t②無し",
    ])
    XCTAssertEqual(diagnostics.map(\.line), [2])
    XCTAssertEqual(diagnostics.map(\.found), ["a row of 4 fields (a ragged row)"])
  }
}
