import Foundation
import XCTest

/// A designated city's survey (Fixtures/city, written by its make-city.py): 40 units in 局・区 →
/// 部 → 課 with seven 区役所 of the same 部 and 課 names, a 会計室 without 部 and a 課 without
/// projects, 122 projects with 係 under two wards' 福祉課, the overall form in UTF-16LE and the
/// projects in CP932, codes written as ①, 1, １, `1.共催`, `(2)委託` and `1、3`, amounts and start
/// years in every form offices write them, blank cells of U+200B and U+3000, a row of empty cells.
/// Every expected figure is in expected.txt, counted by the script from the values it chose, not
/// from the cells; the cells meant to warn are in expected-warnings.txt, chosen by the script too.
final class CityTests: XCTestCase {
  /// The fixture, relative to the repository root the commands run in.
  static let city = "Tests/KyodoTests/Fixtures/city"
  static let cityURL = KyodoCommandTests.root.appendingPathComponent(city)

  /// expected.txt: `KEY… VALUE` lines.
  private func expected() throws -> [String: Int] {
    let text = try String(contentsOf: Self.cityURL.appendingPathComponent("expected.txt"), encoding: .utf8)
    var figures: [String: Int] = [:]
    for line in text.split(separator: "\n") {
      var words = line.split(separator: " ").map(String.init)
      guard let value = words.popLast().flatMap({ Int($0) }) else { continue }
      figures[words.joined(separator: " ")] = value
    }
    return figures
  }

  /// The expected figures whose key starts with `prefix`, by the rest of the key.
  private func expected(_ prefix: String) throws -> [String: Int] {
    var found: [String: Int] = [:]
    for (key, value) in try expected() where key.hasPrefix(prefix + " ") {
      found[String(key.dropFirst(prefix.count + 1))] = value
    }
    return found
  }

  /// Each unit's answer to 問１ (`1`, `2`, `3` or `NA`), by its path, from expected.txt.
  private func answers() throws -> [String: String] {
    let text = try String(contentsOf: Self.cityURL.appendingPathComponent("expected.txt"), encoding: .utf8)
    var found: [String: String] = [:]
    for line in text.split(separator: "\n") where line.hasPrefix("answer ") {
      var words = line.dropFirst("answer ".count).split(separator: " ").map(String.init)
      if let answer = words.popLast() { found[words.joined(separator: " ")] = answer }
    }
    return found
  }

  private func run(_ arguments: [String]) throws -> KyodoCommandTests.Result {
    try KyodoCommandTests.run(arguments + ["--data", Self.city])
  }

  /// The TSV lines of `tabulate ARGUMENTS` (its first table), as dictionaries by column.
  private func lines(_ arguments: [String]) throws -> [[String: String]] {
    let result = try run(["tabulate"] + arguments + ["--format", "tsv"])
    XCTAssertEqual(result.status, 0, result.standardError)
    let table = result.standardOutput.components(separatedBy: "\n\n").first { !$0.isEmpty } ?? ""
    let rows = table.split(separator: "\n").filter { !$0.hasPrefix("# ") }.map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    guard let header = rows.first else { return [] }
    return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
  }

  private func counts(_ arguments: [String]) throws -> [String: Int] {
    Dictionary(
      try lines(arguments).compactMap { line in
        line["code"].flatMap { code in line["n"].flatMap(Int.init).map { (code, $0) } }
      }
    ) { first, _ in first }
  }

  /// The base of each row of a crosstab, by its label (全体 and 無回答 included).
  private func rowBases(_ arguments: [String]) throws -> [String: Int] {
    var bases: [String: Int] = [:]
    for line in try lines(arguments) {
      if let label = line["row_label"], let base = line["base"].flatMap(Int.init) { bases[label] = base }
    }
    return bases
  }

  func testFrequenciesOfEveryCellForm() throws {
    let figures = try expected()
    let overall = try counts(["問１"])
    for code in ["1", "2", "3", "NA"] {
      XCTAssertEqual(overall[code], figures["overall.1 \(code)"], "問１ \(code)")
    }
    XCTAssertEqual(overall["base"], figures["units"])
    let forms = try counts(["形態"])
    for code in ["1", "2", "3", "4"] { XCTAssertEqual(forms[code], figures["a.2 \(code)"], "形態 \(code)") }
    XCTAssertEqual(forms["base"], figures["projects"])
    let kinds = try counts(["類型"])
    for code in ["1", "2", "3", "NA"] { XCTAssertEqual(kinds[code], figures["a.3 \(code)"], "類型 \(code)") }
  }

