import Testing

@testable import SurveyCore

/// The Japanese eras that start years are written in, both ways: era year to Western year and back.
@Suite struct EraTests {
  @Test(
    "An era year is the era's first year plus the number, less one",
    arguments: [
      ("明治", 1, 1868), ("大正", 15, 1926), ("昭和", 48, 1973), ("昭和", 64, 1989), ("平成", 1, 1989),
      ("平成", 12, 2000), ("平成", 31, 2019), ("令和", 1, 2019), ("令和", 8, 2026),
    ])
  func westernYear(era name: String, number: Int, year: Int) throws {
    let era = try #require(Era.all.first { $0.name == name })
    #expect(era.westernYear(number) == year)
  }

  @Test(
    "A Western year is written in the latest era that had begun",
    arguments: [(1973, "昭和", 48), (1989, "平成", 1), (2000, "平成", 12), (2019, "令和", 1), (1912, "大正", 1)])
  func japaneseYear(year: Int, name: String, number: Int) throws {
    let found = try #require(Era.japanese(year))
    #expect(found.era.name == name)
    #expect(found.number == number)
  }

  @Test("Years before 明治 have no era")
  func beforeMeiji() {
    #expect(Era.japanese(1867) == nil)
  }
}
