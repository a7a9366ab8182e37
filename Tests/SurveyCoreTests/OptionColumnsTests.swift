import XCTest

@testable import SurveyCore

/// An item whose answer an office writes one column per option (`columns` in the codebook) is read
/// as the same item written in one cell: the same six projects, written once with one cell per
/// item, once with 1/0 columns and once with ○/blank columns, give byte-identical tables,
/// summaries and checks.
///
/// The projects, counted by hand from the rows below (形態 multiple, 類型 single):
/// 1 課A ①③ ①; 2 （X担当） ③ ②; 3 課B none ②; 4 課B ① none; 5 課C ④ ⑧その他（清掃） ③;
/// 6 課C ①③④ ①. So 形態 (n = 6): ① 3 (rows 1, 4, 6), ③ 3 (1, 2, 6), ④ 2 (5, 6), ⑧ 1 (5),
/// 無回答 1 (3), M.T. 9; 類型: ① 2 (1, 6), ② 2 (2, 3), ③ 1 (5), 無回答 1 (4).
final class OptionColumnsTests: XCTestCase {
  private static let overall = """
    部\t課\t設問２
    市民部\t課A\t①
    \t（X担当）\t②
    環境部\t課B\t①
    \t課C\t②

    """

  /// The codebook, with 形態 and 類型 in one cell each, or spread over one column per option.
  private static func codebook(columns: Bool) -> String {
    let flag = columns ? "columns" : ""
    func column(_ header: String) -> String { columns ? "\t\t\t\t\(header)" : "" }
    return """
      form\toverall\t全体\toverall.tsv\tunit
      item\toverall.department\t部\t部\tdepartment\t部\tfill-down
      item\toverall.section\t課\t課\tsection\t課
      item\toverall.2\t設問２\t実施状況\tsingle\t設問２
      option\toverall.2\t1\t現在実施
      option\toverall.2\t2\t将来実施
      form\ta\tＡ\ta.tsv\tproject
      item\ta.department\t部\t部\tdepartment\t部\tfill-down
      item\ta.section\t課\t課\tsection\t課\tfill-down
      item\ta.number\t番号\t番号\tidentifier\t番号
      item\ta.4\t４\t形態\tmultiple\t４形態\t\(flag)
      option\ta.4\t1\t共催\(column("形態_共催"))
      option\ta.4\t3\t委託\(column("形態_委託"))
      option\ta.4\t4\t補助\(column("形態_補助"))
      option\ta.4\t8\tその他\tother\(columns ? "\t\t\t形態_その他" : "")
      item\ta.5\t５\t類型\tsingle\t５類型\t\(flag)
      option\ta.5\t1\t市主体\(column("類型_市主体"))
      option\ta.5\t2\t市・民\(column("類型_市・民"))
      option\ta.5\t3\t民間\(column("類型_民間"))
      nonanswer\t記入なし

      """
  }

  private static let oneCell = """
    部\t課\t番号\t４形態\t５類型
    市民部\t課A\t1\t"①共催
    ③委託"\t①市主体
    \t（X担当）\t2\t③委託\t②市・民
    環境部\t課B\t3\t\t②市・民
    \t\t4\t①共催\t
    \t課C\t5\t"④補助
    ⑧その他（清掃）"\t③民間
    \t\t6\t"①共催
    ③委託
    ④補助"\t①市主体

    """

  private static let zeroOne = """
    部\t課\t番号\t形態_共催\t形態_委託\t形態_補助\t形態_その他\t類型_市主体\t類型_市・民\t類型_民間
    市民部\t課A\t1\t1\t1\t0\t0\t1\t0\t0
    \t（X担当）\t2\t0\t1\t0\t0\t0\t1\t0
    環境部\t課B\t3\t0\t0\t0\t0\t0\t1\t0
    \t\t4\t1\t0\t0\t0\t0\t0\t0
    \t課C\t5\t0\t0\t1\t清掃\t0\t0\t1
    \t\t6\t1\t1\t1\t0\t1\t0\t0

    """

