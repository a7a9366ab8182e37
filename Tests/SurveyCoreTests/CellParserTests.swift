import XCTest
@testable import SurveyCore

/// A cell that says only "no answer" (記入なし, 特になし …) counts as not answered; CellParser reads
/// every other cell according to its item's kind.
final class CellParserTests: XCTestCase {
  private let department = Item(
    id: "a.department", number: "部", title: "部", kind: .department, header: "部", fillsDown: true)
  private let number = Item(id: "a.number", number: "番号", title: "番号", kind: .identifier, header: "番号")
  private let why = Item(id: "overall.1", number: "設問１", title: "なぜ必要か", kind: .text, header: "設問１（なぜ必要か）")
  private let status = Item(
    id: "overall.2", number: "設問２", title: "実施状況", kind: .single, header: "設問２（実施状況）",
    options: [
      Option(code: 1, label: "現在実施"), Option(code: 2, label: "現在＋将来"), Option(code: 3, label: "将来実施"),
      Option(code: 4, label: "所掌なし"), Option(code: 5, label: "その他", role: .other),
    ])
  private let form = Item(
    id: "a.4", number: "４", title: "形態", kind: .multiple, header: "４形態",
    options: [
      Option(code: 1, label: "共催"), Option(code: 3, label: "委託"), Option(code: 8, label: "その他", role: .other),
    ])
  private let issues = Item(
    id: "a.16", number: "１６", title: "課題", kind: .multiple, header: "１６課題",
    options: [Option(code: 10, label: "成果ー予算制約"), Option(code: 12, label: "特に無し", variants: ["特になし"])])
  private let plan = Item(
    id: "b.2", number: "２", title: "計画記載等", kind: .single, header: "２　計画記載等",
    options: [Option(code: 1, label: "計画に記載", role: .text), Option(code: 2, label: "記載なし")])
  private let budget = Item(
    id: "a.7", number: "７", title: "市の予算", kind: .amount, header: "７市の予算",
    options: [
      Option(code: 1, label: "金額", role: .figure), Option(code: 2, label: "無し", role: .none),
      Option(code: 3, label: "算定不能", role: .uncomputable),
    ])

  private let codebook = Codebook(
    forms: [],
    nonAnswers: ["記入なし", "記載なし", "特になし", "特に無し", "特にありません", "なし", "無し", "該当なし", "略", "-"],
    amountUnits: [AmountUnit(suffix: "千円", yen: 1000)])

  private let location = CellLocation(file: "x.tsv", line: 3, column: 2, item: "item")

  private func parse(_ cell: String, _ item: Item) -> (value: Value, diagnostics: [Diagnostic]) {
    CellParser.parse(cell, item: item, codebook: codebook, at: location)
  }

  // MARK: Codebook.isNonAnswer

  func testANonAnswerMatchesIgnoringWidthSpacesAndAFullStop() {
    for text in ["記入なし", " 記入なし ", "記入　なし", "特になし。", "特にありません。", "略", "該当なし."] {
      XCTAssertTrue(codebook.isNonAnswer(text), text)
    }
  }

  func testALeadingListNumberIsIgnored() {
    for text in ["１　特になし", "1.特になし", "(1)特になし", "（１）特になし", "１）特になし", "・特になし", "1、特になし"] {
      XCTAssertTrue(codebook.isNonAnswer(text), text)
    }
  }

  func testEveryDashStyleIsTheDashNonAnswer() {
    for text in ["-", "ー", "―", "－", "−"] {
      XCTAssertTrue(codebook.isNonAnswer(text), text)
    }
  }

  func testTextThatMerelyContainsANonAnswerIsAnAnswer() {
    for text in ["特になしと考える", "記入なし（検討中）", "なしではない", "(1特になし", "1 2"] {
      XCTAssertFalse(codebook.isNonAnswer(text), text)
    }
  }

  // MARK: CellParser

  func testABlankCellIsBlank() {
    XCTAssertEqual(parse("", why).value, .blank)
    XCTAssertEqual(parse(" \u{3000}\n ", why).value, .blank)
    XCTAssertEqual(parse("", why).diagnostics, [])
    XCTAssertFalse(Value.blank.isAnswered)
  }

  func testANonAnswerCellIsKeptAsWrittenAndIsNotAnswered() {
    let (value, diagnostics) = parse(" 特になし。 ", why)
    XCTAssertEqual(value, .nonAnswer("特になし。"))
    XCTAssertFalse(value.isAnswered)
    XCTAssertEqual(diagnostics, [])
  }

  func testFreeTextIsTrimmedText() {
    let (value, diagnostics) = parse("  市民との協働が不可欠である \n", why)
    XCTAssertEqual(value, .text("市民との協働が不可欠である"))
    XCTAssertTrue(value.isAnswered)
    XCTAssertEqual(value.text, "市民との協働が不可欠である")
    XCTAssertEqual(diagnostics, [])
  }

