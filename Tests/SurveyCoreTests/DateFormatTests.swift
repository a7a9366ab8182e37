import Foundation
import XCTest

@testable import SurveyCore

/// Cells typed as dates and times: a serial day number shown as a Japanese Excel shows it
/// (`2013/4/1`, `平成25年4月1日`, `9:30`). The fixtures are written by openpyxl and saved again by
/// LibreOffice (Fixtures/xlsx/make-fixtures.py dates); the expected texts are stated by hand from
/// the calendar (2013-04-01 is 平成25年, 1989-01-07 the last day of 昭和, 2019-05-01 the first of 令和).
final class DateFormatTests: XCTestCase {
  /// Column A of the 日付 sheet, row by row, as the rows the script writes.
  static let shownColumnA = [
    "2013/4/1",  // built-in 14
    "2013/4/1",  // yyyy"年"m"月"d"日": every date format shows the date as format 14 does
    "平成25年4月1日", "令和1年5月1日", "昭和64年1月7日", "平成1年1月8日",  // [$-411]ggge"年"m"月"d"日"
    "H25.4.1",  // [$-411]ge.m.d
    "9:30", "9:30:15", "2013/4/1 9:30", "36:00:00",  // h:mm, h:mm:ss, m/d/yy h:mm, [h]:mm:ss of 1.5 days
    "0.25", "41365",  // 0.00% and General: numbers as written
    "1900/2/29", "1900/3/1",  // serials 60 and 61: Excel's 1900-02-29
    "2013/4/1",  // yyyy"年"
    "平成25年",  // text
    "41365",  // "day "0: letters in quotes are no date codes
  ]

  private func columnA(_ workbook: String) throws -> [String] {
    let book = try Workbook(url: WorkbookTests.fixtures.appendingPathComponent(workbook), file: workbook)
    let rows = try book.rows(of: try book.sheet(named: "日付"))
    var column: [String] = []
    while let row = try rows.next() {
      column.append(row.cells.first.map { String(decoding: $0, as: UTF8.self) } ?? "")
    }
    return column
  }

  func testOpenpyxlDates() throws {
    XCTAssertEqual(try columnA("dates.xlsx"), Self.shownColumnA)
  }

  func testDatesOfThe1904DateSystem() throws {
    // The same dates; the serials written as numbers (60, 61) count from 1904-01-01, a leap year,
    // and the serial openpyxl writes for 2013-04-01 is 1462 days less: 39903.
    var expected = Self.shownColumnA
    expected[13] = "1904/3/1"
    expected[14] = "1904/3/2"
    expected[17] = "39903"
    XCTAssertEqual(try columnA("dates-1904.xlsx"), expected)
  }

  func testLibreOfficeDates() throws {
    XCTAssertEqual(try columnA("dates-libreoffice.xlsx"), Self.shownColumnA)
  }

  func testFormatCodes() {
    XCTAssertEqual(DateFormat(code: "yyyy/m/d"), .date)
    XCTAssertEqual(DateFormat(code: "yyyy\\年m\\月"), .date)
    XCTAssertEqual(DateFormat(code: "[$-411]ggge\"年\""), .era(named: true))
    XCTAssertEqual(DateFormat(code: "[$-1030411]ge\\.m\\.d"), .era(named: false))
    XCTAssertEqual(DateFormat(code: "h:mm AM/PM"), .time(seconds: false))
    XCTAssertEqual(DateFormat(code: "mm:ss"), .time(seconds: true))
    XCTAssertEqual(DateFormat(code: "[mm]:ss"), .elapsed(seconds: true))
    XCTAssertEqual(DateFormat(code: "m/d/yyyy\\ h:mm"), .dateTime(seconds: false))
    // Not dates: General, an exponent, colours and locales in brackets, quoted or escaped letters.
    for code in [
      "General", "0.00E+00", "[Red]#,##0", "[$¥-411]#,##0", "\"days\"0", "\\d0", "#,##0;[Red]\"-\"d",
    ] {
      XCTAssertNil(DateFormat(code: code), code)
    }
    XCTAssertEqual(DateFormat.builtIn(14), .date)
    XCTAssertNil(DateFormat.builtIn(10))
  }

  func testSerialDays() {
    // Day 1 is 1900-01-01; 60 is the 1900-02-29 Excel keeps from Lotus 1-2-3; 2958465 is 9999-12-31.
    XCTAssertEqual(SerialDate(serial: 1, date1904: false)?.text(as: .date), "1900/1/1")
    XCTAssertEqual(SerialDate(serial: 59, date1904: false)?.text(as: .date), "1900/2/28")
    XCTAssertEqual(SerialDate(serial: 60, date1904: false)?.text(as: .date), "1900/2/29")
    XCTAssertEqual(SerialDate(serial: 2_958_465, date1904: false)?.text(as: .date), "9999/12/31")
    XCTAssertNil(SerialDate(serial: 2_958_466, date1904: false))
    XCTAssertNil(SerialDate(serial: -1, date1904: false))
    XCTAssertEqual(SerialDate(serial: 0, date1904: true)?.text(as: .date), "1904/1/1")
    // A time that rounds up to midnight is the next day's 0:00.
    XCTAssertEqual(
      SerialDate(serial: 41365.999_999_9, date1904: false)?.text(as: .dateTime(seconds: false)),
      "2013/4/2 0:00")
    XCTAssertEqual(
      SerialDate(iso: "2013-04-01T09:30:00")?.text(as: .dateTime(seconds: true)), "2013/4/1 9:30:00")
    XCTAssertNil(SerialDate(iso: "2013-13-01"))
  }

  func testEraDatesReadAsStartYears() {
    // The texts kyodo shows are texts its start-year parser reads: 平成25 and H25 are 2013.
    XCTAssertEqual(StartYearParser.eraYear(in: "平成25年4月1日")?.number, 25)
    XCTAssertEqual(StartYearParser.eraYear(in: "H25.4.1")?.era.name, "平成")
    XCTAssertEqual(StartYearParser.westernYear(in: "2013/4/1"), 2013)
  }
}
