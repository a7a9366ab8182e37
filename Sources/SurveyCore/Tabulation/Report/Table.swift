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
