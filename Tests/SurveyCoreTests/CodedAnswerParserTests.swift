import XCTest
@testable import SurveyCore

/// CodedAnswerParser reads coded cells as respondents wrote them: one answer per line or per
/// circled number, truncated and varied labels, notes in brackets (closed or not), codes written
/// without their circled number, unknown codes.
final class CodedAnswerParserTests: XCTestCase {
  private let location = CellLocation(file: "a.tsv", line: 7, column: 9, item: "a.3 ３相手")

  private let activity = Item(
    id: "a.2.2a", number: "２（２）ア", title: "分類（ア）", kind: .multiple, header: "２（２）分類（ア）",
    options: [
      Option(code: 1, label: "講座"), Option(code: 2, label: "イベント"), Option(code: 3, label: "広報"),
      Option(code: 10, label: "その他", role: .other),
    ])

  private let partner = Item(
    id: "a.3", number: "３", title: "相手", kind: .multiple, header: "３相手",
    options: [
      Option(code: 1, label: "社会福祉法人等", variants: ["社福"]),
      Option(code: 2, label: "NPO法人", variants: ["NP法人"]),
      Option(code: 3, label: "市民団体"),
      Option(code: 11, label: "その他", role: .other),
    ])

  private let form = Item(
    id: "a.4", number: "４", title: "形態", kind: .multiple, header: "４形態",
    options: [
      Option(code: 1, label: "共催"), Option(code: 2, label: "実行委員会"), Option(code: 3, label: "委託"),
      Option(code: 4, label: "補助"), Option(code: 5, label: "指定管理", variants: ["指管"]),
      Option(code: 6, label: "後援"), Option(code: 7, label: "アダプト"),
      Option(code: 8, label: "その他", role: .other),
    ])

  private let issues = Item(
    id: "a.16", number: "１６", title: "課題", kind: .multiple, header: "１６課題",
    options: [
      Option(code: 5, label: ""), Option(code: 9, label: "内容ー予算制約"), Option(code: 10, label: "成果ー予算制約"),
      Option(code: 12, label: "特に無し", variants: ["特になし"]),
    ])

  private let status = Item(
    id: "overall.2", number: "設問２", title: "実施状況", kind: .single, header: "設問２（実施状況）",
    options: [
      Option(code: 1, label: "現在実施"), Option(code: 2, label: "現在＋将来"), Option(code: 3, label: "将来実施"),
      Option(code: 4, label: "所掌なし"), Option(code: 5, label: "その他", role: .other),
    ])

  private let plan = Item(
    id: "b.2", number: "２", title: "計画記載等", kind: .single, header: "２　計画記載等",
    options: [Option(code: 1, label: "計画に記載", role: .text), Option(code: 2, label: "記載なし")])

  private func parse(_ cell: String, _ item: Item) -> (answers: [CodedAnswer], diagnostics: [Diagnostic]) {
    CodedAnswerParser.parse(cell, item: item, at: location)
  }

  func testEachLineOfAMultiLineCellIsOneAnswerAndTruncatedLabelsAgree() {
    let (answers, diagnostics) = parse("①講座\n②イベン\n③広報", activity)
    XCTAssertEqual(
      answers,
      [CodedAnswer(code: 1, text: "講座"), CodedAnswer(code: 2, text: "イベン"), CodedAnswer(code: 3, text: "広報")])
    XCTAssertEqual(diagnostics, [])
  }

  func testCRLFAndBlankLinesInsideACellAreLineBreaks() {
    let (answers, diagnostics) = parse("①講座\r\n\r\n  ③広報  \r", activity)
    XCTAssertEqual(answers, [CodedAnswer(code: 1, text: "講座"), CodedAnswer(code: 3, text: "広報")])
    XCTAssertEqual(diagnostics, [])
  }

  func testAKnownVariantAgreesInAnyWidthOrCase() {
    for cell in ["②ＮＰ法人", "②NP法人", "②ｎｐ法人", "②NPO法人", "②ＮＰＯ法人"] {
      let (answers, diagnostics) = parse(cell, partner)
      XCTAssertEqual(answers.map(\.code), [2], cell)
      XCTAssertEqual(diagnostics, [], cell)
    }
  }