  /// The same with ○ and blank cells, the columns in another order (類型's first).
  private static let circles = """
    部\t課\t番号\t類型_市主体\t類型_市・民\t類型_民間\t形態_共催\t形態_委託\t形態_補助\t形態_その他
    市民部\t課A\t1\t○\t\t\t○\t○\t\t
    \t（X担当）\t2\t\t○\t\t\t○\t\t
    環境部\t課B\t3\t\t○\t\t\t\t\t
    \t\t4\t\t\t\t○\t\t\t
    \t課C\t5\t\t\t○\t\t\t○\t清掃
    \t\t6\t○\t\t\t○\t○\t○\t

    """

  private func survey(columns: Bool, projects: String) throws -> Survey {
    let codebook = try CodebookLoader.load(
      utf8: Array(Self.codebook(columns: columns).utf8), file: "codebook.tsv")
    return try Survey.load(
      codebook: codebook,
      sources: [
        "overall": ExportSource(bytes: Array(Self.overall.utf8), file: "overall.tsv"),
        "a": ExportSource(bytes: Array(projects.utf8), file: "a.tsv"),
      ])
  }

  /// The three writings of the projects.
  private func surveys() throws -> [(name: String, survey: Survey)] {
    [
      ("one cell", try survey(columns: false, projects: Self.oneCell)),
      ("1/0 columns", try survey(columns: true, projects: Self.zeroOne)),
      ("○ columns", try survey(columns: true, projects: Self.circles)),
    ]
  }

  /// Every output compared, as text: the standard report, frequencies with all mentions, crosstabs
  /// both ways and by 部, and the summary of 環境部 (its rows decoded, with ⑧'s note).
  private func outputs(_ survey: Survey) throws -> [String] {
    let renderer = TextRenderer()
    var texts = [renderer.render(try StandardReport.make(survey).value)]
    let options = TableOptions(percentOfMentions: true)
    for query in [
      Query(item: "形態", options: options), Query(item: "類型"), Query(item: "形態", breakdown: "類型"),
      Query(item: "類型", breakdown: "形態"), Query(item: "形態", breakdown: "部"),
      Query(item: "類型", breakdown: "設問２", statistics: true),
    ] {
      texts.append(renderer.render(try query.run(on: survey).value))
    }
    let targets = SummaryTarget.departments(in: survey).filter { $0.name == "環境部" }
    XCTAssertEqual(targets.count, 1)
    let document = try SummaryDocument.make(targets, in: survey, questions: HearingQuestions(questions: []))
    texts.append(SummaryTextRenderer().render(document.value))
    return texts
  }

  func testTheThreeWritingsGiveTheSameOutputs() throws {
    let all = try surveys()
    let expected = try outputs(all[0].survey)
    for (name, survey) in all.dropFirst() {
      let texts = try outputs(survey)
      XCTAssertEqual(texts.count, expected.count)
      for (text, wanted) in zip(texts, expected) { XCTAssertEqual(text, wanted, name) }
    }
    XCTAssertTrue(expected.last?.contains("⑧その他（清掃）") == true, expected.last ?? "")
  }

  /// The rows of the first table of a query, as the TSV a machine reads.
  private func tsv(_ query: Query, on survey: Survey) throws -> [String] {
    let table = try XCTUnwrap(try query.run(on: survey).value.tables.first).forMachines
    return DelimitedRenderer(separator: "\t").render(table).split(separator: "\n").map(String.init)
  }

  func testTheFiguresCountedByHand() throws {
    for (name, survey) in try surveys() {
      let form = try tsv(Query(item: "形態", options: TableOptions(percentOfMentions: true)), on: survey)
      // Mentions 9 = 3 + 3 + 2 + 1 (150.0% of the 6 projects); ① is 3 of 6 and 3 of 9.
      XCTAssertEqual(
        form,
        [
          "code\tlabel\tn\tpercent\tpercent_of_mentions", "1\t共催\t3\t50.0\t33.3", "3\t委託\t3\t50.0\t33.3",
          "4\t補助\t2\t33.3\t22.2", "8\tその他\t1\t16.7\t11.1", "NA\t無回答\t1\t16.7\t11.1",
          "base\t基数\t6\t100.0\t", "mentions\tM.T.\t9\t150.0\t100.0",
        ], name)
      XCTAssertEqual(
        try tsv(Query(item: "類型"), on: survey),
        [
          "code\tlabel\tn\tpercent", "1\t市主体\t2\t33.3", "2\t市・民\t2\t33.3", "3\t民間\t1\t16.7",
          "NA\t無回答\t1\t16.7", "base\t基数\t6\t100.0",
        ], name)
    }
  }

