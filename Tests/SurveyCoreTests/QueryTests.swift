import XCTest

@testable import SurveyCore

/// Tables on the small survey of `SmallSurveyTesting`: a project item by an overall item, joined on the unit,
/// and layers.
final class QueryTests: XCTestCase, SmallSurveyTesting {
  func testAProjectItemByAnOverallItemJoinsOnTheUnit() throws {
    let report = try Query(item: "形態", breakdown: "設問２").run(on: try survey()).value
    let table = report.tables[0]
    let lines = DelimitedRenderer(separator: "\t").render(table.forMachines).split(separator: "\n").map(
      String.init)
    // ①現在実施: projects 1 (課A), 3 and 4 (課B); ②: 2 (（X担当）); 結合なし: 5 (課Z).
    XCTAssertTrue(lines.contains("1\t現在実施\t1\t共催\t2\t66.7\t3"))
    XCTAssertTrue(lines.contains("1\t現在実施\tNA\t無回答\t1\t33.3\t3"))
    XCTAssertTrue(lines.contains("2\t現在＋将来\t3\t委託\t1\t100.0\t1"))
    XCTAssertTrue(lines.contains("unjoined\t結合なし\t4\t補助\t1\t100.0\t1"))
    XCTAssertTrue(
      table.notes.contains(
        "joined on the unit: 4 of 5 projects joined (1 without a unit of the overall form, counted as 結合なし); they belong to 3 of the 4 units, 1 units have none"
      ), "\(table.notes)")
  }

  func testLayersGiveOneTablePerCategory() throws {
    let report = try Query(item: "類型", breakdown: "形態", layer: "部").run(on: try survey()).value
    XCTAssertEqual(report.tables.count, 3)
    XCTAssertTrue(report.tables[0].notes.contains("layer: a.department 部 = 市民部"))
    XCTAssertTrue(report.tables[2].notes.contains("layer: a.department 部 = 無回答"))
  }

  /// Planning resolves every name once, before any row is counted: a name that two forms share
  /// is read in the counted form, and a request that cannot be answered stops there.
  func testThePlanResolvesEveryNameBeforeAnyRowIsCounted() throws {
    let survey = try survey()
    let query = Query(item: "設問２", breakdown: "形態", filters: [try Filter(parsing: "部=市民部")])
    let plan = try query.plan(on: survey)
    XCTAssertEqual(plan.data.form.id, "a")
    XCTAssertEqual(plan.variable.item.id, "overall.2")
    XCTAssertEqual(plan.breakdown?.item.id, "a.4")
    XCTAssertEqual(plan.filters.map(\.variable.item.id), ["a.department"])
    let refused = [
      (Query(item: "形態", breakdown: "規模"), "unknown item '規模'"),
      (Query(item: "番号"), "a.number identifies each project; it has nothing to count"),
    ]
    for (query, found) in refused {
      XCTAssertThrowsError(try query.plan(on: survey)) { error in
        XCTAssertEqual((error as? SurveyError)?.usageProblems.map(\.found), [found])
      }
    }
  }

  /// A run returns the warnings of the data with its tables: no separate call collects them.
  func testARunReturnsTheWarningsOfTheData() throws {
    let survey = try survey()
    let outcome = try Query(item: "類型").run(on: survey)
    // The small survey's one warning: a project of a 課 the overall form does not list.
    XCTAssertEqual(outcome.warnings.map(\.line), [7])
    XCTAssertEqual(outcome.warnings, survey.warnings + (try survey.finishReading()))
  }
}
