import XCTest
@testable import SurveyCore

/// Start years are written behind a figure code in a Japanese era (full- or half-width digits,
/// 元年, with 年 or 年度 and notes), sometimes after other words, or replaced by ②不明.
final class StartYearParserTests: XCTestCase {
  private let start = Item(
    id: "a.6", number: "６", title: "始期", kind: .year, header: "６始期",
    options: [Option(code: 1, label: "開始年", role: .figure), Option(code: 2, label: "不明", role: .unknown)])

  private let location = CellLocation(file: "a.tsv", line: 5, column: 12, item: "a.6 ６始期")

  private var codebook: Codebook {
    Codebook(
      forms: [Form(id: "a", title: "Ａ調査票", file: "a.tsv", rowNoun: "project", items: [start])],
      nonAnswers: ["記入なし"], amountUnits: [])
  }

  private struct NotAYear: Error {}

  private func read(_ cell: String) throws -> (year: StartYear, diagnostics: [Diagnostic]) {
    let (value, diagnostics) = CellParser.parse(cell, item: start, codebook: codebook, at: location)
    guard case .year(let year) = value else {
      XCTFail("'\(cell)' read as \(value), not a year; diagnostics: \(diagnostics)")
      throw NotAYear()
    }
    return (year, diagnostics)
  }

  private func era(_ name: String) throws -> Era {
    try XCTUnwrap(Era.all.first { $0.name == name })
  }

  func testHeiseiWithFullWidthDigits() throws {
    let (year, diagnostics) = try read("①平成１２")
    XCTAssertEqual(year.year, 2000)
    XCTAssertEqual(year.status, .given(year: 2000, era: try era("平成"), eraYear: 12))
    XCTAssertEqual(diagnostics, [])
  }

  func testShowa() throws {
    let (year, diagnostics) = try read("①昭和４８")
    XCTAssertEqual(year.status, .given(year: 1973, era: try era("昭和"), eraYear: 48))
    XCTAssertEqual(diagnostics, [])
  }

  func testTheYearSuffixIsAllowed() throws {
    XCTAssertEqual(try read("①平成１４年").year.year, 2002)
  }

  func testFiscalYearWithANoteAndHalfWidthDigits() throws {
    let (year, diagnostics) = try read("①平成20年度（モデル事業として開始）")
    XCTAssertEqual(year.year, 2008)
    XCTAssertEqual(diagnostics, [])
  }

  func testTheEraMayFollowOtherWords() throws {
    let (year, diagnostics) = try read("①前身の女性フォーラムは昭和６２")
    XCTAssertEqual(year.status, .given(year: 1987, era: try era("昭和"), eraYear: 62))
    XCTAssertEqual(diagnostics, [])
  }

  func testGannenIsTheFirstYearOfTheEra() throws {
    let (year, _) = try read("①平成元年")
    XCTAssertEqual(year.status, .given(year: 1989, era: try era("平成"), eraYear: 1))
  }

  func testTheEarliestEraYearInTheTextWins() throws {
    XCTAssertEqual(try read("①昭和６２年（平成元年に改組）").year.year, 1987)
  }

  func testAnEraNameWithoutANumberIsSkipped() throws {
    XCTAssertEqual(try read("①平成の初め、平成３年").year.year, 1991)
  }

  func testTheSquareEraSignReadsAsItsEra() throws {
    XCTAssertEqual(try read("①㍻12").year.year, 2000)
  }

  func testAWesternYearStandingAlone() throws {
    let (year, diagnostics) = try read("①2005年")
    XCTAssertEqual(year.status, .given(year: 2005, era: nil, eraYear: nil))
    XCTAssertEqual(diagnostics, [])
  }

  func testUnknownIsWithheld() throws {
    let (year, diagnostics) = try read("②不明")
    XCTAssertEqual(year.status, .withheld(Option(code: 2, label: "不明", role: .unknown)))
    XCTAssertNil(year.year)
    XCTAssertEqual(diagnostics, [])
  }

  func testAYearAfterTheEraEndedIsReadWithAWarning() throws {
    let (year, diagnostics) = try read("①平成３５")
    XCTAssertEqual(year.year, 2023)
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(diagnostics.map(\.found), ["平成35 in '平成３５', after the era ended in 平成31"])
  }

