import Foundation
import XCTest

/// Runs the built `kyodo` on fixture files and compares its whole output, as a user sees it.
final class KyodoCommandTests: XCTestCase {
  /// The repository root, found from this file's path.
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let fixtures = root.appendingPathComponent("Tests/KyodoTests/Fixtures")
  static let mini = fixtures.appendingPathComponent("mini").path

  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// Runs the built binary from the repository's folder; standard input is `input`, or the file
  /// at `inputFile` (`/dev/zero`, say).
  func kyodo(_ arguments: [String], input: Data? = nil, inputFile: String? = nil) throws -> Result {
    try Self.run(arguments, input: input, inputFile: inputFile)
  }

  /// Runs the built binary from `directory` (the repository's folder unless given).
  static func run(
    _ arguments: [String], input: Data? = nil, inputFile: String? = nil, directory: URL = root
  ) throws -> Result {
    let binary = Bundle.main.bundleURL.appendingPathComponent("kyodo")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw XCTSkip("the kyodo binary is not built at \(binary.path)")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let output = Pipe()
    let error = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = inputFile.flatMap { FileHandle(forReadingAtPath: $0) } ?? standardInput
    try process.run()
    if let input { standardInput.fileHandleForWriting.write(input) }
    try standardInput.fileHandleForWriting.close()
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
      standardError: String(decoding: errData, as: UTF8.self))
  }

  func expected(_ name: String) throws -> String {
    let url = Self.fixtures.appendingPathComponent("expected").appendingPathComponent(name)
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// A copy of the miniature survey with one export replaced, in a fresh temporary directory.
  func miniWith(_ file: String, bytes: [UInt8]) throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    for name in ["codebook.tsv", "overall.tsv", "a.tsv"] {
      try FileManager.default.copyItem(
        at: URL(fileURLWithPath: Self.mini).appendingPathComponent(name),
        to: directory.appendingPathComponent(name))
    }
    try Data(bytes).write(to: directory.appendingPathComponent(file), options: .atomic)
    return directory.path
  }

  func miniExport(_ name: String) throws -> String {
    try String(contentsOf: URL(fileURLWithPath: Self.mini).appendingPathComponent(name), encoding: .utf8)
  }

  // MARK: - Whole reports

  func testStandardReportOfTheMiniatureSurvey() throws {
    let result = try kyodo(["tabulate", "--data", Self.mini])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(
      result.standardOutput, try expected("mini-report.txt").replacingOccurrences(of: "MINI", with: Self.mini)
    )
    XCTAssertEqual(result.standardError, "")
  }

  func testOneItemAsTSVHasABaseRowAndAnNARow() throws {
    let result = try kyodo(["tabulate", "形態", "--data", Self.mini, "--format", "tsv"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(
      result.standardOutput,
      """
      code\tlabel\tn\tpercent
      1\t共催\t2\t33.3
      3\t委託\t2\t33.3
      4\t補助\t2\t33.3
      8\tその他\t1\t16.7
      NA\t無回答\t1\t16.7
      base\t基数\t6\t100.0
      mentions\tM.T.\t7\t116.7

      """)
  }

  func testCrosstabAsTSVIsLongFormat() throws {
    let result = try kyodo(["tabulate", "設問２", "--by", "部", "--data", Self.mini, "--format", "tsv"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.standardOutput, try expected("mini-crosstab.tsv"))
  }

  func testCrosstabAsText() throws {
    let result = try kyodo(["tabulate", "a.4", "--by", "a.department", "--data", Self.mini])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.standardOutput, try expected("mini-crosstab.txt"))
  }

  /// The same export in CP932 (Excel's default Japanese text) and UTF-16LE (Excel's Unicode text)
  /// gives the same tables, byte for byte.
  func testEveryEncodingGivesTheSameReport() throws {
    let text = try miniExport("a.tsv")
    let reference = try kyodo(["tabulate", "--data", Self.mini, "--format", "tsv"])
    let cp932 = try XCTUnwrap(text.data(using: .shiftJIS))
    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let withBOM: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    for bytes in [Array(cp932), utf16, withBOM] {
      let directory = try miniWith("a.tsv", bytes: bytes)
      let result = try kyodo(["tabulate", "--data", directory, "--format", "tsv"])
      XCTAssertEqual(result.status, 0, result.standardError)
      XCTAssertEqual(
        result.standardOutput.replacingOccurrences(of: directory, with: Self.mini), reference.standardOutput)
    }
  }

  func testAnExportCanComeFromStandardInput() throws {
    let result = try kyodo(
      ["tabulate", "a.7", "--data", Self.mini, "--file", "a=-", "--format", "csv"],
      input: Data(try miniExport("a.tsv").utf8))
    XCTAssertEqual(result.status, 0, result.standardError)
    // An amount item prints three tables: its codes, its sums per department, and why amounts are missing.
    XCTAssertTrue(
      result.standardOutput.hasPrefix("# a.7,a.7 ７ 市の予算  n=6\ncode,label,n,percent\n1,金額,4,66.7\n"),
      result.standardOutput)
  }

  // MARK: - Command line manners

  func testVersionAndHelp() throws {
    XCTAssertEqual(try kyodo(["--version"]).standardOutput, "kyodo 0.1.0\n")
    let help = try kyodo(["tabulate", "--help"])
    XCTAssertEqual(help.status, 0)
    XCTAssertTrue(help.standardOutput.hasPrefix("OVERVIEW: Tabulate the survey.\n"))
    XCTAssertEqual(try kyodo(["items", "--help"]).status, 0)
  }

  func testUnknownOptionIsAUsageError() throws {
    let result = try kyodo(["tabulate", "--colour"])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardError, "kyodo tabulate: error: unknown option '--colour'\nSee 'kyodo tabulate --help'.\n"
    )
    XCTAssertEqual(result.standardOutput, "")
  }

  func testAnOptionOfAnotherSubcommandIsUnknown() throws {
    let result = try kyodo(["items", "--stats"])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardError, "kyodo items: error: unknown option '--stats'\nSee 'kyodo items --help'.\n")
  }

  func testAnOptionThatTakesOneValueGivenTwiceIsAUsageError() throws {
    let result = try kyodo(["tabulate", "形態", "--by", "部", "--by", "課", "--data", Self.mini])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardError,
      "kyodo tabulate: error: option '--by' can be given only once\nSee 'kyodo tabulate --help'.\n")
    XCTAssertEqual(result.standardOutput, "")
    let check = try kyodo(["check", "--format", "text", "--format", "tsv"])
    XCTAssertEqual(check.status, 64)
    XCTAssertEqual(
      check.standardError,
      "kyodo check: error: option '--format' can be given only once\nSee 'kyodo check --help'.\n")
  }

  func testUnknownItemNamesTheClosestItems() throws {
    let result = try kyodo(["tabulate", "形体", "--data", Self.mini])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardError,
      "kyodo: error: unknown item '形体'; expected an item id or title, such as a.4 (形態)\n")
  }

  // MARK: - Bad input: a message naming file, line and item; exit status 1; no output

  func testMissingFile() throws {
    let result = try kyodo(["tabulate", "--data", Self.mini, "--file", "a=/nonexistent/a.tsv"])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.standardError, "/nonexistent/a.tsv: error: no such file; expected a readable file\n")
    XCTAssertEqual(result.standardOutput, "")
  }

  func testRaggedRow() throws {
    let directory = try miniWith(
      "a.tsv", bytes: Array("部\t課\t番号\t４形態\t６始期\t７市の予算\n市民部\t経済課\t1\t③委託\t②不明\n".utf8))
    let result = try kyodo(["tabulate", "--data", directory])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.standardError,
      "\(directory)/a.tsv:2 (row 2): error: a row of 5 fields (a ragged row); expected 6 fields, as in the header\n"
    )
  }

  func testUnclosedQuoteNamesTheLineWhereItOpens() throws {
    let directory = try miniWith(
      "a.tsv", bytes: Array("部\t課\t番号\t４形態\t６始期\t７市の予算\n市民部\t経済課\t1\t\"③委託\t②不明\t②無し\n".utf8))
    let result = try kyodo(["tabulate", "--data", directory])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.standardError,
      "\(directory)/a.tsv:2 (row 2): error: a quoted field that is never closed (it runs to the end of the file); expected a closing double quote\n"
    )
  }

  func testUnknownCodeUnreadableAmountAndYearAreAllReported() throws {
    let directory = try miniWith(
      "a.tsv", bytes: Array("部\t課\t番号\t４形態\t６始期\t７市の予算\n市民部\t経済課\t1\t⑨企業\t①そのうち\t①12ドル\n".utf8))
    let result = try kyodo(["tabulate", "--data", directory])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.standardError,
      """
      \(directory)/a.tsv:2:4 (D2): error: a.4 ４ 形態: unknown code ⑨ in '企業'; expected one of ①共催 ③委託 ④補助 ⑧その他
      \(directory)/a.tsv:2:5 (E2): error: a.6 ６ 始期: start year 'そのうち' that cannot be read; expected an era and year such as ①平成１２ or ①昭和４８, or a Western year
      \(directory)/a.tsv:2:6 (F2): error: a.7 ７ 市の予算: amount '12ドル' that cannot be read; expected a number followed by one of 千円, e.g. ①１，１８０千円

      """)
  }

  func testBytesThatNoEncodingReads() throws {
    let directory = try miniWith("a.tsv", bytes: Array("部\t課\n".utf8) + [0x82, 0xFF, 0xFF, 0x0A])
    let result = try kyodo(["tabulate", "--data", directory])
    XCTAssertEqual(result.status, 1)
    XCTAssertEqual(
      result.standardError,
      "\(directory)/a.tsv:2: error: bytes 82 FF FF 0A at byte offset 8 that no supported encoding reads; expected UTF-8, as the text before them is\n"
    )
  }

  // MARK: - kyodo summary

  func testSummaryOfASectionAsText() throws {
    let result = try kyodo(["summary", "環境政策課", "--data", Self.mini])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(result.standardOutput, try expected("mini-summary.txt"))
    XCTAssertEqual(result.standardError, "")
  }

  func testSummaryOfEveryDepartmentAsMarkdown() throws {
    let result = try kyodo(["summary", "--all", "--data", Self.mini, "--format", "markdown"])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(result.standardOutput, try expected("mini-summary-all.md"))
  }

  /// A section and a bracketed unit on one page each; the page holds its styles and charts.
  func testSummaryAsHTML() throws {
    let result = try kyodo(["summary", "経済課", "（文化施設開設担当）", "--data", Self.mini, "--format", "html"])
    XCTAssertEqual(result.status, 0, result.standardError)
    XCTAssertEqual(result.standardOutput, try expected("mini-summary.html"))
    XCTAssertFalse(result.standardOutput.contains("http"), "no external resources")
  }

  func testATargetQualifiedByItsDepartmentIsFound() throws {
    let result = try kyodo(["summary", "市民部経済課", "--data", Self.mini])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.standardError, "")
    XCTAssertTrue(result.standardOutput.hasPrefix("=====") && result.standardOutput.contains("  経済課\n"))
  }

  func testANameWithout課IsUnknownWithTheClosestName() throws {
    let result = try kyodo(["summary", "経済", "--data", Self.mini])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardError,
      "kyodo: error: unknown target '経済'; expected a 部, 課, 担当 or 係 of the survey; closest: 経済課 (市民部)\n")
  }

  func testAnUnknownTargetNamesTheClosestTargets() throws {
    let result = try kyodo(["summary", "環境政策課", "経済果", "--data", Self.mini])
    XCTAssertEqual(result.status, 2)
    XCTAssertEqual(
      result.standardError,
      "kyodo: error: unknown target '経済果'; expected a 部, 課, 担当 or 係 of the survey; closest: 経済課 (市民部)\n")
    XCTAssertEqual(result.standardOutput, "")
  }

  func testSummaryNeedsTargetsOrAll() throws {
    XCTAssertEqual(try kyodo(["summary", "--data", Self.mini]).status, 2)
    XCTAssertEqual(try kyodo(["summary", "経済課", "--all", "--data", Self.mini]).status, 2)
    let format = try kyodo(["summary", "経済課", "--format", "tsv", "--data", Self.mini])
    XCTAssertEqual(format.status, 2)
    XCTAssertTrue(format.standardError.contains("expected one of text, markdown, html"))
  }

  // MARK: - The bundled survey

  func testBundledDataIsTheDefault() throws {
    let result = try kyodo(["tabulate", "設問２", "--format", "tsv"])
    XCTAssertEqual(result.status, 0)
    // 設問２ of the 52 units, counted by hand from the seed's 全体調査票 (see SurveyFiguresTests).
    XCTAssertEqual(
      result.standardOutput,
      """
      code\tlabel\tn\tpercent
      1\t現在実施\t16\t30.8
      2\t現在＋将来\t8\t15.4
      3\t将来実施\t1\t1.9
      4\t所掌なし\t26\t50.0
      5\tその他\t1\t1.9
      NA\t無回答\t0\t0.0
      base\t基数\t52\t100.0

      """)
    XCTAssertEqual(result.standardError, "kyodo: 14 warnings in the data (--show-warnings lists them)\n")
  }

  func testOneWarningIsCountedInTheSingular() throws {
    // broken/38 holds one "code ① without an amount" cell, its only warning (its expected.txt).
    let broken = Self.root.appendingPathComponent(
      "Tests/KyodoTests/Fixtures/broken/38-amount-code-without-amount")
    let result = try kyodo([
      "tabulate", "--data", Self.root.appendingPathComponent("Tests/KyodoTests/Fixtures/mini").path, "--file",
      "a=" + broken.appendingPathComponent("a.tsv").path,
    ])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.standardError, "kyodo: 1 warning in the data (--show-warnings lists them)\n")
  }

  func testBundledStandardReportIsStable() throws {
    let result = try kyodo(["tabulate"])
    XCTAssertEqual(result.status, 0)
    XCTAssertEqual(result.standardOutput, try expected("bundled-report.txt"))
    XCTAssertEqual(result.standardError, "kyodo: 14 warnings in the data (--show-warnings lists them)\n")
  }
}
