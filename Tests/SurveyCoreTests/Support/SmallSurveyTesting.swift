import XCTest

@testable import SurveyCore

/// Tests on a small survey whose every figure is counted by hand below: bases, item pairings,
/// joins, filters, layers, numeric summaries and derived variables.
///
/// Overall form (4 units): 市民部 課A ① (設問１ answered); its sub-unit （X担当） ② (記入なし);
/// 環境部 課B ① (answered); 課C ④ (blank).
/// Ａ form (5 projects): 1 課A 形態①③ 類型① 100千円; 2 （X担当） ③ ② 1,000千円;
/// 3 課B (blank) ② ②無し; 4 課B ① (blank) 0千円; 5 課Z (not in the overall form) ④ ③ 12,345千円.
protocol SmallSurveyTesting {}

extension SmallSurveyTesting {
  static var codebook: String {
    """
    form\toverall\t全体\toverall.tsv\tunit
    item\toverall.department\t部\t部\tdepartment\t部\tfill-down
    item\toverall.section\t課\t課\tsection\t課
    item\toverall.1\t設問１\tなぜ\ttext\t設問１
    item\toverall.2\t設問２\t実施状況\tsingle\t設問２
    option\toverall.2\t1\t現在実施
    option\toverall.2\t2\t現在＋将来
    option\toverall.2\t4\t所掌なし
    form\ta\tＡ\ta.tsv\tproject
    item\ta.department\t部\t部\tdepartment\t部\tfill-down
    item\ta.section\t課\t課\tsection\t課\tfill-down
    item\ta.number\t番号\t番号\tidentifier\t番号
    item\ta.4\t４\t形態\tmultiple\t４形態
    option\ta.4\t1\t共催
    option\ta.4\t3\t委託
    option\ta.4\t4\t補助
    item\ta.5\t５\t類型\tsingle\t５類型
    option\ta.5\t1\t市主体
    option\ta.5\t2\t市・民
    option\ta.5\t3\t民間
    item\ta.7\t７\t市の予算\tamount\t７市の予算
    option\ta.7\t1\t金額\tfigure
    option\ta.7\t2\t無し\tnone
    nonanswer\t記入なし
    amount-unit\t千円\t1000

    """
  }

  static var overall: String {
    """
    部\t課\t設問１\t設問２
    市民部\t課A\t理由がある\t①
    \t（X担当）\t記入なし\t②
    環境部\t課B\t理由がある\t①
    \t課C\t\t④

    """
  }

  static var projects: String {
    """
    部\t課\t番号\t４形態\t５類型\t７市の予算
    市民部\t課A\t1\t"①共催
    ③委託"\t①市主体\t①100千円
    \t（X担当）\t2\t③\t②\t①1,000千円
    環境部\t課B\t3\t\t②\t②無し
    \t\t4\t①\t\t①0千円
    \t課Z\t5\t④\t③\t①12,345千円

    """
  }

  func survey() throws -> Survey {
    let codebook = try CodebookLoader.load(utf8: Array(Self.codebook.utf8), file: "codebook.tsv")
    return try Survey.load(
      codebook: codebook,
      sources: [
        "overall": ExportSource(bytes: Array(Self.overall.utf8), file: "overall.tsv"),
        "a": ExportSource(bytes: Array(Self.projects.utf8), file: "a.tsv"),
      ])
  }

  /// The rows of the first table of a query, as the TSV a machine reads.
  func tsv(_ query: Query, table index: Int = 0) throws -> [String] {
    let report = try query.run(on: try survey()).value
    let table = report.tables[index].forMachines
    let text = DelimitedRenderer(separator: "\t").render(table)
    return text.split(separator: "\n").map(String.init)
  }
}