  func testHierarchyAndIdentifierCellsAreNeverNonAnswers() {
    XCTAssertEqual(parse("略", department).value, .text("略"))
    XCTAssertEqual(parse("-", number).value, .text("-"))
  }

  func testACodedCellWithOnlyANonAnswerIsANonAnswer() {
    XCTAssertEqual(parse("記入なし", form).value, .nonAnswer("記入なし"))
    XCTAssertEqual(parse("記入なし", form).diagnostics, [])
  }

  func testACodedCellThatStartsWithACircledNumberIsAnAnswer() {
    let (value, diagnostics) = parse("②記載なし", plan)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 2, text: "記載なし")]))
    XCTAssertEqual(diagnostics, [])
  }

  func testACodedCellThatNamesAnOptionIsThatAnswerNotANonAnswer() {
    let (value, diagnostics) = parse("特になし", issues)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 12, text: "特になし", codeInferred: true)]))
    XCTAssertTrue(value.isAnswered)
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(parse("記載なし", plan).value.codes, [2])
  }

  func testAnAmountCellNamingItsNoneOptionIsWithheld() {
    let (value, diagnostics) = parse("無し", budget)
    XCTAssertEqual(
      value,
      .amount(
        Amount(
          answer: CodedAnswer(code: 2, text: "無し", codeInferred: true),
          status: .withheld(Option(code: 2, label: "無し", role: .none)))))
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
  }

  func testASpacedCodeOfTheSingleChoiceIsOneAnswer() {
    let (value, diagnostics) = parse("④ 所掌なし", status)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 4, text: "所掌なし")]))
    XCTAssertEqual(diagnostics, [])
  }

  func testTwoCodesInASingleChoiceAreKeptWithAWarning() {
    let (value, diagnostics) = parse("①現在実施\n③将来実施", status)
    XCTAssertEqual(value.codes, [1, 3])
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(
      diagnostics.map(\.found),
      ["2 codes (①③) in a single-choice item; the row is counted under each"])
  }

  func testARepeatedCodeCountsOnce() {
    let (value, diagnostics) = parse("①共催（懇親会）\n①共催（交流会）\n③委託", form)
    XCTAssertEqual(value.codes, [1, 3])
    XCTAssertEqual(diagnostics, [])
  }

  func testTwoAnswersInAnAmountCellUseTheFirstWithAWarning() {
    let (value, diagnostics) = parse("①１００千円\n③算定不能", budget)
    guard case .amount(let amount) = value else {
      return XCTFail("not an amount: \(value)")
    }
    XCTAssertEqual(amount.yen, 100_000)
    XCTAssertEqual(diagnostics.map(\.found), ["2 answers in one amount cell; only the first is used"])
  }

  func testAnAmountCellWithAnUnknownCodeIsAnError() {
    let (value, diagnostics) = parse("⑤１００千円", budget)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 5, text: "１００千円")]))
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
  }

  func testAnAmountCellWithoutACodeIsAnError() {
    let (value, diagnostics) = parse("たくさん", budget)
    XCTAssertEqual(value, .codes([]))
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
    XCTAssertEqual(diagnostics.map(\.line), [3])
  }
}

/// Cells of only invisible characters (issue 11) are blank, whatever the item.
extension CellParserTests {
  func testACellOfOnlyInvisibleCharactersIsBlank() {
    for cell in ["\u{200B}", "\u{FEFF}", "\u{3000}", " \u{200B}\u{3000}\u{FEFF} "] {
      XCTAssertEqual(
        parse(cell, why).value, .blank, cell.unicodeScalars.map { String($0.value, radix: 16) }.joined())
      XCTAssertEqual(parse(cell, form).value, .blank)
      XCTAssertEqual(parse(cell, budget).diagnostics, [])
    }
    // Text around an invisible character is an answer.
    XCTAssertEqual(parse("\u{200B}必要", why).value, .text("\u{200B}必要"))
  }
}

/// A plain-number code before a label that is also a non-answer word is an answer.
extension CellParserTests {
  func testAPlainNumberCodeBeforeANonAnswerWordIsAnAnswer() {
    let report = Item(
      id: "a.14", number: "１４", title: "報告書", kind: .single, header: "１４報告書",
      options: [Option(code: 1, label: "義務"), Option(code: 2, label: "無し"), Option(code: 3, label: "その他")])
    let book = Codebook(forms: [], nonAnswers: ["無し"], amountUnits: [])
    XCTAssertEqual(
      CellParser.parse("2.無し", item: report, codebook: book, at: location).value,
      .codes([CodedAnswer(code: 2, text: "無し")]))
    XCTAssertEqual(
      CellParser.parse("無し", item: report, codebook: book, at: location).value,
      .codes([CodedAnswer(code: 2, text: "無し", codeInferred: true)]))
  }
}
