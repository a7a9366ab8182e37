import XCTest

@testable import SurveyCore

/// Units as whole paths of the codebook's levels, on the designated city of `DesignatedCityTesting`
/// (every expected figure counted by hand from its rows, as the comments say).
final class OrganizationTests: XCTestCase, DesignatedCityTesting {
  func testTheRosterListsEachUnitByItsWholePath() throws {
    let organization = try city().organization
    // 9 roster rows, 9 units: the three wards' 地域振興課 and 福祉課 are six units, not two.
    XCTAssertEqual(organization.units.count, 9)
    XCTAssertEqual(organization.units[2], UnitPath(names: ["北区役所", "区民部", "地域振興課"]))
    XCTAssertEqual(organization.units[8], UnitPath(names: ["会計室", "", "会計課"]))
    XCTAssertEqual(organization.units[8].description, "会計室 > 会計課")
    XCTAssertEqual(organization.departments, ["市民局", "北区役所", "南区役所", "西区役所", "会計室"])
  }

  func testAProjectJoinsTheUnitWhosePathItNames() throws {
    let lines = try cityTSV(Query(item: "問２", breakdown: "問１"))
    // 問１ of each project's own unit: ①実施 projects 1, 2 (市民活動課), 4 (北 地域振興課), 9 (会計課);
    // ②未実施 3 (市民局 地域振興課), 5 (北 福祉課), 6, 7 (南 地域振興課); 無回答 8 (西 福祉課, blank);
    // 結合なし 10 (東区役所) and 11 (北 総務課). Keyed by 部 + 課 alone, 6 and 7 would join 西's ①.
    XCTAssertTrue(lines.contains("1\t実施\t1\t共催\t2\t50.0\t4"), "\(lines)")  // 1, 4
    XCTAssertTrue(lines.contains("1\t実施\t2\t委託\t2\t50.0\t4"))  // 2, 9
    XCTAssertTrue(lines.contains("2\t未実施\t1\t共催\t2\t50.0\t4"))  // 3, 7
    XCTAssertTrue(lines.contains("2\t未実施\t2\t委託\t2\t50.0\t4"))  // 5, 6
    XCTAssertTrue(lines.contains("NA\t無回答\t1\t共催\t1\t100.0\t1"))  // 8
    XCTAssertTrue(lines.contains("unjoined\t結合なし\t1\t共催\t1\t50.0\t2"))  // 10
    XCTAssertTrue(lines.contains("unjoined\t結合なし\t2\t委託\t1\t50.0\t2"))  // 11
  }

  func testAProjectOfAUnitTheOverallFormDoesNotListIsWarnedByItsLine() throws {
    let survey = try city()
    _ = try Query(item: "問２", breakdown: "問１").run(on: survey)
    let warnings = try survey.finishReading()
    // Projects 10 and 11, on lines 11 and 12.
    XCTAssertEqual(warnings.map(\.line), [11, 12])
    XCTAssertEqual(warnings.map(\.item), ["東区役所 区民部 地域振興課", "北区役所 区民部 総務課"])
    XCTAssertEqual(
      warnings.first?.found,
      "a unit that the overall form does not list; it is counted under its 局・区, 部 and 課 as written")
  }

  func testByTheTopLevelTheRostersNamesComeFirst() throws {
    // Projects 1–3 市民局, 4, 5, 11 北区役所, 6, 7 南区役所, 8 西区役所, 9 会計室, 10 東区役所.
    XCTAssertEqual(
      try cityTSV(Query(item: "a.ward")),
      [
        "row\tn\tpercent", "全体\t11\t100.0", "市民局\t3\t27.3", "北区役所\t3\t27.3", "南区役所\t2\t18.2",
        "西区役所\t1\t9.1", "会計室\t1\t9.1", "東区役所\t1\t9.1", "無回答\t0\t0.0",
      ])
  }

  func testByDepartmentSameNamesOfDifferentWardsAreQualified() throws {
    // 市民協働部 1–3; 北区役所 区民部 4, 5, 11; 南 6, 7; 西 8; 東 10; 会計室 has no 部: 9 is 無回答.
    XCTAssertEqual(
      try cityTSV(Query(item: "a.department")),
      [
        "row\tn\tpercent", "全体\t11\t100.0", "市民協働部\t3\t27.3", "北区役所 区民部\t3\t27.3",
        "南区役所 区民部\t2\t18.2", "西区役所 区民部\t1\t9.1", "東区役所 区民部\t1\t9.1", "無回答\t1\t9.1",
      ])
  }

