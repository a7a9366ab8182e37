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
