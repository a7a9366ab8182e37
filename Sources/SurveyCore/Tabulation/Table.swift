/// A table as a value: built by tabulation, drawn by any renderer. Renderers never compute figures.
public struct Table: Sendable {
  /// A stable name for machines, e.g. `overall.2` or `a.4-by-a.department`.
  public var id: String
  public var title: String
  public var columns: [Column]
  public var rows: [[Cell]]
  /// Lines printed under the table: the base, what was left out and why.
  public var notes: [String]
  /// The same figures in long format, one observation per row, for machine formats; nil when the
  /// table itself is already long.
  public var long: Table? {
    get { longStorage.first }
    set { longStorage = newValue.map { [$0] } ?? [] }
  }
  private var longStorage: [Table] = []
  /// Rows whose base is small (under 30 by default): people's formats mark them `*` (参考値).
  public var smallBaseRows: Set<Int> = []
  /// Which cells a bar chart draws, when the table is a frequency table.
  public var chart: Chart?

  public init(
    id: String, title: String, columns: [Column], rows: [[Cell]] = [], notes: [String] = [],
    long: Table? = nil
  ) {
    self.id = id
    self.title = title
    self.columns = columns
    self.rows = rows
    self.notes = notes
    self.longStorage = long.map { [$0] } ?? []
  }

  /// The table machine formats print: the long form when there is one.
  public var forMachines: Table { long ?? self }
}

/// One column: its machine name (the TSV header) and its human heading.
public struct Column: Sendable, Hashable {
  public var key: String
  public var heading: String

  public init(_ key: String, _ heading: String? = nil) {
    self.key = key
    self.heading = heading ?? key
  }
}

/// One cell of a table, typed so that each renderer prints it its own way.
public enum Cell: Sendable, Hashable {
  case text(String)
  /// An answer code: `①` for people, `1` for machines.
  case code(Int)
  case count(Int)
  case percent(Percent)
  /// An amount of money, in yen (printed in 千円).
  case yen(Int)
  /// A statistic that need not be whole, such as a mean, printed to the table's decimals; people's
  /// formats group its digits when `grouped` (amounts, not years).
  case number(Fraction, grouped: Bool)
  /// A year.
  case year(Int)
  case empty
}

/// A report: the tables of one run, in order, under headings.
public struct Report: Sendable {
  public var title: String
  public var sections: [ReportSection]

  public init(title: String, sections: [ReportSection]) {
    self.title = title
    self.sections = sections
  }

  public var tables: [Table] { sections.flatMap(\.tables) }
}

/// A heading and its tables, e.g. one questionnaire of the standard report.
public struct ReportSection: Sendable {
  public var heading: String
  public var summary: [String]
  public var tables: [Table]

  public init(heading: String, summary: [String] = [], tables: [Table]) {
    self.heading = heading
    self.summary = summary
    self.tables = tables
  }
}

/// The cells of a table that a horizontal bar chart draws: one bar per row, of one column's
/// percentage.
public struct Chart: Sendable, Hashable {
  public var valueColumn: Int
  public var rows: [Int]

  public init(valueColumn: Int, rows: [Int]) {
    self.valueColumn = valueColumn
    self.rows = rows
  }
}