  func testALabelThatContradictsItsCodeIsAWarning() throws {
    let (answers, diagnostics) = parse("①共催\n③補助", form)
    XCTAssertEqual(answers.map(\.code), [1, 3])
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(diagnostic.severity, .warning)
    XCTAssertEqual(diagnostic.found, "③補助: the label does not match code ③委託")
    XCTAssertEqual(diagnostic.expected, "a label of ③委託")
    XCTAssertEqual(diagnostic.file, "a.tsv")
    XCTAssertEqual(diagnostic.line, 7)
    XCTAssertEqual(diagnostic.column, 9)
  }

  func testWithoutTheVariantNPHoujinContradictsNPOHoujin() {
    let strict = Item(
      id: "a.3", number: "３", title: "相手", kind: .multiple, header: "３相手",
      options: [Option(code: 2, label: "NPO法人")])
    let (answers, diagnostics) = parse("②ＮＰ法人", strict)
    XCTAssertEqual(answers.map(\.code), [2])
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.map(\.found), ["②ＮＰ法人: the label does not match code ②NPO法人"])
  }

  func testOtherKeepsItsNoteInBrackets() throws {
    let (answers, diagnostics) = parse("⑪その他（小金井三宅島友好協会）", partner)
    let answer = try XCTUnwrap(answers.first)
    XCTAssertEqual(answers.count, 1)
    XCTAssertEqual(answer.code, 11)
    XCTAssertEqual(answer.writtenLabel, "その他")
    XCTAssertEqual(answer.note(for: partner.option(code: 11)), "小金井三宅島友好協会")
    XCTAssertEqual(diagnostics, [])
  }

  func testABracketThatNeverClosesStillGivesItsNote() throws {
    let (answers, diagnostics) = parse("⑪その他（小金井三宅島友好協会", partner)
    let answer = try XCTUnwrap(answers.first)
    XCTAssertEqual(answer.code, 11)
    XCTAssertEqual(answer.writtenLabel, "その他")
    XCTAssertEqual(answer.note(for: nil), "小金井三宅島友好協会")
    XCTAssertEqual(diagnostics, [])
  }

  func testTextRightAfterTheOtherLabelIsItsNote() {
    let answer = CodedAnswer(code: 11, text: "その他小金井三宅島友好協会")
    XCTAssertEqual(answer.note(for: partner.option(code: 11)), "小金井三宅島友好協会")
    XCTAssertNil(answer.note(for: nil))
    XCTAssertNil(CodedAnswer(code: 11, text: "その他").note(for: partner.option(code: 11)))
  }

  func testACodeWrittenWithoutItsCircledNumberIsRecognizedByItsLabelWithAWarning() throws {
    let (answers, diagnostics) = parse("成果―予算制約", issues)
    XCTAssertEqual(answers, [CodedAnswer(code: 10, text: "成果―予算制約", codeInferred: true)])
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(diagnostic.severity, .warning)
    XCTAssertEqual(diagnostic.found, "'成果―予算制約' without its code, read as ⑩成果ー予算制約")
    XCTAssertEqual(diagnostic.expected, "a circled-number code")
  }

  func testEveryDashStyleNamesTheSameOption() {
    for cell in ["成果ー予算制約", "成果-予算制約", "成果－予算制約", "成果—予算制約", "内容―予算制約"] {
      let (answers, _) = parse(cell, issues)
      XCTAssertEqual(answers.map(\.code), [cell.hasPrefix("内容") ? 9 : 10], cell)
      XCTAssertEqual(answers.map(\.codeInferred), [true], cell)
    }
  }

  func testCircledNumbersInsideBracketsBelongToTheNote() throws {
    let cell = "⑧（実行委員会については③、補助金については④、共催については①）"
    let (answers, diagnostics) = parse(cell, form)
    let answer = try XCTUnwrap(answers.first)
    XCTAssertEqual(answers.count, 1)
    XCTAssertEqual(answer.code, 8)
    XCTAssertEqual(answer.note(for: form.option(code: 8)), "実行委員会については③、補助金については④、共催については①")
    XCTAssertEqual(diagnostics, [])
  }

  func testEachCircledNumberOutsideBracketsStartsAnAnswer() {
    let (answers, diagnostics) = parse("①共催（懇親会）④補助（三宅の旅）", form)
    XCTAssertEqual(answers.map(\.code), [1, 4])
    XCTAssertEqual(answers.map { $0.note(for: nil) }, ["懇親会", "三宅の旅"])
    XCTAssertEqual(answers.map(\.writtenLabel), ["共催", "補助"])
    XCTAssertEqual(diagnostics, [])
  }

  func testASpaceAfterTheCodeIsIgnored() {
    let (answers, diagnostics) = parse("④ 所掌なし", status)
    XCTAssertEqual(answers, [CodedAnswer(code: 4, text: "所掌なし")])
    XCTAssertEqual(diagnostics, [])
  }

  func testAnUnknownCodeIsAnError() throws {
    let (answers, diagnostics) = parse("①共催\n⑨協定", form)
    XCTAssertEqual(answers.map(\.code), [1, 9])
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostics.count, 1)
    XCTAssertEqual(diagnostic.severity, .error)
    XCTAssertEqual(diagnostic.found, "unknown code ⑨ in '協定'")
    XCTAssertEqual(diagnostic.expected, "one of ①共催 ②実行委員会 ③委託 ④補助 ⑤指定管理 ⑥後援 ⑦アダプト ⑧その他")
  }

  func testALineWithoutACodeAfterAnAnswerContinuesIt() {
    let (answers, diagnostics) = parse("⑪その他\n公募市民", partner)
    XCTAssertEqual(answers, [CodedAnswer(code: 11, text: "その他\n公募市民")])
    XCTAssertEqual(diagnostics, [])
  }

  func testTextThatIsNeitherACodeNorALabelIsAnError() {
    let (answers, diagnostics) = parse("よくわからない", form)
    XCTAssertEqual(answers, [])
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
    XCTAssertEqual(diagnostics.map(\.found), ["'よくわからない', which is neither a code nor a label of this item"])
  }

  func testUncodedTextIsReadAsTheOnlyTextOptionWithAWarning() {
    let (answers, diagnostics) = parse("第３次基本構想（p.12）", plan)
    XCTAssertEqual(answers, [CodedAnswer(code: 1, text: "第３次基本構想（p.12）", codeInferred: true)])
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.map(\.found), ["'第３次基本構想（p.12）' without its code, read as ①計画に記載"])
  }

  func testAnOptionWhoseWordingIsUnknownAcceptsAnyLabel() {
    let (answers, diagnostics) = parse("⑤何でも書いてある", issues)
    XCTAssertEqual(answers.map(\.code), [5])
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(issues.option(code: 5)?.display, "⑤（文言不明）")
  }

}

