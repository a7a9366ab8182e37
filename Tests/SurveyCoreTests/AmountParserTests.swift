import XCTest
@testable import SurveyCore

/// Amounts are written behind a figure code in 千円 (full- or half-width, with commas and spaces),
/// or replaced by a code that says why there is no figure (無し, 算定不能).
final class AmountParserTests: XCTestCase {
  private let budget = Item(
    id: "a.7", number: "７", title: "市の予算", kind: .amount, header: "７市の予算",
    options: [
      Option(code: 1, label: "金額", role: .figure),
      Option(code: 2, label: "無し", role: .none),
      Option(code: 3, label: "算定不能", role: .uncomputable),
    ])

  private let units = [
    AmountUnit(suffix: "千円", yen: 1000),
    AmountUnit(suffix: "万円", yen: 10000),
    AmountUnit(suffix: "円", yen: 1),
    AmountUnit(suffix: "千万", yen: 1000, warning: "read as 千円 (a known typo)"),
  ]

  private let location = CellLocation(file: "a.tsv", line: 12, column: 13, item: "a.7 ７市の予算")

  private var codebook: Codebook {
    Codebook(
      forms: [Form(id: "a", title: "Ａ調査票", file: "a.tsv", rowNoun: "project", items: [budget])],
      nonAnswers: ["記入なし"], amountUnits: units)
  }

  /// The cell as the export loader reads it: codes first, then the amount.
  private func read(_ cell: String) throws -> (amount: Amount, diagnostics: [Diagnostic]) {
    let (value, diagnostics) = CellParser.parse(cell, item: budget, codebook: codebook, at: location)
    guard case .amount(let amount) = value else {
      XCTFail("'\(cell)' read as \(value), not an amount; diagnostics: \(diagnostics)")
      throw NotAnAmount()
    }
    return (amount, diagnostics)
  }

  private struct NotAnAmount: Error {}

  private func parseFigure(_ text: String) -> (amount: Amount?, diagnostics: [Diagnostic]) {
    AmountParser.parse(CodedAnswer(code: 1, text: text), item: budget, units: units, at: location)
  }

  func testFullWidthDigitsAndFullWidthCommaIn千円() throws {
    let (amount, diagnostics) = try read("①１，１８０千円")
    XCTAssertEqual(amount.status, .given(yen: 1_180_000))
    XCTAssertEqual(amount.yen, 1_180_000)
    XCTAssertEqual(amount.answer, CodedAnswer(code: 1, text: "１，１８０千円"))
    XCTAssertEqual(diagnostics, [])
  }

  func testASpaceAfterTheCodeAndAHalfWidthCommaAmongFullWidthDigits() throws {
    let (amount, diagnostics) = try read("① １,１０３千円")
    XCTAssertEqual(amount.yen, 1_103_000)
    XCTAssertEqual(diagnostics, [])
  }

  func testHalfWidthDigits() throws {
    let (amount, diagnostics) = try read("①13,950千円")
    XCTAssertEqual(amount.yen, 13_950_000)
    XCTAssertEqual(diagnostics, [])
  }

  func testZeroIsAGivenFigure() throws {
    let (amount, diagnostics) = try read("①０千円")
    XCTAssertEqual(amount.status, .given(yen: 0))
    XCTAssertEqual(amount.yen, 0)
    XCTAssertEqual(diagnostics, [])
  }

  func testANoteAfterTheFigureIsIgnored() throws {
    let (amount, _) = try read("①１，１８０千円（見込み）")
    XCTAssertEqual(amount.yen, 1_180_000)
  }

  func testOtherUnitsAreMultipliedByTheirValue() throws {
    XCTAssertEqual(try read("①３万円").amount.yen, 30_000)
    XCTAssertEqual(try read("①1,500円").amount.yen, 1_500)
  }