  /// Regression: `平成` followed by nineteen digits overflowed the Western year and trapped.
  func testAnEraYearTooLargeToBeAYearIsUnreadableNotACrash() {
    let (value, diagnostics) = CellParser.parse(
      "①平成9223372036854775807", item: start, codebook: codebook, at: location)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 1, text: "平成9223372036854775807")]))
    XCTAssertEqual(diagnostics.map(\.found), ["start year '平成9223372036854775807' that cannot be read"])
    XCTAssertNil(StartYearParser.eraYear(in: "令和10000"))
    XCTAssertEqual(StartYearParser.eraYear(in: "令和9999")?.number, 9999)
  }

  func testAnUnreadableYearIsAnError() {
    let (value, diagnostics) = CellParser.parse("①ずっと前から", item: start, codebook: codebook, at: location)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 1, text: "ずっと前から")]))
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
    XCTAssertEqual(diagnostics.map(\.found), ["start year 'ずっと前から' that cannot be read"])
    XCTAssertEqual(diagnostics.map(\.line), [5])
  }

  func testAShortNumberIsNotAWesternYear() {
    XCTAssertNil(StartYearParser.westernYear(in: "12"))
    XCTAssertNil(StartYearParser.westernYear(in: "20051"))
    XCTAssertEqual(StartYearParser.westernYear(in: "2005年度"), 2005)
    XCTAssertEqual(StartYearParser.westernYear(in: "1500"), 1500)
  }

  func testAWesternYearBeforeMeijiIsAnError() {
    let (value, diagnostics) = CellParser.parse("①1850年", item: start, codebook: codebook, at: location)
    XCTAssertEqual(value, .codes([CodedAnswer(code: 1, text: "1850年")]))
    XCTAssertEqual(diagnostics.map(\.severity), [.error])
    XCTAssertEqual(diagnostics.map(\.found), ["start year 1850 in '1850年', before 明治 (1868)"])
  }

}

/// Years as offices type them (issue 11); each Western year is worked out by hand from the era's
/// first year (平成 1989, 令和 2019, 昭和 1926): 平成n = 1988 + n.
extension StartYearParserTests {
  private func western(_ text: String) -> Int? {
    StartYearParser.parse(CodedAnswer(code: 1, text: text), item: startItem, at: yearLocation).year?.year
  }

  private var startItem: Item {
    Item(
      id: "a.6", number: "６", title: "始期", kind: .year, header: "６始期",
      options: [Option(code: 1, label: "開始年", role: .figure), Option(code: 2, label: "不明", role: .unknown)])
  }

  private var yearLocation: CellLocation { CellLocation(file: "a.tsv", line: 3, item: "a.6 ６始期") }

  func testEraLetters() {
    XCTAssertEqual(western("Ｈ２５"), 2013)
    XCTAssertEqual(western("H25年度"), 2013)
    XCTAssertEqual(western("Ｒ元"), 2019)
    XCTAssertEqual(western("Ｓ６０"), 1985)
    XCTAssertEqual(western("r2"), 2020)
  }

  func testALetterInsideAWordIsNoEra() {
    XCTAssertNil(StartYearParser.eraYear(in: "NPOH25"))
  }

  func testKanjiNumerals() {
    XCTAssertEqual(western("平成十二年"), 2000)
    XCTAssertEqual(western("昭和四十八年度"), 1973)
    XCTAssertEqual(western("令和元年"), 2019)
  }

  func testAWesternYearThatContradictsItsEraIsAWarning() {
    let (year, diagnostics) = StartYearParser.parse(
      CodedAnswer(code: 1, text: "2099年（平成１７）"), item: startItem, at: yearLocation)
    XCTAssertEqual(year?.year, 2005)
    XCTAssertEqual(diagnostics.map(\.severity), [.warning])
    XCTAssertEqual(
      diagnostics.first?.found, "2099 and 平成17 (2005) in '2099年（平成１７）'; 平成17 is used")
    XCTAssertEqual(
      StartYearParser.parse(CodedAnswer(code: 1, text: "2005年（平成１７）"), item: startItem, at: yearLocation)
        .diagnostics, [])
  }
}
