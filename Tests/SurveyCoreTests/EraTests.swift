import XCTest

@testable import SurveyCore

/// The Japanese eras that start years are written in, both ways: era year to Western year and back.
final class EraTests: XCTestCase {
  private func era(_ name: String) throws -> Era {
    try XCTUnwrap(Era.all.first { $0.name == name })
  }

  func testAnEraYearIsTheErasFirstYearPlusTheNumberLessOne() throws {
    let cases = [
      ("明治", 1, 1868), ("大正", 15, 1926), ("昭和", 48, 1973), ("昭和", 64, 1989), ("平成", 1, 1989),
      ("平成", 12, 2000), ("平成", 31, 2019), ("令和", 1, 2019), ("令和", 8, 2026),
    ]
    for (name, number, year) in cases {
      XCTAssertEqual(try era(name).westernYear(number), year, "\(name)\(number)")
    }
  }

  func testAWesternYearIsWrittenInTheLatestEraThatHadBegun() throws {
    let cases = [(1973, "昭和", 48), (1989, "平成", 1), (2000, "平成", 12), (2019, "令和", 1), (1912, "大正", 1)]
    for (year, name, number) in cases {
      let found = try XCTUnwrap(Era.japanese(year), "\(year)")
      XCTAssertEqual(found.era.name, name, "\(year)")
      XCTAssertEqual(found.number, number, "\(year)")
    }
  }

  func testYearsBefore明治HaveNoEra() {
    XCTAssertNil(Era.japanese(1867))
  }

  func testWesternYearsConvertToEras() throws {
    let heisei = try XCTUnwrap(Era.japanese(2000))
    XCTAssertEqual(heisei.era.name, "平成")
    XCTAssertEqual(heisei.number, 12)
    let reiwa = try XCTUnwrap(Era.japanese(2019))
    XCTAssertEqual(reiwa.era.name, "令和")
    XCTAssertEqual(reiwa.number, 1)
    let showa = try XCTUnwrap(Era.japanese(1973))
    XCTAssertEqual(showa.era.name, "昭和")
    XCTAssertEqual(showa.number, 48)
    XCTAssertNil(Era.japanese(1800))
    XCTAssertEqual(try era("昭和").westernYear(62), 1987)
  }
}
