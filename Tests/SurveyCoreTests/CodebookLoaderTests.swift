import Foundation
import XCTest
@testable import SurveyCore

/// CodebookLoader reads the codebook's TSV records (form, item, option, nonanswer, amount-unit) and
/// reports every mistake at once, each with the line it is on.
final class CodebookLoaderTests: XCTestCase {
  private func load(_ lines: [String], file: String = "codebook.tsv") throws -> Codebook {
    try CodebookLoader.load(utf8: Array(lines.joined(separator: "\n").utf8), file: file)
  }

  private func errors(_ lines: [String], file: String = "codebook.tsv") throws -> [Diagnostic] {
    do throws(SurveyError) {
      let codebook = try CodebookLoader.load(utf8: Array(lines.joined(separator: "\n").utf8), file: file)
      XCTFail("expected errors, loaded \(codebook.forms.map(\.id))")
      return []
    } catch {
      return error.diagnostics
    }
  }

  /// A codebook without mistakes, one line a record.
  static let valid = [
    "# a small codebook",
    "form\ta\tＡ調査票\ta.tsv\tproject",
    "item\ta.department\t部\t部\tdepartment\t部\tfill-down",
    "item\ta.4\t４\t形態\tmultiple\t\tbreakdown",
    "option\ta.4\t1\t共催",
    "option\ta.4\t5\t指定管理\t\t指管| 指定管理者 ",
    "option\ta.4\t8\tその他\tother",
    "",
    "item\ta.7\t７\t市の予算\tamount\t７市の予算",
    "option\ta.7\t1\t金額\tfigure",
    "option\ta.7\t2\t?\tnone",
    "nonanswer\t記入なし",
    "nonanswer\t特になし",
    "amount-unit\t千円\t1000",
    "amount-unit\t千万\t1000\tread as 千円",
  ]

  func testAValidCodebookGivesFormsItemsOptionsNonAnswersAndUnits() throws {
    let codebook = try load(Self.valid)
    let form = try XCTUnwrap(codebook.form(id: "a"))
    XCTAssertEqual(codebook.forms.map(\.id), ["a"])
    XCTAssertEqual(form.title, "Ａ調査票")
    XCTAssertEqual(form.file, "a.tsv")
    XCTAssertEqual(form.rowNoun, "project")
    XCTAssertEqual(form.items.map(\.id), ["a.department", "a.4", "a.7"])
    XCTAssertEqual(form.items.map(\.kind), [.department, .multiple, .amount])
    XCTAssertEqual(codebook.nonAnswers, ["記入なし", "特になし"])
    XCTAssertEqual(
      codebook.amountUnits,
      [AmountUnit(suffix: "千円", yen: 1000), AmountUnit(suffix: "千万", yen: 1000, warning: "read as 千円")])
  }

  func testFlagsAndAMissingHeaderDefaultToTheTitle() throws {
    let codebook = try load(Self.valid)
    let department = try XCTUnwrap(codebook.item(id: "a.department"))
    let form = try XCTUnwrap(codebook.item(id: "a.4"))
    XCTAssertTrue(department.fillsDown)
    XCTAssertFalse(department.isReportBreakdown)
    XCTAssertFalse(form.fillsDown)
    XCTAssertTrue(form.isReportBreakdown)
    XCTAssertEqual(form.header, "形態")
    XCTAssertEqual(form.displayName, "a.4 ４ 形態")
    XCTAssertEqual(department.displayName, "a.department 部")
  }

  func testOptionsKeepRolesVariantsAndAnUnknownWording() throws {
    let codebook = try load(Self.valid)
    let form = try XCTUnwrap(codebook.item(id: "a.4"))
    let budget = try XCTUnwrap(codebook.item(id: "a.7"))
    XCTAssertEqual(
      form.options,
      [
        Option(code: 1, label: "共催"),
        Option(code: 5, label: "指定管理", variants: ["指管", "指定管理者"]),
        Option(code: 8, label: "その他", role: .other),
      ])
    XCTAssertEqual(
      budget.options,
      [Option(code: 1, label: "金額", role: .figure), Option(code: 2, label: "", role: .none)])
    XCTAssertEqual(budget.option(code: 2)?.display, "②（文言不明）")
  }

