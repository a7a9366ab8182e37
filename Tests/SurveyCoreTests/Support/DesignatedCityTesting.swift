import XCTest

@testable import SurveyCore

/// Tests on a small designated city (政令指定都市) organised 局・区 → 部 → 課, its 課 answering the
/// overall form: three 区役所 with the same 部 (区民部) and 課 (地域振興課, 福祉課), a 会計室 with no
/// 部, and a few projects. Every expected figure of the tests is counted by hand from the rows below.
///
/// Overall form (9 units; physical lines 2–10): 市民局 市民協働部 市民活動課 ①, 地域振興課 ②;
/// 北区役所 区民部 地域振興課 ①, 福祉課 ②; 南区役所 区民部 地域振興課 ②, 福祉課 ①; 西区役所 区民部
/// 地域振興課 ①, 福祉課 (blank); 会計室 (no 部) 会計課 ①.
/// 事業票 (11 projects; project n on line n + 1): 1–2 市民局 市民協働部 市民活動課 (① ②); 3 市民局
/// 市民協働部 地域振興課 ①; 4 北 地域振興課 ①; 5 北 福祉課 ②; 6–7 南 地域振興課 (② ①); 8 西 福祉課 ①;
/// 9 会計室 会計課 ②; 10 東区役所 区民部 地域振興課 ① and 11 北区役所 区民部 総務課 ②, units the
/// overall form does not list.
protocol DesignatedCityTesting {}

extension DesignatedCityTesting {
  static var cityCodebook: String {
    """
    level\tward\t局・区
    level\tdepartment\t部\toptional
    level\tsection\t課\tanswers
    level\tteam\t係
    form\toverall\t総括票\toverall.tsv\tunit
    item\toverall.ward\t局・区\t局・区\tward\t局・区\tfill-down
    item\toverall.department\t部\t部\tdepartment\t部\tfill-down
    item\toverall.section\t課\t課\tsection\t課
    item\toverall.1\t問１\t実施状況\tsingle\t問１
    option\toverall.1\t1\t実施
    option\toverall.1\t2\t未実施
    form\ta\t事業票\ta.tsv\tproject
    item\ta.ward\t局・区\t局・区\tward\t局・区\tfill-down
    item\ta.department\t部\t部\tdepartment\t部\tfill-down
    item\ta.section\t課\t課\tsection\t課\tfill-down
    item\ta.team\t係\t係\tteam\t係
    item\ta.number\t番号\t番号\tidentifier\t番号
    item\ta.2\t問２\t形態\tsingle\t問２
    option\ta.2\t1\t共催
    option\ta.2\t2\t委託
    nonanswer\t記入なし

    """
  }

  static var cityOverall: String {
    """
    局・区\t部\t課\t問１
    市民局\t市民協働部\t市民活動課\t①
    \t\t地域振興課\t②
    北区役所\t区民部\t地域振興課\t①
    \t\t福祉課\t②
    南区役所\t区民部\t地域振興課\t②
    \t\t福祉課\t①
    西区役所\t区民部\t地域振興課\t①
    \t\t福祉課\t
    会計室\t\t会計課\t①

    """
  }

  static var cityProjects: String {
    """
    局・区\t部\t課\t係\t番号\t問２
    市民局\t市民協働部\t市民活動課\t協働係\t1\t①
    \t\t\t協働係\t2\t②
    \t\t地域振興課\t\t3\t①
    北区役所\t区民部\t地域振興課\t地域係\t4\t①
    \t\t福祉課\t\t5\t②
    南区役所\t区民部\t地域振興課\t\t6\t②
    \t\t\t\t7\t①
    西区役所\t区民部\t福祉課\t\t8\t①
    会計室\t\t会計課\t\t9\t②
    東区役所\t区民部\t地域振興課\t\t10\t①
    北区役所\t区民部\t総務課\t\t11\t②

    """
  }

  func cityCodebook() throws -> Codebook {
    try CodebookLoader.load(utf8: Array(Self.cityCodebook.utf8), file: "codebook.tsv")
  }

  func citySources(overall: String = Self.cityOverall) -> [String: ExportSource] {
    [
      "overall": ExportSource(bytes: Array(overall.utf8), file: "overall.tsv"),
      "a": ExportSource(bytes: Array(Self.cityProjects.utf8), file: "a.tsv"),
    ]
  }

  func city() throws -> Survey {
    try Survey.load(codebook: try cityCodebook(), sources: citySources())
  }

  /// The lines of a query's first table on the city, as the TSV a machine reads.
  func cityTSV(_ query: Query) throws -> [String] {
    let report = try query.run(on: try city()).value
    let text = DelimitedRenderer(separator: "\t").render(report.tables[0].forMachines)
    return text.split(separator: "\n").map(String.init)
  }
}
