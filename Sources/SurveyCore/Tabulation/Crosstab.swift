/// A crosstab of an item (columns) by a breakdown (rows), with counts and row percentages (横%).
///
/// The first row is 全体 (every row of the form); then one row per breakdown category; then the
/// rows whose breakdown is not answered. The item's 無回答 is a column. Each row's percentages are
/// of its own base: every row in it for a single-choice item, those that answered for a
/// multiple-choice one.
public struct Crosstab: Sendable {
  public let item: Categorization
  public let breakdown: Categorization
  public let rowNoun: String
  /// One line per breakdown category, then the breakdown's 無回答; 全体 is `total`.
  public let lines: [Line]
  public let total: Line

  /// The counts of one row of the crosstab.
  public struct Line: Sendable {
    public var category: Category
    public var rowCount: Int
    public var counts: [Int]
    public var notAnswered: Int

    init(category: Category, width: Int) {
      self.category = category
      self.rowCount = 0
      self.counts = [Int](repeating: 0, count: width)
      self.notAnswered = 0
    }

    mutating func add(_ indexes: [Int]) {
      rowCount += 1
      if indexes.isEmpty { notAnswered += 1 }
      for index in indexes { counts[index] += 1 }
    }

    func base(answeredOnly: Bool) -> Int { answeredOnly ? rowCount - notAnswered : rowCount }
  }

  public init(_ item: Categorization, by breakdown: Categorization, rows: [Row], rowNoun: String) {
    let width = item.categories.count
    var lines = breakdown.categories.map { Line(category: $0, width: width) }
    var missing = Line(category: Category.notAnswered, width: width)
    var total = Line(category: Category(code: "total", label: "全体"), width: width)
    for row in rows {
      let columns = item.categoryIndexes(of: row)
      total.add(columns)
      let rowIndexes = breakdown.categoryIndexes(of: row)
      if rowIndexes.isEmpty { missing.add(columns) }
      for index in rowIndexes { lines[index].add(columns) }
    }
    self.item = item
    self.breakdown = breakdown
    self.rowNoun = rowNoun
    self.lines = lines + [missing]
    self.total = total
  }

  /// The wide table people read (a count line and a % line per row) with the long form for machines.
  public func table() -> Table {
    let answeredOnly = item.baseIsAnswered
    var columns = [Column("row", breakdown.item.title), Column("n", "n")]
    columns += item.categories.map { Column($0.code, $0.display) }
    columns.append(Column("NA", Category.notAnswered.label))
    var rows: [[Cell]] = []
    var long: [[Cell]] = []
    for line in [total] + lines {
      let base = line.base(answeredOnly: answeredOnly)
      rows.append(
        [.text(line.category.display), .count(base)] + line.counts.map(Cell.count) + [
          .count(line.notAnswered)
        ])
      if base > 0 {
        rows.append(
          [.empty, .empty] + line.counts.map { .percent(Percent($0, of: base)) }
            + [answeredOnly ? .empty : .percent(Percent(line.notAnswered, of: base))])
      }
      let rowCode = line.category.code
      for (category, count) in zip(item.categories, line.counts) {
        long.append([
          .text(rowCode), .text(line.category.label), .text(category.code), .text(category.label),
          .count(count), .percent(Percent(count, of: base)),
        ])
      }
      long.append([
        .text(rowCode), .text(line.category.label), .text("NA"), .text(Category.notAnswered.label),
        .count(line.notAnswered), answeredOnly ? .empty : .percent(Percent(line.notAnswered, of: base)),
      ])
    }
    var notes = [
      answeredOnly
        ? "Row % of the \(plural(rowNoun)) in each row that answered \(item.item.id) (MA: rows may sum above 100); 無回答 counted outside the base."
        : "Row % of all \(plural(rowNoun)) in each row, 無回答 included."
    ]
    if breakdown.isMultiple {
      notes.append(
        "\(breakdown.item.id) is multiple choice: a \(rowNoun) appears in the row of each code it gave.")
    }
    let title = "\(item.item.displayName) by \(breakdown.item.displayName)  n=\(total.rowCount)"
    let longTable = Table(
      id: "\(item.item.id)-by-\(breakdown.item.id)", title: title,
      columns: ["row_code", "row_label", "col_code", "col_label", "n", "row_percent"].map { Column($0) },
      rows: long)
    return Table(id: longTable.id, title: title, columns: columns, rows: rows, notes: notes, long: longTable)
  }
}
