import Foundation
import XCTest

@testable import SurveyCore

/// Summaries of the bundled 2010 survey: which rows a target covers, how its answers are decoded,
/// and how names are resolved. Project numbers and cells are those of `data/a.tsv`.
final class SummaryTests: XCTestCase {
  static let dataDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")

  func survey() throws -> Survey {
    try Survey.load(directory: Self.dataDirectory)
  }

  func summary(_ name: String, in survey: Survey) throws -> UnitSummary {
    try UnitSummary.make(try TargetResolution.resolve(name, in: survey).target, in: survey)
  }

  func entries(_ summary: UnitSummary, form: String) -> [UnitSummary.Entry] {
    summary.forms.first { $0.form.id == form }?.entries ?? []
  }

  func answer(_ entry: UnitSummary.Entry, _ itemID: String) -> [String] {
    entry.answers.first { $0.item.id == itemID }?.lines ?? ["(no such item)"]
  }

  // MARK: - A section with several projects

  func testEnvironmentPolicySectionListsExactlyItsProjects() throws {
    let summary = try summary("環境政策課", in: try survey())
    XCTAssertEqual(summary.target, SummaryTarget(level: .section, department: "環境部", section: "環境政策課"))
    XCTAssertEqual(entries(summary, form: "a").map(\.identifier), ["17", "18", "19", "20", "21", "22", "23"])
    XCTAssertEqual(entries(summary, form: "a").first?.title, "環境市民会議補助金")
    XCTAssertEqual(entries(summary, form: "b").map(\.identifier), ["Ｂ１"])
    XCTAssertEqual(entries(summary, form: "c").map(\.identifier), ["Ｃ４"])
    XCTAssertEqual(summary.units.map(\.unit), [UnitPath(department: "環境部", section: "環境政策課")])
  }

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

  // MARK: - Coverage

  func testADepartmentCoversAllItsSections() throws {
    let survey = try survey()
    let summary = try summary("環境部", in: survey)
    XCTAssertEqual(Set(summary.units.map(\.unit.section)), Set(survey.organization.sections(of: "環境部")))
    XCTAssertEqual(summary.units.count, 6)
    XCTAssertEqual(entries(summary, form: "a").map(\.identifier), (17...25).map(String.init))
  }

  func testASectionCoversItsBracketedUnitsAndAUnitCoversItself() throws {
    let survey = try survey()
    let section = try summary("生涯学習課", in: survey)
    XCTAssertEqual(section.units.map(\.unit.name), ["生涯学習課", "スポーツ振興担当"])
    XCTAssertEqual(entries(section, form: "a").map(\.identifier), (51...65).map(String.init))
    let unit = try summary("（スポーツ振興担当）", in: survey)
    XCTAssertEqual(unit.units.map(\.unit.name), ["スポーツ振興担当"])
    XCTAssertEqual(entries(unit, form: "a").map(\.identifier), ["62", "63", "64", "65"])
  }

  func testATeamCoversItsOwnProjects() throws {
    let summary = try summary("緑と公園係", in: try survey())
    XCTAssertEqual(summary.target.level, .team)
    XCTAssertEqual(entries(summary, form: "a").map(\.identifier), ["18", "19", "20", "21", "22", "23"])
    XCTAssertEqual(summary.forms.flatMap(\.entries).count, 8)
  }

  func testEveryDepartmentTogetherCoverEveryUnitAndRowOnce() throws {
    let survey = try survey()
    let document = try SummaryDocument.make(
      SummaryTarget.departments(in: survey), in: survey, questions: HearingQuestions(questions: []))
    XCTAssertEqual(document.summaries.count, 15)
    XCTAssertEqual(document.summaries.flatMap(\.units).map(\.unit), survey.organization.units)
    for form in ["a", "b", "c"] {
      let covered = document.summaries.flatMap { entries($0, form: form) }.map(\.identifier)
      let all = try XCTUnwrap(survey.data(for: form)).rows.map {
        try XCTUnwrap(survey.data(for: form)).text(of: .identifier, in: $0)
      }
      XCTAssertEqual(covered.sorted(), all.sorted(), form)
      XCTAssertEqual(Set(covered).count, covered.count, form)
    }
  }

  // MARK: - Figures beside the city