  func testAKnownTypoUnitIsReadWithAWarning() throws {
    let (amount, diagnostics) = try read("①３０千万")
    XCTAssertEqual(amount.yen, 30_000)
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.map(\.found), ["amount '３０千万' written in '千万': read as 千円 (a known typo)"])
    XCTAssertEqual(diagnostics.map(\.line), [12])
  }

  func testUncomputableIsWithheldAndKeepsItsReason() throws {
    let (amount, diagnostics) = try read("③算定不能（職員の人件費のみのため）")
    XCTAssertEqual(amount.status, .withheld(Option(code: 3, label: "算定不能", role: .uncomputable)))
    XCTAssertNil(amount.yen)
    XCTAssertEqual(amount.answer.note(for: nil), "職員の人件費のみのため")
    XCTAssertEqual(diagnostics, [])
  }

  func testNoneIsWithheld() throws {
    let (amount, diagnostics) = try read("②無し")
    XCTAssertEqual(amount.status, .withheld(Option(code: 2, label: "無し", role: .none)))
    XCTAssertNil(amount.yen)
    XCTAssertEqual(diagnostics, [])
  }

  func testTheFigureCodeWithoutAFigureIsMissingWithAWarning() throws {
    let (amount, diagnostics) = try read("①未定")
    XCTAssertEqual(amount.status, .figureMissing("未定"))
    XCTAssertNil(amount.yen)
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.map(\.found), ["①未定: code ① without an amount"])
    XCTAssertEqual(diagnostics.map(\.expected), ["an amount such as ①１，１８０千円"])
  }

  /// A figure code written as a bracketed plain number before its figure: `(1)７７０千円` and
  /// `1)７７０千円` are ① 770 千円 (the city fixture's 事業費 writes them so), while `1.5千円` stays a
  /// number, not code 1. Expected values: the cells' own figures.
  func testABracketedPlainFigureCodeBeforeItsFigure() throws {
    for cell in ["(1)７７０千円", "（１）７７０千円", "1)７７０千円"] {
      let (amount, diagnostics) = try read(cell)
      XCTAssertEqual(amount.status, .given(yen: 770_000), cell)
      XCTAssertEqual(diagnostics, [], cell)
    }
    XCTAssertEqual(try read("1.5千円").amount.yen, 1_500)
  }

  func testABareFigureCodeIsMissingItsFigure() throws {
    let (amount, diagnostics) = try read("①")
    XCTAssertEqual(amount.status, .figureMissing("(no figure)"))
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
  }

  func testAnUnknownUnitIsAnError() {
    let (amount, diagnostics) = parseFigure("500ドル")
    XCTAssertNil(amount)
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
    XCTAssertEqual(diagnostics.map(\.found), ["amount '500ドル' that cannot be read"])
    XCTAssertEqual(diagnostics.map(\.expected), ["a number followed by one of 千円, 万円, 円, 千万, e.g. ①１，１８０千円"])
  }

  func testANumberWithoutAUnitIsAnError() {
    let (amount, diagnostics) = parseFigure("１１８０")
    XCTAssertNil(amount)
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
  }

  func testAnUnreadableAmountIsAnErrorOfTheCell() {
    let (value, diagnostics) = CellParser.parse("①500ドル", item: budget, codebook: codebook, at: location)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 1, text: "500ドル")]))
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
  }

  func testDecimalThousandsAreReadWhenTheyAreWholeYen() {
    XCTAssertEqual(parseFigure("1.5千円").amount?.yen, 1_500)
    XCTAssertEqual(parseFigure("０．２５千円").amount?.yen, 250)
    let (amount, diagnostics) = parseFigure("0.0005千円")
    XCTAssertNil(amount)
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
  }

  /// Regression: a fraction times a very large unit overflowed Int and trapped.
  func testAFractionTimesAHugeUnitIsUnreadableNotACrash() {
    XCTAssertNil(AmountParser.yen("1.5", times: Int.max / 2))
    XCTAssertNil(AmountParser.yen("9223372036854775807", times: 1000))
    XCTAssertEqual(AmountParser.yen("0.5", times: 1_000_000), 500_000)
  }

  func testACodeTheItemDoesNotHaveGivesNoAmount() {
    let (amount, diagnostics) = AmountParser.parse(
      CodedAnswer(code: 9, text: "100千円"), item: budget, units: units, at: location)
    XCTAssertNil(amount)
    XCTAssertEqual(diagnostics, [])
  }

  func testAnAmountAbove1兆円IsAnError() {
    let (amount, diagnostics) = parseFigure("２,０００,０００,０００千円")
    XCTAssertNil(amount)
    XCTAssertEqual(
      diagnostics.map(\.found), ["amount '２,０００,０００,０００千円' above 1兆円, which no budget line reaches"])
    XCTAssertEqual(parseFigure("1,000,000,000千円").amount?.yen, 1_000_000_000_000)
  }
}

