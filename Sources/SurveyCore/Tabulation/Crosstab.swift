/// A crosstab of a variable (columns) by a breakdown (rows), with counts and row percentages (横%).
///
/// The first row is 全体 (every counted row); then one row per breakdown category; then the rows
/// whose breakdown is not answered. The variable's 無回答 is a column. Each row's percentages are of
/// its own base: every row in it (全対象者ベース), or those that answered (回答者ベース).
public struct Crosstab: Sendable {
  public let item: Categorization
  public let breakdown: Categorization
  public let rowNoun: String
  /// One line per breakdown category, then the breakdown's 無回答.
  public let lines: [Line]
  public let total: Line

  /// The counts of one row of the crosstab.
  public struct Line: Sendable {
    public var category: Category
    public var rowCount: Int
    public var answered: Int
    public var counts: [Int]
    public var notAnswered: Int { rowCount - answered }

    init(category: Category, width: Int) {
      self.category = category
      self.rowCount = 0
      self.answered = 0
      self.counts = [Int](repeating: 0, count: width)
    }

    mutating func add(_ indexes: [Int], answered isAnswered: Bool) {
      rowCount += 1
      if isAnswered { answered += 1 }
      for index in indexes { counts[index] += 1 }
    }

    public func base(_ base: Base) -> Int { base == .all ? rowCount : answered }
  }

  /// Rows that gave several codes to a single-choice item (counted under each).
  public let multiplyCoded: Int

  public init(_ item: Categorization, by breakdown: Categorization, rows: [Row], rowNoun: String) {
    let width = item.categories.count
    var multiplyCoded = 0
    var lines = breakdown.categories.map { Line(category: $0, width: width) }
    var missing = Line(category: Category.notAnswered, width: width)
    var total = Line(category: Category(code: "total", label: "全体"), width: width)
    for row in rows {
      let columns = item.categoryIndexes(of: row)
      if columns.count > 1 && !item.isMultiple { multiplyCoded += 1 }
      let answered = item.answered(columns)
      total.add(columns, answered: answered)
      let rowIndexes = breakdown.categoryIndexes(of: row)
      if rowIndexes.isEmpty { missing.add(columns, answered: answered) }
      for index in rowIndexes { lines[index].add(columns, answered: answered) }
    }
    self.item = item
    self.breakdown = breakdown
    self.rowNoun = rowNoun
    self.lines = lines + [missing]
    self.total = total
    self.multiplyCoded = multiplyCoded
  }

  /// The wide table people read (a count line and a % line per row) with the long form for machines.
  public func table(_ options: TableOptions = TableOptions()) -> Table {
    let inBase = options.base == .all
    var columns = [Column("row", breakdown.heading), Column("n", "n")]
    columns += item.categories.map { Column($0.code, $0.display(options.labels)) }
    columns.append(Column("NA", Category.notAnswered.label))
    var rows: [[Cell]] = []
    var long: [[Cell]] = []
    var smallBaseRows: Set<Int> = []
    for line in [total] + lines {
      let base = line.base(options.base)
      if base < options.smallBase { smallBaseRows.insert(rows.count) }
      rows.append(
        [.text(line.category.display(options.labels)), .count(base)] + line.counts.map(Cell.count)
          + [.count(line.notAnswered)])
      if base > 0 {
        rows.append(
          [.empty, .empty] + line.counts.map { .percent(Percent($0, of: base)) }
            + [inBase ? .percent(Percent(line.notAnswered, of: base)) : .empty])
      }
      let rowCode = line.category.code
      for (category, count) in zip(item.categories, line.counts) {
        long.append([
          .text(rowCode), .text(line.category.label), .text(category.code), .text(category.label),
          .count(count),
          .percent(Percent(count, of: base)), .count(base),
        ])
      }
      long.append([
        .text(rowCode), .text(line.category.label), .text("NA"), .text(Category.notAnswered.label),
        .count(line.notAnswered), inBase ? .percent(Percent(line.notAnswered, of: base)) : .empty,
        .count(base),
      ])
    }
    var notes = [
      options.base.statement(total.base(options.base), of: total.rowCount, rowNoun: rowNoun)
        + "; row % of each row's own base (横%)."
    ]
    if item.isMultiple {
      notes.append("\(item.id) is multiple choice: a row's percentages may sum above 100.")
    }
    if breakdown.isMultiple {
      notes.append(
        "\(breakdown.id) is multiple choice: a \(rowNoun) appears in the row of each code it gave.")
    }
    if multiplyCoded > 0 {
      notes.append(
        "\(counted(multiplyCoded, rowNoun)) gave more than one code to single-choice \(item.id) and \(multiplyCoded == 1 ? "is" : "are") counted under each."
      )
    }
    if !smallBaseRows.isEmpty { notes.append(options.smallBaseNote) }
    let title = "\(item.name) by \(breakdown.name)  n=\(total.rowCount)"
    let longTable = Table(
      id: "\(item.id)-by-\(breakdown.id)", title: title,
      columns: ["row_code", "row_label", "col_code", "col_label", "n", "row_percent", "base"].map {
        Column($0)
      },
      rows: long)
    var table = Table(
      id: longTable.id, title: title, columns: columns, rows: rows, notes: notes, long: longTable)
    table.smallBaseRows = smallBaseRows
    return table
  }
}
