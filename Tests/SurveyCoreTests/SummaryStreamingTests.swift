import Foundation
import XCTest

@testable import SurveyCore

/// A summary document written as its rows are read (`SummaryDocument.outline`, then
/// `SummaryFormat.write`) is the document made with every row held (`SummaryDocument.make`, then
/// `render`), byte for byte: the expected texts are the held documents' own, which the rest of the
/// suite checks.
final class SummaryStreamingTests: XCTestCase, BundledSurveyTesting {
  /// The document in every format, written a piece at a time.
  private func written(_ document: SummaryDocument) -> [String] {
    SummaryFormat.allCases.map { format in
      var text = ""
      var pieces = 0
      format.write(document) { piece in
        text += piece
        pieces += 1
      }
      XCTAssertGreaterThan(pieces, 0)
      return text
    }
  }

  private func rendered(_ document: SummaryDocument) -> [String] {
    SummaryFormat.allCases.map { $0.render(document) }
  }

  func testTheBinderIsTheSameWrittenAsItsRowsAreRead() throws {
    let survey = try survey()
    let census = try SummaryCensus(survey)
    let questions = try HearingQuestions.load(
      named: survey.codebook.hearingFile,
      besideCodebook: Self.dataDirectory.appendingPathComponent("codebook.tsv"))
    let targets = SummaryTarget.departments(in: survey, census: census)
    XCTAssertEqual(targets, SummaryTarget.departments(in: survey))
    let held = try SummaryDocument.make(targets, in: survey, questions: questions)
    let outline = try SummaryDocument.outline(targets, in: survey, census: census, questions: questions)
    XCTAssertEqual(outline.warnings.map(\.description), held.warnings.map(\.description))
    XCTAssertTrue(
      outline.value.summaries.allSatisfy { $0.forms.allSatisfy(\.entries.isEmpty) }, "no row held")
    XCTAssertEqual(
      outline.value.summaries.map { $0.forms.map(\.count) },
      held.value.summaries.map { $0.forms.map(\.entries.count) })
    XCTAssertEqual(written(outline.value), rendered(held.value))
    XCTAssertEqual(written(held.value), rendered(held.value), "a held document writes the same too")
  }

  /// Every target (sections, bracketed units and teams too), with the rows of each read on another
  /// thread while they are written.
  func testEveryTargetIsTheSameWithItsRowsReadOnAnotherThread() throws {
    let survey = try survey()
    let targets = SummaryTarget.all(in: survey)
    XCTAssertEqual(targets, SummaryTarget.all(in: survey, census: try SummaryCensus(survey)))
    let questions = HearingQuestions(questions: [])
    let held = try SummaryDocument.make(targets, in: survey, questions: questions).value
    var outline = try SummaryDocument.outline(targets, in: survey, questions: questions).value
    outline.rowsWorthAThread = 1
    XCTAssertEqual(written(outline), rendered(held))
  }

  /// A target with many rows: the bundled Ａ調査票 forty times over (2,800 rows, 320 of 環境部),
  /// read on another thread in batches while they are written.
  func testATargetWithManyRows() throws {
    let url = Self.dataDirectory.appendingPathComponent("a.tsv")
    let bytes = try Survey.readFile(url)
    let headerEnd = try XCTUnwrap(bytes.firstIndex(of: UInt8(ascii: "\n")))
    var repeated = Array(bytes[...headerEnd])
    for _ in 0..<40 { repeated += bytes[(headerEnd + 1)...] }
    let survey = try Survey.load(
      directory: Self.dataDirectory, given: ["a": ExportSource(bytes: repeated, file: "a.tsv")])
    let target = try TargetResolution.resolve("環境部", in: survey).target
    let questions = HearingQuestions(questions: [])
    let held = try SummaryDocument.make([target], in: survey, questions: questions).value
    var outline = try SummaryDocument.outline([target], in: survey, questions: questions).value
    outline.rowsWorthAThread = 100
    let rows = try XCTUnwrap(held.summaries[0].forms.first { $0.form.id == "a" }).entries.count
    XCTAssertEqual(rows, 40 * (try UnitSummary.make(target, in: try self.survey()).forms[0].entries.count))
    XCTAssertGreaterThan(rows, 256, "more rows than a batch")
    XCTAssertEqual(written(outline), rendered(held))
  }

  /// A write that fails stops the reading thread and is thrown, once.
  func testAFailedWriteStopsTheReading() throws {
    struct Full: Error {}
    let survey = try survey()
    let target = try TargetResolution.resolve("環境部", in: survey).target
    var outline = try SummaryDocument.outline(
      [target], in: survey, questions: HearingQuestions(questions: [])
    )
    .value
    outline.rowsWorthAThread = 1
    var calls = 0
    XCTAssertThrowsError(
      try SummaryTextRenderer().write(outline) { (_: String) throws(Full) in
        calls += 1
        throw Full()
      }
    ) { XCTAssertTrue($0 is Full) }
    XCTAssertEqual(calls, 1)
  }

  /// A streamed export's rows kept by their 部, 課 and 係 cells alone are the rows a whole reading
  /// keeps: a team is told by its 係, its unit by the 部 and 課 filled down.
  func testRowsKeptByTheirHierarchyCellsAreTheRowsAWholeReadingKeeps() throws {
    let survey = try survey()
    let data = try XCTUnwrap(survey.data(for: "a"))
    _ = data.checked()
    for name in ["緑と公園係", "環境部", "（スポーツ振興担当）", "市民部"] {
      let target = try TargetResolution.resolve(name, in: survey).target
      let keeps: (Row) -> Bool = { UnitSummary.lists($0, of: data, for: target, in: survey) }
      var filtered: [String] = []
      data.forEachRow(reading: UnitSummary.hierarchyItems(of: data, in: survey), keeping: keeps) { row in
        filtered.append(data.text(of: .identifier, in: row))
      }
      let whole = data.rows.filter(keeps).map { data.text(of: .identifier, in: $0) }
      XCTAssertEqual(filtered, whole, name)
      XCTAssertFalse(whole.isEmpty, name)
    }
  }

  func testATextIsDecodedLineByLine() {
    XCTAssertEqual(DecodedAnswer.lines(of: "団体数　３団体  "), ["団体数　３団体"])
    XCTAssertEqual(DecodedAnswer.lines(of: "一行目 \r\n\n二行目\u{2028}三行目"), ["一行目", "二行目", "三行目"])
    XCTAssertEqual(DecodedAnswer.lines(of: "   "), [])
    XCTAssertEqual(DecodedAnswer.lines(of: ""), [])
  }
}