  func testBySectionANameIsQualifiedAsFarAsMakesItUnique() throws {
    // 地域振興課 is in four 部 (three of them 区民部): 市民局's is told by its 部, the wards' by
    // ward and 部. 市民活動課, 会計課 and 総務課 are unique.
    XCTAssertEqual(
      try cityTSV(Query(item: "a.section")),
      [
        "row\tn\tpercent", "全体\t11\t100.0", "市民活動課\t2\t18.2", "市民協働部 地域振興課\t1\t9.1",
        "北区役所 区民部 地域振興課\t1\t9.1", "北区役所 区民部 福祉課\t1\t9.1", "南区役所 区民部 地域振興課\t2\t18.2",
        "西区役所 区民部 福祉課\t1\t9.1", "会計課\t1\t9.1", "東区役所 区民部 地域振興課\t1\t9.1", "総務課\t1\t9.1",
        "無回答\t0\t0.0",
      ])
  }

  func testTheOverallFormByDepartmentCountsUnits() throws {
    // Units: 市民協働部 ① ②; each ward's 区民部 ① ② (西: ① and blank); 会計室 (no 部) ①.
    let lines = try cityTSV(Query(item: "問１", breakdown: "overall.department"))
    XCTAssertTrue(lines.contains("北区役所 区民部\t北区役所 区民部\t1\t実施\t1\t50.0\t2"), "\(lines)")
    XCTAssertTrue(lines.contains("西区役所 区民部\t西区役所 区民部\tNA\t無回答\t1\t50.0\t2"))
    XCTAssertTrue(lines.contains("NA\t無回答\t1\t実施\t1\t100.0\t1"))
  }

  func testAUnitListedTwiceIsAnErrorNamingBothLines() throws {
    // 北区役所 区民部 福祉課 is on line 5; listed again on line 11.
    let overall = Self.cityOverall + "北区役所\t区民部\t福祉課\t①\n"
    XCTAssertThrowsError(
      try Survey.load(codebook: try cityCodebook(), sources: citySources(overall: overall))
    ) {
      let diagnostics = ($0 as? SurveyError)?.diagnostics.filter { $0.severity == .error } ?? []
      XCTAssertEqual(diagnostics.map(\.line), [11])
      XCTAssertEqual(
        diagnostics.first?.found,
        "a unit listed twice in the overall form (lines 5 and 11); a row of another form could join either")
      XCTAssertEqual(diagnostics.first?.item, "北区役所 > 区民部 > 福祉課")
    }
    let report = Checker.check(
      codebook: try cityCodebook(), sources: citySources(overall: overall), referenceYear: 2010)
    XCTAssertEqual(report.files[0].diagnostics.map(\.line), [11])
    XCTAssertEqual(report.files[0].errors, 1)
  }

  func testTheSameNameInTwoWardsIsTwoUnitsNotADuplicate() throws {
    let report = Checker.check(codebook: try cityCodebook(), sources: citySources(), referenceYear: 2010)
    XCTAssertEqual(report.files[0].errors, 0)
    // The two projects of unlisted units.
    XCTAssertEqual(report.files[1].diagnostics.map(\.line), [11, 12])
  }

  func testACodebookWithoutLevelsHasTheImplicitOnes() throws {
    let codebook = try CodebookLoader.load(
      utf8: Array("form\ta\tＡ\ta.tsv\tproject\nitem\ta.department\t部\t部\tdepartment\t部\n".utf8),
      file: "codebook.tsv")
    XCTAssertEqual(codebook.levels.map(\.name), ["部", "課", "係"])
    XCTAssertEqual(codebook.answeringLevel, 1)
    XCTAssertEqual(codebook.forms[0].items[0].level, 0)
    XCTAssertEqual(try cityCodebook().forms[1].items.map(\.level), [0, 1, 2, 3, nil, nil])
  }

  func testLevelRecordsThatDoNotDescribeAnOrganisationAreErrors() {
    func found(_ text: String) -> [String] {
      do {
        _ = try CodebookLoader.load(utf8: Array(text.utf8), file: "codebook.tsv")
        return []
      } catch {
        return error.diagnostics.map(\.found)
      }
    }
    let roster = "form\toverall\t総括票\toverall.tsv\tunit\nitem\toverall.section\t課\t課\tsection\t課\n"
    XCTAssertEqual(found("level\tsection\t課\n" + roster), ["an overall form 'overall' that no level answers"])
    XCTAssertEqual(
      found("level\tward\t区\nlevel\tsection\t課\tanswers\n" + roster),
      ["no item of form 'overall' for level 'ward'"])
    XCTAssertEqual(
      found("level\tsection\t課\tanswers\nlevel\tteam\t係\tanswers\n" + roster),
      ["a second level answering the overall form ('team')"])
    XCTAssertEqual(
      found("level\ttext\t課\tanswers\n" + roster).first, "level id 'text'")
    XCTAssertEqual(
      found("level\tsection\t課\tanswers\n" + roster + "level\tteam\t係\n"), ["a level after items"])
    XCTAssertEqual(
      found("level\tsection\t課\tanswers\n" + roster + "item\toverall.x\t部\t部\tdepartment\t部\n"),
      ["item kind 'department'"])
    XCTAssertEqual(
      found("level\tsection\t課\tanswers\nform\ta\tＡ\ta.tsv\tproject\nitem\ta.section\t課\t課\tsection\t課\n"),
      ["level 'section' answers an overall form that the codebook lacks"])
  }