/// Amounts as offices type them (issue 11): kanji numerals, 億, approximate, bare numbers, and a
/// unit without digits. Expected yen are worked out by hand from the written figure.
extension AmountParserTests {
  private func reading(_ cell: String, bareUnit: String? = nil) -> (value: Value, diagnostics: [Diagnostic]) {
    var item = budget
    item.bareAmountUnit = bareUnit
    let book = Codebook(
      forms: [Form(id: "a", title: "Ａ調査票", file: "a.tsv", rowNoun: "project", items: [item])],
      nonAnswers: ["記入なし"], amountUnits: units)
    return CellParser.parse(cell, item: item, codebook: book, at: location)
  }

  private func yen(_ cell: String, bareUnit: String? = nil) -> Int? {
    if case .amount(let amount) = reading(cell, bareUnit: bareUnit).value { return amount.yen }
    return nil
  }

  func testKanjiNumerals() {
    XCTAssertEqual(yen("①百万円"), 1_000_000)
    XCTAssertEqual(yen("①五十万円"), 500_000)
    XCTAssertEqual(yen("①一千二百万円"), 12_000_000)
    // Not 一億二千 × 万円 (1,000,020,000,000): the unit worth the fewest yen is tried first.
    XCTAssertEqual(yen("①一億二千万円"), 120_000_000)
    XCTAssertEqual(yen("①五千円"), 5_000)
  }

  func testOku() {
    XCTAssertEqual(yen("①１億円"), 100_000_000)
    XCTAssertEqual(yen("①1.5億円"), 150_000_000)
    // 50万 without 円: 万 says the figure is in yen.
    XCTAssertEqual(yen("①５０万"), 500_000)
  }

  func testApproximateAmountsAreReadAndFlagged() throws {
    for (cell, expected) in [
      ("①約５０万円", 500_000), ("①１，１８０千円程度", 1_180_000), ("①概算１００千円", 100_000),
      ("①２００千円見込み", 200_000), ("①１，１８０千円（見込み）", 1_180_000),
    ] {
      let (value, diagnostics) = reading(cell)
      guard case .amount(let amount) = value else { return XCTFail("\(cell): \(value)") }
      XCTAssertEqual(amount.yen, expected, cell)
      XCTAssertTrue(amount.isApproximate, cell)
      XCTAssertEqual(diagnostics, [], cell)
    }
    XCTAssertFalse(try read("①１，１８０千円").amount.isApproximate)
  }

  func testABareNumberIsReadInTheItemsUnit() {
    XCTAssertEqual(yen("①１，１８０", bareUnit: "千円"), 1_180_000)
    XCTAssertEqual(yen("①1.5", bareUnit: "千円"), 1_500)
    // Without a code the cell is the figure: `１，１８０` under `事業費（千円）`.
    XCTAssertEqual(yen("１，１８０", bareUnit: "千円"), 1_180_000)
  }

  func testABareNumberWithoutAUnitForItIsAnError() {
    let (_, diagnostics) = reading("①１，１８０")
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
    XCTAssertEqual(diagnostics.first?.found, "amount '１，１８０' that cannot be read")
    XCTAssertEqual(
      diagnostics.first?.expected,
      "a number followed by one of 千円, 万円, 円, 千万, e.g. ①１，１８０千円; for bare numbers, give the item the codebook flag unit=千円 or end its header with （千円）"
    )
  }

  func testAUnitWithoutDigitsIsNoAmountNeverZero() {
    let (value, diagnostics) = reading("①．千円")
    guard case .amount(let amount) = value else { return XCTFail("\(value)") }
    XCTAssertEqual(amount.status, .figureMissing("．千円"))
    XCTAssertNil(amount.yen)
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.first?.found, "①．千円: code ① without an amount")
    XCTAssertEqual(diagnostics.first?.line, 12)
    if case .amount(let bare) = reading("①千円").value {
      XCTAssertEqual(bare.status, .figureMissing("千円"))
    } else {
      XCTFail("①千円 is an amount answer without a figure")
    }
  }
}