  func testComparisonWithDepartmentAndCity() throws {
    let comparison = try summary("環境政策課", in: try survey()).comparison
    XCTAssertEqual(comparison.table.columns.map(\.heading), ["指標", "環境政策課", "環境部", "市全体", "市全体に占める割合（%）"])
    XCTAssertEqual(
      comparison.table.rows.first,
      [.text("Ａ調査票 件数"), .count(7), .count(9), .count(70), .percent(Percent(7, of: 70))])
    XCTAssertEqual(comparison.table.rows[1][3], .yen(342_817_000))
    // 設問１: 環境部 answered in 4 of its 6 units, the city in 38 of 52.
    XCTAssertTrue(
      comparison.notes.contains("設問１ なぜ必要か: 環境部の回答率 66.7%（4/6）は、市全体の 73.1%（38/52）より低い。"),
      comparison.notes.joined(separator: "\n"))
    let forms = try XCTUnwrap(comparison.charts.first { $0.item.id == "a.4" })
    XCTAssertEqual(forms.bars.map(\.label), ["①共催", "③委託", "⑦アダプト", "⑧その他"])
    XCTAssertEqual(forms.bars[2].target, Percent(3, of: 7))
    XCTAssertEqual(forms.bars[2].city, Percent(5, of: 70))
  }

  // MARK: - Names

  func testNamesAsTheDataAndTheHearingPlanWriteThem() throws {
    let survey = try survey()
    let childYouth = SummaryTarget(level: .section, department: "子ども家庭部", section: "児童青少年課")
    for name in ["子ども家庭部児童青少年課", "児童青少年課", "児童青少年課 "] {
      XCTAssertEqual(try TargetResolution.resolve(name, in: survey).target, childYouth, name)
    }
    XCTAssertNil(try TargetResolution.resolve("児童青少年課", in: survey).note)
    // The hearing plan writes 生涯学習部スポーツ振興担当, without the section and the brackets.
    let sports = try TargetResolution.resolve("生涯学習部スポーツ振興担当", in: survey)
    XCTAssertEqual(sports.target.subunit, "スポーツ振興担当")
    XCTAssertEqual(sports.note, "'生涯学習部スポーツ振興担当' read as 生涯学習部 > 生涯学習課 > （スポーツ振興担当）")
    // A 事務局 is its own department and section: the department wins.
    XCTAssertEqual(try TargetResolution.resolve("議会事務局", in: survey).target.level, .department)
  }

  func testAGlyphErrorOrAMissing課IsUnknownAndAnsweredWithTheClosestName() throws {
    let survey = try survey()
    for name in ["児童青尐年課", "児童青少年"] {
      XCTAssertThrowsError(try TargetResolution.resolve(name, in: survey)) { error in
        let message = (error as? SurveyError)?.description ?? ""
        XCTAssertTrue(message.contains("unknown target '\(name)'"), message)
        XCTAssertTrue(message.contains("closest: 児童青少年課 (子ども家庭部)"), message)
      }
    }
  }

  func testSuggestionsForMisspelledNames() throws {
    let survey = try survey()
    XCTAssertEqual(TargetResolution.suggestions(for: "児童青尐年課", in: survey).first, "児童青少年課 (子ども家庭部)")
    XCTAssertEqual(TargetResolution.suggestions(for: "児童青少年", in: survey).first, "児童青少年課 (子ども家庭部)")
    XCTAssertThrowsError(try TargetResolution.resolve("児童少年課", in: survey)) { error in
      let message = (error as? SurveyError)?.description ?? ""
      XCTAssertTrue(message.contains("unknown target '児童少年課'"), message)
      XCTAssertTrue(message.contains("closest: 児童青少年課 (子ども家庭部)"), message)
    }
  }

  // MARK: - Hearing questions

  func testHearingQuestionsComeFromTheDataDirectory() throws {
    let questions = try HearingQuestions.load(directory: Self.dataDirectory)
    XCTAssertEqual(questions.questions.count, 8)
    XCTAssertEqual(questions.questions.first?.text, "市民協働に関する実態調査の回答にあたり、課内でどのように検討しましたか。")
    let none = try HearingQuestions.load(directory: URL(fileURLWithPath: "/nonexistent"))
    XCTAssertTrue(none.questions.isEmpty)
  }

  func testEditDistance() {
    XCTAssertEqual(EditDistance.between("児童少年課", "児童青少年課"), 1)
    XCTAssertEqual(EditDistance.between("", "課"), 1)
    XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
  }
}