  func testQualifiedNamesGrowOnlyAsFarAsMakesThemUnique() {
    var names = QualifiedNames()
    XCTAssertEqual(names.add(["北区役所", "区民部", "地域振興課"]), [])
    XCTAssertEqual(names.labels, ["地域振興課"])
    // A second 地域振興課 in another 部 qualifies both by their 部.
    XCTAssertEqual(names.add(["市民局", "市民協働部", "地域振興課"]), [0])
    XCTAssertEqual(names.labels, ["区民部 地域振興課", "市民協働部 地域振興課"])
    // A second 区民部 地域振興課 qualifies the first by its ward; 市民協働部's stays as it is.
    XCTAssertEqual(names.add(["南区役所", "区民部", "地域振興課"]), [0])
    XCTAssertEqual(
      names.labels, ["北区役所 区民部 地域振興課", "市民協働部 地域振興課", "南区役所 区民部 地域振興課"])
    // A blank level is left out of the name.
    _ = names.add(["会計室", "", "会計課"])
    XCTAssertEqual(names.labels.last, "会計課")
  }

  func testASummaryTargetIsAUnitOfItsWardAndNamesTheCodebooksLevels() throws {
    let survey = try city()
    // 北区役所地域振興課 is one unit: its own answer (①) and its one project (4), not another ward's.
    let target = try TargetResolution.resolve("北区役所地域振興課", in: survey).target
    let summary = try UnitSummary.make(target, in: survey)
    XCTAssertEqual(summary.units.map(\.unit), [UnitPath(names: ["北区役所", "区民部", "地域振興課"])])
    XCTAssertEqual(summary.entries.map(\.identifier), ["4"])
    // A 課 with no projects is a target too: 西区役所's 地域振興課.
    XCTAssertEqual(
      try UnitSummary.make(try TargetResolution.resolve("西区役所地域振興課", in: survey).target, in: survey).entries
        .count, 0)
    XCTAssertThrowsError(try TargetResolution.resolve("地域振興課", in: survey)) {
      XCTAssertTrue("\($0)".contains("a name qualified by its 局・区, 部 or 課"), "\($0)")
    }
    // The city's codebook names no hearing file: no questions.
    XCTAssertNil(survey.codebook.hearingFile)
  }

  func testSummaryTargetsAreUnitsOfEveryLevelByNameOrPath() throws {
    let survey = try city()
    // 区民部 is in four wards (東区役所's only in a project row): ambiguous alone, one with its ward.
    XCTAssertThrowsError(try TargetResolution.resolve("区民部", in: survey))
    let department = try TargetResolution.resolve("北区役所区民部", in: survey).target
    XCTAssertEqual(department, SummaryTarget(level: .department, names: ["北区役所", "区民部"]))
    let summary = try UnitSummary.make(department, in: survey)
    // Its two units' own answers, and its projects 4, 5 and 11 (総務課, not in the overall form).
    XCTAssertEqual(summary.units.map(\.unit.section), ["地域振興課", "福祉課"])
    XCTAssertEqual(summary.entries.map(\.identifier), ["4", "5", "11"])
    // 市民局市民協働部, as a hearing plan writes it.
    XCTAssertEqual(
      try TargetResolution.resolve("市民局市民協働部", in: survey).target.path, ["市民局", "市民協働部"])
    // The 会計室 has no 部: its 課 is named by the ward alone.
    XCTAssertEqual(
      try TargetResolution.resolve("会計課", in: survey).target.path, ["会計室", "会計課"])
  }

  func testAFilterNamesAUnitOfALevelByItsQualifiedName() throws {
    // 北区役所 区民部: projects 4, 5 and 11; 南区役所 区民部 地域振興課 (written without spaces): 6 and 7.
    let department = try Query(item: "問２", filters: [try Filter(parsing: "部=北区役所 区民部")])
      .run(on: try city()).value
    XCTAssertTrue(department.tables[0].notes.contains("filter: a.department 部 = 北区役所 区民部 (3 of 11 projects)"))
    let section = try Query(item: "問２", filters: [try Filter(parsing: "課=南区役所区民部地域振興課")])
      .run(on: try city()).value
    XCTAssertTrue(
      section.tables[0].notes.contains("filter: a.section 課 = 南区役所 区民部 地域振興課 (2 of 11 projects)"),
      "\(section.tables[0].notes)")
  }
}