  /// A 総括票 cell of only U+200B is blank (空欄), not an answer; `記入なし` is a non-answer written.
  func testInvisibleBlanksAreBlankAndNonAnswersAreWritten() throws {
    let figures = try expected()
    let split = try counts(["問１", "--split-na"])
    XCTAssertEqual(split["NA-blank"], figures["overall.1 NA blank"])
    XCTAssertEqual(split["NA-written"], figures["overall.1 NA written"])
  }

  /// `kyodo items`: the levels are items of the kind of their level's id, amounts and years theirs.
  func testItemsListTheLevelsAndEveryKind() throws {
    let result = try run(["items", "a"])
    XCTAssertEqual(result.status, 0, result.standardError)
    let kinds = result.standardOutput.split(separator: "\n").dropFirst(3).compactMap {
      $0.split(separator: " ").dropFirst(3).first.map(String.init)
    }
    XCTAssertEqual(
      kinds,
      ["ward", "department", "section", "team", "identifier", "text", "multiple", "single", "amount", "year"])
    XCTAssertTrue(result.standardOutput.contains("a.4           ４      事業費    amount      ①金額 ②無し ③算定不能"))
  }

  /// ４事業費 (`事業費（千円）`): the sum in 千円 of every figure however written, how many gave one,
  /// why the others did not, how many are approximate, and the amount classes.
  func testAmountsInEveryWrittenForm() throws {
    let figures = try expected()
    let result = try run(["tabulate", "事業費", "--format", "tsv"])
    XCTAssertEqual(result.status, 0, result.standardError)
    let total = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("全体\t") }
    let cells = total.map { $0.split(separator: "\t").map(String.init) } ?? []
    XCTAssertEqual(cells.count, 11, result.standardOutput)
    guard cells.count == 11 else { return }
    XCTAssertEqual(Int(cells[1]), figures["projects"])
    XCTAssertEqual(Int(cells[2]), figures["a.4 given"])
    XCTAssertEqual(Int(cells[3]), figures["a.4 sum"])
    XCTAssertEqual(
      Int(cells[10]),
      ["none", "uncomputable", "no-figure", "blank"].compactMap { figures["a.4 \($0)"] }.reduce(0, +))
    let text = try run(["tabulate", "事業費"]).standardOutput
    let approximate = figures["a.4 approximate"] ?? -1
    XCTAssertTrue(
      text.contains(
        "\(approximate) of the \(figures["a.4 given"] ?? -1) amounts are approximate (約, 程度, 概算, 見込み)"),
      text)
    let classes = try counts(["事業費:class"])
    for (key, value) in try expected("a.4:class") { XCTAssertEqual(classes[key], value, "事業費:class \(key)") }
    XCTAssertEqual(classes["2"], figures["a.4 none"])
    XCTAssertEqual(classes["3"], figures["a.4 uncomputable"])
    // The figure code without a figure (①．千円, ①未定) prints its code, 1.
    XCTAssertEqual(classes["1"], figures["a.4 no-figure"])
    XCTAssertEqual(classes["NA"], figures["a.4 blank"])
    // 無し, 算定不能 and ①未定 answered: only blank cells are outside the answered base.
    let answered = try counts(["事業費:class", "--base", "answered"])["base"]
    XCTAssertEqual(answered, (figures["projects"] ?? 0) - (figures["a.4 blank"] ?? 0))
  }

  /// ５開始年度: Ｈ２５, H25, Ｒ元, Ｓ６０, 平成十二年, 2015年度 … by era and by decade, 不明 its own
  /// category, blank cells 無回答.
  func testStartYearsByEraAndDecade() throws {
    let figures = try expected()
    let eras = try counts(["開始年度:era"])
    for (key, value) in try expected("a.5:era") { XCTAssertEqual(eras[key], value, "era \(key)") }
    XCTAssertEqual(eras["明治"], 0)
    XCTAssertEqual(eras["大正"], 0)
    XCTAssertEqual(eras["2"], figures["a.5 unknown"])
    XCTAssertEqual(eras["NA"], figures["a.5 blank"])
    let answered = try counts(["開始年度:era", "--base", "answered"])["base"]
    XCTAssertEqual(answered, (figures["projects"] ?? 0) - (figures["a.5 blank"] ?? 0))
    let decades = try counts(["開始年度:decade"])
    let expectedDecades = try expected("a.5:decade")
    XCTAssertEqual(Set(decades.keys), Set(expectedDecades.keys).union(["2", "NA", "base"]))
    for (key, value) in expectedDecades { XCTAssertEqual(decades[key], value, "decade \(key)") }
    XCTAssertEqual(decades["base"], figures["projects"])
  }

  /// `--by 局・区`, `--by 部`, `--by 課`, `--by 係`: one row per unit of that level, same-named units of
  /// different wards apart, each row the script's count for the unit whose path its label ends.
  func testCrosstabsByEachLevelCountSameNamedUnitsApart() throws {
    let figures = try expected()
    for (level, prefix) in [("局・区", "a by ward"), ("部", "a by 部"), ("課", "a by 課"), ("係", "a by 係")] {
      let bases = try rowBases(["類型", "--by", level])
      XCTAssertEqual(bases["全体"], figures["projects"], level)
      var expectedRows = try expected(prefix)
      let notAnswered = expectedRows.removeValue(forKey: "NA") ?? 0
      XCTAssertEqual(bases["無回答"] ?? 0, notAnswered, "\(level) 無回答")
      for (path, count) in expectedRows {
        // The row of a unit is labelled by its name, qualified by names above it only as needed.
        let rows = bases.keys.filter { $0 != "全体" && $0 != "無回答" && (path == $0 || path.hasSuffix(" " + $0)) }
        if count == 0 && rows.isEmpty { continue }
        XCTAssertEqual(rows.count, 1, "\(level) \(path): \(rows)")
        XCTAssertEqual(rows.first.flatMap { bases[$0] }, count, "\(level) \(path)")
      }
      let units = bases.filter { $0.key != "全体" && $0.key != "無回答" }
      XCTAssertEqual(units.values.reduce(0, +) + notAnswered, figures["projects"], level)
    }
    let departments = try rowBases(["類型", "--by", "部"])
    XCTAssertEqual(departments["北区役所 区民部"], figures["a by 部 北区役所 区民部"])
    XCTAssertNil(departments["区民部"])
    XCTAssertEqual(departments["環境部"], figures["a by 部 環境局 環境部"])
  }

  func testProjectsJoinedToTheirUnitsAnswer() throws {
    let figures = try expected()
    var joined: [String: Int] = [:]
    for line in try lines(["類型", "--by", "問１"]) {
      if let code = line["row_code"], let base = line["base"].flatMap(Int.init) { joined[code] = base }
    }
    for code in ["1", "2", "3", "NA", "unjoined"] {
      XCTAssertEqual(joined[code], figures["a by overall.1 \(code)"], "joined \(code)")
    }
  }

  /// Per unit: a 課's projects (chosen by its path) all join its own answer, not another ward's.
  func testEachUnitsProjectsJoinItsOwnAnswer() throws {
    let figures = try expected()
    let answers = try answers()
    for path in ["北区役所 区民部 福祉課", "南区役所 区民部 福祉課", "緑区役所 区民部 区民課", "会計室 会計課"] {
      let names = path.split(separator: " ")
      let filter = "課=" + [names.first, names.last].compactMap { $0 }.joined(separator: " ")
      var joined: [String: Int] = [:]
      for line in try lines(["類型", "--by", "問１", "--where", filter]) where line["row_code"] != "total" {
        if let code = line["row_code"], let base = line["base"].flatMap(Int.init), base > 0 {
          joined[code] = base
        }
      }
      let count = figures["a by 課 \(path)"] ?? -1
      XCTAssertEqual(joined, [answers[path] ?? "?": count], path)
    }
  }

  /// `--where 部=区民部` keeps every ward's 区民部 (not the first met), in the streamed projects and in
  /// the overall form; `北区役所 区民部` keeps one.
  func testAFilterNameOfSeveralUnitsSelectsThemAll() throws {
    let figures = try expected()
    let wards = try expected("a by 部").filter { $0.key.hasSuffix(" 区民部") }
    XCTAssertEqual(wards.count, 7)
    let all = wards.values.reduce(0, +)
    XCTAssertEqual(try counts(["類型", "--where", "部=区民部"])["base"], all)
    XCTAssertEqual(try counts(["類型", "--where", "部=北区役所 区民部"])["base"], figures["a by 部 北区役所 区民部"])
    XCTAssertEqual(try counts(["類型", "--where", "部!=区民部"])["base"], (figures["projects"] ?? 0) - all)
    let sections = try expected("a by 課").filter { $0.key.hasSuffix(" 福祉課") }
    XCTAssertEqual(try counts(["類型", "--where", "課=福祉課"])["base"], sections.values.reduce(0, +))
    XCTAssertEqual(try counts(["類型", "--where", "課=南区役所福祉課"])["base"], figures["a by 課 南区役所 区民部 福祉課"])
    let units = try answers().keys.filter { $0.contains(" 区民部 ") }.count
    XCTAssertEqual(try counts(["問１", "--where", "部=区民部"])["base"], units)
    let result = try run(["tabulate", "類型", "--where", "部=区民部"])
    XCTAssertTrue(
      result.standardOutput.contains(
        "filter: a.department 部 = 北区役所 区民部, 南区役所 区民部, 東区役所 区民部, 西区役所 区民部, 中央区役所 区民部, 港区役所 区民部, 緑区役所 区民部 (\(all) of"
      ), result.standardOutput)
  }

  /// `kyodo tabulate` with no item: every form's tables, status 0, the units and projects counted.
  func testTheStandardReport() throws {
    let figures = try expected()
    let result = try run(["tabulate"])
    XCTAssertEqual(result.status, 0, result.standardError)
    let text = result.standardOutput
    XCTAssertTrue(text.contains("\(figures["units"] ?? -1) units in 11 局・区"), text)
    XCTAssertTrue(text.contains("\(figures["projects"] ?? -1) projects in 11 局・区"))
    XCTAssertEqual(
      result.standardError,
      "kyodo: \(figures["check warnings"] ?? -1) warnings in the data (--show-warnings lists them)\n")
    // The top level flagged `breakdown` as well is one table, not two; 形態 is flagged too.
    for table in ["a.4 ４ 事業費: statistics by a.ward 局・区", "a.4 ４ 事業費: statistics by a.2 ２ 形態"] {
      XCTAssertEqual(text.components(separatedBy: table + "\n").count - 1, 1, table)
    }
    // 事業費 per 形態, in 千円: a project of two 形態 counts in each row.
    let tsv = try run(["tabulate", "--format", "tsv"]).standardOutput
    let table = tsv.components(separatedBy: "\n\n").first { $0.hasPrefix("# a.4-summary-by-a.2\t") } ?? ""
    var sums: [String: Int] = [:]
    for line in table.split(separator: "\n").dropFirst(2) {
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      if cells.count > 3 { sums[cells[0]] = Int(cells[3]) }
    }
    XCTAssertEqual(sums["全体"], figures["a.4 sum"])
    for (code, label) in [(1, "①共催"), (2, "②委託"), (3, "③補助"), (4, "④その他")] {
      XCTAssertEqual(sums[label], figures["a.4 sum by a.2 \(code)"], label)
    }
  }

  /// `kyodo summary` of a 局, of a 部 and a 課 by path, of a 課 with no projects: status 0, and the
  /// projects and 事業費 the script gave each.
  func testSummariesOfEveryUnitOfALevel() throws {
    let figures = try expected()
    // The path lines of a binder: the line after each page's heading.
    func paths(_ level: String) throws -> [String] {
      let result = try run(["summary", "--all", "--level", level])
      XCTAssertEqual(result.status, 0, "\(level): \(result.standardError)")
      let lines = result.standardOutput.split(separator: "\n").map(String.init)
      return lines.indices.filter { lines[$0].hasPrefix("ヒアリング資料") && $0 + 1 < lines.count }.map {
        lines[$0 + 1]
      }
    }
    // The script's 部 and 係 with projects (every one has some), in the roster's order.
    func expectedPaths(_ level: String) -> [String] {
      figures.keys.filter { $0.hasPrefix("a by \(level) ") && !$0.hasSuffix(" NA") }.map {
        $0.dropFirst("a by \(level) ".count).split(separator: " ").joined(separator: " > ")
      }
    }
    XCTAssertEqual(Set(try paths("部")), Set(expectedPaths("部")))
    XCTAssertEqual(try paths("部").count, 11)
    XCTAssertEqual(Set(try paths("係")), Set(expectedPaths("係")))
    // Every unit of the 総括票, and 水道課, which only a project names.
    XCTAssertEqual(try paths("課").count, (figures["units"] ?? 0) + 1)
    XCTAssertEqual(
      try paths("局・区").count,
      try run(["summary", "--all"]).standardOutput.components(separatedBy: "ヒアリング資料").count - 1)
    let unknown = try run(["summary", "--all", "--level", "班"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.standardError.contains("expected one of the codebook's levels: 局・区, 部, 課, 係"))
    XCTAssertEqual(try run(["summary", "環境部", "--level", "部"]).status, 2)
  }

  func testSummariesAtEachLevel() throws {
    let figures = try expected()
    // Each target, its path, its projects and 事業費, and the projects of the unit above it that
    // the comparison shows (none for a 局).
    let targets: [(target: String, path: String, projects: Int?, amount: Int?, parent: Int?)] = [
      ("市民局", "市民局", figures["summary 市民局 projects"], figures["summary 市民局 amount"], nil),
      (
        "北区役所 区民部", "北区役所 > 区民部", figures["a by 部 北区役所 区民部"], figures["a.4 sum by 部 北区役所 区民部"],
        figures["a by ward 北区役所"]
      ),
      (
        "北区役所 福祉課", "北区役所 > 区民部 > 福祉課", figures["a by 課 北区役所 区民部 福祉課"],
        figures["a.4 sum by 課 北区役所 区民部 福祉課"], figures["a by 部 北区役所 区民部"]
      ),
      (
        "防災課", "市民局 > 生活安全部 > 防災課", figures["a by 課 市民局 生活安全部 防災課"],
        figures["a.4 sum by 課 市民局 生活安全部 防災課"], figures["a by 部 市民局 生活安全部"]
      ),
      ("環境保全課", "環境局 > 環境部 > 環境保全課", 0, 0, figures["a by 部 環境局 環境部"]),
      (
        "会計課", "会計室 > 会計課", figures["a by 課 会計室 会計課"], figures["a.4 sum by 課 会計室 会計課"],
        figures["a by ward 会計室"]
      ),
    ]
    for (target, path, projects, amount, parent) in targets {
      let result = try run(["summary", target])
      XCTAssertEqual(result.status, 0, "\(target): \(result.standardError)")
      let lines = result.standardOutput.split(separator: "\n").map(String.init)
      XCTAssertEqual(lines.dropFirst(2).first, path, target)
      XCTAssertTrue(lines.contains("■ 事業票（\(projects ?? -1)件）"), target)
      let heading = "  事業票 ４ 事業費（千円）"
      let amountLine = lines.first { $0.hasPrefix(heading) } ?? ""
      let figure = amountLine.dropFirst(heading.count).split(separator: " ").first.map(String.init)
      XCTAssertEqual(figure, Self.grouped(amount ?? -1, zero: "0"), "\(target): \(amountLine)")
      let countLine = lines.first { $0.hasPrefix("  事業票 件数") } ?? ""
      let counts = countLine.split(separator: " ").dropFirst(2).dropLast().map(String.init)
      let wanted = [projects, parent, figures["projects"]].compactMap { $0 }.map { Self.grouped($0) }
      XCTAssertEqual(counts, wanted, "\(target): \(countLine)")
    }
  }

  /// A whole number as the summary prints it: with a comma every three digits, 0 as `zero` (a
  /// count's `−`, an amount's `0`).
  private static func grouped(_ number: Int, zero: String = "−") -> String {
    if number == 0 { return zero }
    var digits = String(number)
    var parts: [String] = []
    while digits.count > 3 {
      parts.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    return ([digits] + parts).joined(separator: ",")
  }

  /// `kyodo check`: the whole output as checked in (each line read and found to be what the cells
  /// call for), and exactly the cells the script meant to warn about.
  func testCheckFindsExactlyTheCellsMeantToWarn() throws {
    let result = try KyodoCommandTests.run(["check", "--data", Self.city])
    XCTAssertEqual(result.status, 1, result.standardOutput)
    let expectedOutput = try String(
      contentsOf: Self.cityURL.appendingPathComponent("expected-check.txt"), encoding: .utf8)
    XCTAssertEqual(result.standardOutput, expectedOutput)
    let meant = try String(
      contentsOf: Self.cityURL.appendingPathComponent("expected-warnings.txt"), encoding: .utf8
    ).split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) }
    let found = result.standardOutput.split(separator: "\n").compactMap { line -> String? in
      guard line.contains(": warning: "), let open = line.firstIndex(of: "("),
        let close = line[open...].firstIndex(of: ")")
      else { return nil }
      return String(line[line.index(after: open)..<close])
    }
    XCTAssertEqual(found, meant)
    XCTAssertEqual(found.count, try expected()["check warnings"])
  }
}