  func testEveryErrorIsReportedWithItsLine() throws {
    let diagnostics = try errors([
      "form\ta\tＡ\ta.tsv\tproject",  // 1
      "item\ta.1\t１\t名\ttext",  // 2
      "item\ta.2\t２\t形\tchoice",  // 3
      "item\tb.1\t１\t名\ttext",  // 4
      "option\ta.9\t1\tx",  // 5
      "# a comment still counts as a line",  // 6
      "",  // 7
      "frm\tz",  // 8
    ])
    XCTAssertEqual(diagnostics.map(\.severity), [.error, .error, .error, .error])
    XCTAssertEqual(diagnostics.map(\.file), Array(repeating: "codebook.tsv", count: 4))
    XCTAssertEqual(diagnostics.map(\.line), [3, 4, 5, 8])
    XCTAssertEqual(
      diagnostics.map(\.found),
      [
        "item kind 'choice'", "item 'b.1' of no declared form", "an option of unknown item 'a.9'",
        "record kind 'frm'",
      ])
    XCTAssertEqual(
      diagnostics.map(\.expected),
      [
        "one of department, section, unit, identifier, text, single, multiple, amount, year",
        "a 'form b' record before it",
        "an 'item a.9' record before it",
        "level, form, item, option, nonanswer, amount-unit or hearing",
      ])
    XCTAssertEqual(
      diagnostics.first?.description,
      "codebook.tsv:3: error: item kind 'choice'; expected one of department, section, unit, identifier, text, single, multiple, amount, year"
    )
  }

  func testLineNumbersCountQuotedLineBreaksAndCRLF() throws {
    let diagnostics = try errors([
      "form\ta\t\"Ａ\r\n調査票\"\ta.tsv\tproject\r",  // 1-2
      "item\ta.1\t１\t名\ttext\r",  // 3
      "item\ta.1\t１\t名\ttext\r",  // 4
    ])
    XCTAssertEqual(diagnostics.map(\.line), [4])
    XCTAssertEqual(diagnostics.map(\.found), ["a second item 'a.1'"])
  }

  func testBadOptionsAreErrorsOnTheirLines() throws {
    let diagnostics = try errors([
      "form\ta\tＡ\ta.tsv\tproject",  // 1
      "item\ta.1\t１\t名\ttext",  // 2
      "item\ta.4\t４\t形態\tmultiple",  // 3
      "option\ta.4\t1\t共催",  // 4
      "option\ta.4\t0\tゼロ",  // 5
      "option\ta.4\t21\t二十一",  // 6
      "option\ta.4\tx\t何か",  // 7
      "option\ta.4\t2\t実行委員会\tmain",  // 8
      "option\ta.4\t1\t共催",  // 9
      "option\ta.4\t3\t",  // 10
      "option\ta.1\t1\tある",  // 11
    ])
    XCTAssertEqual(diagnostics.map(\.line), [5, 6, 7, 8, 9, 10, 11])
    XCTAssertEqual(
      diagnostics.map(\.found),
      [
        "option code '0'", "option code '21'", "option code 'x'", "option role 'main'",
        "a second option 1 for 'a.4'", "an empty label for code 3", "an option for text item 'a.1'",
      ])
    XCTAssertEqual(
      diagnostics[3].expected, "empty or one of other, text, figure, none, unknown, uncomputable")
    XCTAssertEqual(diagnostics[0].expected, "a number from 1 to 20")
  }

  func testBadFormsFlagsNonAnswersAndUnitsAreErrorsOnTheirLines() throws {
    let diagnostics = try errors([
      "form\ta\tＡ\ta.tsv\tproject",  // 1
      "form\ta\tＡ again\ta2.tsv\tproject",  // 2
      "form\ta.b\tＢ\tb.tsv\tentry",  // 3
      "item\ta.1\t１\t名\ttext\t\tfill-down, sticky",  // 4
      "nonanswer\t ",  // 5
      "amount-unit\t千円\tzero",  // 6
      "amount-unit\t\t1000",  // 7
      "amount-unit\t円\t0",  // 8
    ])
    XCTAssertEqual(diagnostics.map(\.line), [2, 3, 4, 5, 6, 7, 8])
    XCTAssertEqual(
      diagnostics.map(\.found),
      [
        "a second form 'a'", "form id 'a.b'", "item flag 'sticky'", "an empty non-answer",
        "amount unit '千円' worth 'zero' yen", "amount unit '' worth '1000' yen",
        "amount unit '円' worth '0' yen",
      ])
  }

  func testTheFormOfUnitsIsTheRosterAndTheOthersHoldRows() throws {
    let codebook = try load(
      [
        "form\toverall\t全体調査票\toverall.tsv\tunit",
        "item\toverall.1\t設問１\tなぜ\ttext",
      ] + Self.valid)
    XCTAssertEqual(codebook.forms.map(\.role), [.roster, .rows])
    XCTAssertEqual(codebook.forms.map(\.rowNoun), ["unit", "project"])
  }