  func testTheMarksOfAChosenOptionAndOfOneNotChosen() {
    for mark in ["1", "１", "○", "〇", "◯", "●", "✓", "✔", "レ", "ﾚ", "TRUE", " ○ "] {
      XCTAssertEqual(OptionMark.read(mark.trimmingSpaces), .chosen, mark)
      var bytes = Array(mark.trimmingSpaces.utf8)
      XCTAssertEqual(
        bytes.withUnsafeMutableBufferPointer { OptionMark.read(UnsafeBufferPointer($0)) }, .chosen)
    }
    for mark in ["", "0", "０", "×", "✕", "-", "－", "ー", "―", "FALSE", "\u{200B}"] {
      XCTAssertEqual(OptionMark.read(mark), .notChosen, mark)
    }
    for text in ["2", "済", "○○", "記入なし", "?"] { XCTAssertNil(OptionMark.read(text), text) }
  }

  /// An option's own number in its column (`3` or `③` in 委託's, `１` in 共催's) marks it chosen: the
  /// 1/0 projects so written give the tables of the one-cell form. Another number is an error.
  func testAnOptionsOwnNumberInItsColumnChoosesIt() throws {
    let numbered = Self.zeroOne
      .replacingOccurrences(of: "\t課A\t1\t1\t1\t0", with: "\t課A\t1\t１\t3\t0")
      .replacingOccurrences(of: "\t\t6\t1\t1\t1", with: "\t\t6\t①\t③\t4")
    XCTAssertNotEqual(numbered, Self.zeroOne)
    XCTAssertEqual(
      try outputs(try survey(columns: true, projects: numbered)),
      try outputs(try survey(columns: false, projects: Self.oneCell)))
    let wrong = Self.zeroOne.replacingOccurrences(of: "\t課A\t1\t1\t1\t0", with: "\t課A\t1\t1\t4\t0")
    XCTAssertThrowsError(try Query(item: "形態").run(on: try survey(columns: true, projects: wrong))) { error in
      XCTAssertEqual((error as? SurveyError)?.diagnostics.first?.column, 5)
    }
  }

  /// A cell that is no mark, outside the その他 column, is an error naming its cell; the cell of
  /// その他 takes words (`清掃` above). A header without an option's column is an error too.
  func testACellThatIsNoMarkAndAMissingColumnAreErrors() throws {
    let codebook = try CodebookLoader.load(
      utf8: Array(Self.codebook(columns: true).utf8), file: "codebook.tsv")
    let bad = Self.zeroOne.replacingOccurrences(of: "\t課A\t1\t1\t1\t0", with: "\t課A\t1\t1\t済\t0")
    /// `kyodo check`'s diagnostics of the overall form and `projects` as a.tsv.
    func checked(_ projects: String) -> [Diagnostic] {
      Checker.check(
        codebook: codebook,
        sources: [
          "overall": ExportSource(bytes: Array(Self.overall.utf8), file: "overall.tsv"),
          "a": ExportSource(bytes: Array(projects.utf8), file: "a.tsv"),
        ], referenceYear: 2010
      ).files.flatMap(\.diagnostics)
    }
    let errors = checked(bad).filter { $0.severity == .error }
    XCTAssertEqual(
      errors.map(\.description),
      [
        "a.tsv:2:5: error: a.4 ４ 形態: '済' in the column of option ③委託 ('形態_委託'); expected "
          + OptionMark.expected
      ])
    XCTAssertThrowsError(try Query(item: "形態").run(on: try survey(columns: true, projects: bad))) { error in
      XCTAssertEqual((error as? SurveyError)?.diagnostics.first?.column, 5)
    }

    let missing = Self.circles.replacingOccurrences(of: "\t形態_補助", with: "\t補助")
    let problems = checked(missing).map(\.description)
    XCTAssertTrue(
      problems.contains("a.tsv:1: error: a.4 ４ 形態: no column for option ④補助; expected a header cell '形態_補助'"),
      "\(problems)")
  }