/// Codes as offices type them (issue 11): plain numbers, several on a line, look-alikes of the
/// circled numbers. The expected codes are those the respondent meant, read by hand.
extension CodedAnswerParserTests {
  private func codes(_ cell: String, _ item: Item? = nil) -> [Int] {
    CodedAnswerParser.parse(cell, item: item ?? form, at: location).answers.map(\.code)
  }

  func testPlainNumbersAreCodes() {
    XCTAssertEqual(codes("1"), [1])
    XCTAssertEqual(codes("１"), [1])
    XCTAssertEqual(codes("2)"), [2])
    XCTAssertEqual(codes("（３）"), [3])
    let (answers, diagnostics) = CodedAnswerParser.parse("(4)補助", item: form, at: location)
    XCTAssertEqual(answers, [CodedAnswer(code: 4, text: "補助")])
    XCTAssertEqual(diagnostics, [])
  }

  func testANumberBeforeItsLabelIsACode() {
    let partnerWithNeighbours = Item(
      id: "x.3", number: "３", title: "相手", kind: .multiple, header: "相手",
      options: [Option(code: 1, label: "自治会"), Option(code: 2, label: "NPO")])
    XCTAssertEqual(codes("1.自治会", partnerWithNeighbours), [1])
    XCTAssertEqual(codes("１．自治会\n2 NPO", partnerWithNeighbours), [1, 2])
    XCTAssertEqual(codes("５指定管理"), [5])
  }