  func testASecondRosterIsAnErrorThatNamesBothLines() throws {
    let diagnostics = try errors([
      "form\toverall\t全体調査票\toverall.tsv\tunit",  // 1
      "item\toverall.1\t設問１\tなぜ\ttext",  // 2
      "form\tteams\t係調査票\tteams.tsv\tunit",  // 3
      "item\tteams.1\t設問１\tなぜ\ttext",  // 4
    ])
    XCTAssertEqual(diagnostics.map(\.line), [3])
    XCTAssertEqual(diagnostics.map(\.found), ["a second roster form 'teams' (row noun 'unit')"])
    XCTAssertEqual(
      diagnostics.map(\.expected), ["one roster: form 'overall' on line 1 already lists the units"])
  }

  func testAFileInUTF16IsReadAsInUTF8() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kyodo-\(UUID().uuidString).tsv")
    let text = Self.valid.joined(separator: "\r\n")
    try Data([0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: url)
    addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    let codebook = try CodebookLoader.load(contentsOf: url)
    XCTAssertEqual(codebook.form(id: "a")?.items.map(\.id), ["a.department", "a.4", "a.7"])
  }

  func testAMissingFileIsAnErrorThatNamesIt() throws {
    let url = URL(fileURLWithPath: "no-such-codebook.tsv")
    do throws(SurveyError) {
      _ = try CodebookLoader.load(contentsOf: url)
      XCTFail("expected an error")
    } catch {
      XCTAssertEqual(error.diagnostics.map(\.file), [url.relativePath])
      XCTAssertEqual(error.diagnostics.map(\.found), ["no such file"])
    }
  }

  func testAnEmptyCodebookHasNoForms() throws {
    let diagnostics = try errors(["# nothing but a comment", ""])
    XCTAssertEqual(diagnostics.map(\.found), ["no forms"])
    XCTAssertEqual(diagnostics.map(\.line), [nil])
  }

  func testIncompleteFormsAndItemsAreErrorsThatNameTheItem() throws {
    let diagnostics = try errors([
      "form\ta\tＡ\ta.tsv\tproject",
      "form\tc\tＣ\tc.tsv\tentry",
      "item\ta.4\t４\t形態\tmultiple",
      "item\ta.7\t７\t市の予算\tamount",
      "option\ta.7\t2\t無し\tnone",
    ])
    XCTAssertEqual(
      diagnostics.map(\.found),
      [
        "form 'c' without items", "a multiple item without options", "no option with role 'figure'",
        "amount items but no 'amount-unit' records",
      ])
    XCTAssertEqual(diagnostics.map(\.item), [nil, "a.4", "a.7", nil])
    XCTAssertEqual(diagnostics.map(\.severity), [.error, .error, .error, .error])
  }
}

/// The unit of bare amounts (issue 11): the `unit=` flag, or a unit in brackets ending the header.
extension CodebookLoaderTests {
  func testTheUnitOfBareAmountsComesFromTheFlagOrTheHeader() throws {
    var lines = Self.valid
    lines[lines.firstIndex(of: "item\ta.7\t７\t市の予算\tamount\t７市の予算") ?? 0] =
      "item\ta.7\t７\t市の予算\tamount\t７市の予算\tunit=千円"
    XCTAssertEqual(try load(lines).item(id: "a.7")?.bareAmountUnit, "千円")
    lines = Self.valid.map {
      $0 == "item\ta.7\t７\t市の予算\tamount\t７市の予算" ? "item\ta.7\t７\t事業費\tamount\t事業費（千円）" : $0
    }
    XCTAssertEqual(try load(lines).item(id: "a.7")?.bareAmountUnit, "千円")
    // A unit the codebook marks as a typo is never the unit of bare numbers.
    lines = Self.valid.map {
      $0 == "item\ta.7\t７\t市の予算\tamount\t７市の予算" ? "item\ta.7\t７\t事業費\tamount\t事業費（千万）" : $0
    }
    XCTAssertNil(try load(lines).item(id: "a.7")?.bareAmountUnit)
    XCTAssertNil(try load(Self.valid).item(id: "a.7")?.bareAmountUnit)
  }

  func testAUnitFlagNamingNoDeclaredUnitOrOnAnotherKindIsAnError() throws {
    let undeclared = Self.valid.map {
      $0 == "item\ta.7\t７\t市の予算\tamount\t７市の予算" ? "item\ta.7\t７\t市の予算\tamount\t７市の予算\tunit=ドル" : $0
    }
    XCTAssertEqual(try errors(undeclared).map(\.found), ["unit=ドル, not a declared unit"])
    XCTAssertEqual(try errors(undeclared).map(\.line), [9])
    let onCodes = Self.valid.map {
      $0 == "item\ta.4\t４\t形態\tmultiple\t\tbreakdown" ? "item\ta.4\t４\t形態\tmultiple\t\tbreakdown,unit=千円" : $0
    }
    XCTAssertEqual(try errors(onCodes).map(\.found), ["a unit flag on multiple item 'a.4'"])
  }
}