  func testTheCodebookSaysWhatAColumnsItemLacks() {
    let text = Self.codebook(columns: true)
      .replacingOccurrences(of: "\t\t\t\t形態_補助", with: "")
      .replacingOccurrences(
        of: "item\ta.number\t番号\t番号\tidentifier\t番号", with: "item\ta.number\t番号\t番号\tidentifier\t形態_共催")
    XCTAssertThrowsError(try CodebookLoader.load(utf8: Array(text.utf8), file: "codebook.tsv")) { error in
      let found = (error as? SurveyError)?.diagnostics.map(\.found) ?? []
      XCTAssertEqual(found, ["column '形態_共催' of option 1 of 'a.4'", "option 4 of 'a.4' without a column"])
    }
  }

  /// The bundled survey with Ａ's 分類（ア） written as ten ○ columns, made here by finding the
  /// circled numbers ①–⑩ in each cell (not by kyodo's parser): every table and every check finding
  /// of the standard report is the bundled one (分類（ア）: M.T. 151 over 70 projects, README.md).
  func testTheBundledSurveyWithItsActivitiesInColumns() throws {
    let data = StreamingTests.data
    let labels = ["講座", "イベント", "広報", "相談", "調査", "計画・立案", "施設", "地域活動", "役務", "その他"]
    var reader = TSVReader(
      utf8: Array(try Data(contentsOf: data.appendingPathComponent("a.tsv"))), file: "a.tsv")
    var lines: [String] = []
    var column = 0
    while let record = try reader.next() {
      if lines.isEmpty {
        column = try XCTUnwrap(record.fields.firstIndex(of: "２（２）分類（ア）"))
        lines.append(join(record.fields, column, labels.map { "分類_" + $0 }))
        continue
      }
      let circled = Array("①②③④⑤⑥⑦⑧⑨⑩")
      let marks = circled.map { record.fields[column].contains($0) ? "○" : "" }
      lines.append(join(record.fields, column, marks))
    }
    var codebook = try String(contentsOf: data.appendingPathComponent("codebook.tsv"), encoding: .utf8)
    codebook = codebook.replacingOccurrences(
      of: "multiple\t２（２）分類（ア）\n", with: "multiple\t分類\tcolumns\n")
    for (code, label) in labels.enumerated() {
      let record = "option\ta.2.2a\t\(code + 1)\t\(label)"
      let role = label == "その他" ? "\tother" : label == "計画・立案" ? "\t\t立案" : ""
      let tabs = String(repeating: "\t", count: 4 - role.filter { $0 == "\t" }.count)
      codebook = codebook.replacingOccurrences(
        of: record + role + "\n", with: record + role + tabs + "分類_\(label)\n")
    }
    let directory = try StreamingTests.bundledWith(
      a: Array((lines.joined(separator: "\r\n") + "\r\n").utf8), in: self)
    try codebook.write(
      to: directory.appendingPathComponent("codebook.tsv"), atomically: true, encoding: .utf8)

    let spread = try Survey.load(directory: directory)
    XCTAssertTrue(try XCTUnwrap(spread.codebook.item(id: "a.2.2a")).hasOptionColumns)
    let bundled = try Survey.load(directory: data)
    let renderer = TextRenderer()
    let report = renderer.render(try StandardReport.make(spread).value)
      .replacingOccurrences(of: directory.path + "/", with: data.path + "/")
    XCTAssertEqual(report, renderer.render(try StandardReport.make(bundled).value))
    let crosstab = Query(item: "a.2.2a", breakdown: "部", options: TableOptions(percentOfMentions: true))
    XCTAssertEqual(
      renderer.render(try crosstab.run(on: spread).value),
      renderer.render(try crosstab.run(on: bundled).value))
    let activities = try tsv(Query(item: "a.2.2a"), on: spread)
    XCTAssertEqual(activities.last, "mentions\tM.T.\t151\t215.7")
  }

  /// A record with the field at `column` replaced by `cells`, written as Excel writes TSV.
  private func join(_ fields: [String], _ column: Int, _ cells: [String]) -> String {
    (fields[..<column] + cells + fields[(column + 1)...]).map { field in
      field.contains(where: { $0 == "\t" || $0.isNewline || $0 == "\"" })
        ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: "\t")
  }
}