  func testSeveralCodesOnOneLine() {
    XCTAssertEqual(codes("1,3"), [1, 3])
    XCTAssertEqual(codes("１、３"), [1, 3])
    XCTAssertEqual(codes("1・3／4"), [1, 3, 4])
    XCTAssertEqual(codes("1 3"), [1, 3])
    let (answers, diagnostics) = CodedAnswerParser.parse("①、③", item: form, at: location)
    XCTAssertEqual(answers, [CodedAnswer(code: 1, text: ""), CodedAnswer(code: 3, text: "")])
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(codes("①共催・③委託"), [1, 3])
  }

  func testALookalikeOfACircledNumberIsItsCodeWithAWarning() {
    let (answers, diagnostics) = CodedAnswerParser.parse("①共催\n❺指定管理", item: form, at: location)
    XCTAssertEqual(answers.map(\.code), [1, 5])
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.first?.found, "'❺指定管理': ❺ read as ⑤")
  }

  func testACircledNumberBeyondTwentyIsAnUnknownCode() {
    let (answers, diagnostics) = CodedAnswerParser.parse("①共催\n㉑その他", item: form, at: location)
    XCTAssertEqual(answers.map(\.code), [1, 21])
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
  }

  func testALineThatOpensLikeACodeButIsNoneIsAWarningNotSilentText() {
    // 形態 has no ⑨: `９調査` continues ① but is reported.
    let (answers, diagnostics) = CodedAnswerParser.parse("①共催\n９調査", item: form, at: location)
    XCTAssertEqual(answers, [CodedAnswer(code: 1, text: "共催\n９調査")])
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(
      diagnostics.first?.found,
      "a line '９調査' that opens like a code but is none of this item's; read as text of ①")
    // A marked number beyond the options is a code, unknown: an error.
    XCTAssertEqual(
      CodedAnswerParser.parse("９．", item: form, at: location).diagnostics.map(\.severity), [.error])
  }

  func testANumberedListInsideTheTextOfATextCodeStaysText() {
    let plan = Item(
      id: "c.4", number: "４", title: "計画等", kind: .single, header: "計画等",
      options: [Option(code: 1, label: "計画に記載", role: .text), Option(code: 2, label: "記載なし")])
    // The bundled c.tsv writes its plans as a numbered list: the list numbers are not codes.
    let (answers, diagnostics) = CodedAnswerParser.parse("１）　基本計画５６頁\n２）　ＩＴ戦略構想９頁", item: plan, at: location)
    XCTAssertEqual(answers.map(\.code), [1])
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.first?.found, "'１）　基本計画５６頁' without its code, read as ①計画に記載")
  }

  func testAYearIsNotAPlainCode() {
    XCTAssertNil(PlainNumberCode.list(in: "2010"))
    XCTAssertNil(PlainNumberCode.leading("1.5千円", item: form))
  }
}

/// A continuation line that opens with a year is not mistaken for a code.
extension CodedAnswerParserTests {
  func testAContinuationOpeningWithAYearIsPlainText() {
    let (answers, diagnostics) = CodedAnswerParser.parse("①共催\n2010年から", item: form, at: location)
    XCTAssertEqual(answers, [CodedAnswer(code: 1, text: "共催\n2010年から")])
    XCTAssertEqual(diagnostics, [])
    XCTAssertTrue(PlainNumberCode.looksLikeCode("(12)団体"))
    XCTAssertFalse(PlainNumberCode.looksLikeCode("(123)団体"))
  }
}
