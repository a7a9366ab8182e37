import XCTest

@testable import SurveyCore

/// A summary's answers decoded for people: codes as their full labels, figures in 千円 and years in
/// both calendars, non-answers as such, and what was written beyond the code. Project numbers and
/// cells are those of `data/a.tsv`.
final class DecodedAnswerTests: XCTestCase, BundledSurveyTesting {
  func testProjectAnswersAreDecodedIntoLabels() throws {
    let projects = entries(try summary("環境政策課", in: try survey()), form: "a")
    let project17 = try XCTUnwrap(projects.first)
    XCTAssertEqual(project17.team, "環境係")
    // Truncated and variant labels (`②イベン`, `③まちづ`, `⑨商店`, `⑩従来`) print in full.
    XCTAssertEqual(answer(project17, "a.2.2a"), ["①講座", "②イベント", "③広報", "⑤調査", "⑧地域活動"])
    XCTAssertEqual(answer(project17, "a.2.2b"), ["②社会教育", "③まちづくり", "⑤環境", "⑪子どもの健全育成"])
    XCTAssertEqual(answer(project17, "a.3"), ["②NPO法人", "③市民団体", "⑧学校", "⑨商店等", "⑩企業"])
    XCTAssertEqual(answer(project17, "a.4"), ["①共催"])
    XCTAssertEqual(answer(project17, "a.5"), ["②市・民"])
    XCTAssertEqual(answer(project17, "a.6"), ["平成17年（2005年）"])
    XCTAssertEqual(answer(project17, "a.7"), ["600千円"])
    XCTAssertEqual(answer(project17, "a.8"), ["910千円"])
    XCTAssertEqual(answer(project17, "a.9").last, "⑩従来から")
    XCTAssertEqual(answer(project17, "a.13"), ["①改善に生かす"])
    XCTAssertEqual(answer(project17, "a.16"), ["⑥質向上", "⑨内容ー予算制約"])
    // その他 keeps its text; a multi-line name keeps its lines.
    XCTAssertEqual(answer(projects[1], "a.9"), ["⑪その他（市が企画し協働相手の賛同をえて実施している。）"])
    XCTAssertEqual(projects[5].title.cellLines.count, 3)
    XCTAssertEqual(answer(projects[5], "a.7"), ["5,578千円"])
  }

  func testOverallAnswersShowNonAnswersAsSuch() throws {
    let unit = try XCTUnwrap(try summary("環境政策課", in: try survey()).units.first)
    XCTAssertEqual(unit.answers.map(\.item.id), ["overall.1", "overall.2", "overall.3", "overall.4"])
    XCTAssertEqual(unit.answers[1].lines, ["①現在実施"])
    XCTAssertEqual(unit.answers[0].lines.count, 2)
    XCTAssertEqual(unit.answers[3].state, .nonAnswer)
    XCTAssertEqual(unit.answers[3].lines, ["無回答（記入なし）"])
  }

  func testWrittenTextBeyondTheCodeIsKept() throws {
    let survey = try survey()
    let planning = entries(try summary("企画政策課", in: survey), form: "a")
    // ①前身の女性フォーラムは昭和６２: the year, and what was written around it.
    XCTAssertEqual(answer(planning[1], "a.6"), ["昭和62年（1987年）〔記入は「前身の女性フォーラムは昭和６２」〕"])
    XCTAssertEqual(answer(planning[1], "a.3"), ["②NPO法人", "③市民団体", "⑪その他（公募市民）"])
    let culture = entries(try summary("コミュニティ文化課", in: survey), form: "a")
    let project9 = try XCTUnwrap(culture.first { $0.identifier == "9" })
    XCTAssertEqual(answer(project9, "a.4"), ["①共催（懇親会）", "④補助（三宅の旅）"])
    XCTAssertEqual(answer(project9, "a.6"), ["②不明"])
    XCTAssertEqual(answer(project9, "a.8"), ["3,647千円〔記入は「３，６４７千円（協会２，５８０千円+市１，０６７千円）」〕"])
    // ①３０千万, read as 30 千円 (data/README.md), shows what was written.
    let project50 = try XCTUnwrap(entries(try summary("指導室", in: survey), form: "a").first)
    XCTAssertEqual(answer(project50, "a.7"), ["30千円〔記入は「３０千万」〕"])
    // A label that contradicts its code: the code counts, the written label is shown.
    let b1 = try XCTUnwrap(entries(try summary("環境政策課", in: survey), form: "b").first)
    XCTAssertEqual(answer(b1, "b.3"), ["⑧効率化〔記入は「経費節減」〕"])
  }
}
