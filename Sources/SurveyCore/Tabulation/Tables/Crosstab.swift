/// A crosstab of a variable (columns) by a breakdown (rows), with counts and row percentages (横%).
///
/// The first row is 全体 (every counted row); then one row per breakdown category; then the rows
/// whose breakdown is not answered. The variable's 無回答 is a column. Each row's percentages are of
/// its own base: every row in it (全対象者ベース), or those that answered (回答者ベース).
public final class Crosstab {
  public let item: Categorization
  public let breakdown: Categorization
  public let rowNoun: String
  private var tallies: [Line] = []
  private var missing = Line(category: Category.notAnswered)
  private var totals = Line(category: Category(code: "total", label: "全体"))
  /// Rows that gave several codes to a single-choice item (counted under each).
  public private(set) var multiplyCoded = 0
  /// Rows that gave several codes to a single-choice breakdown (counted in the row of each).
  public private(set) var breakdownMultiplyCoded = 0
  private var caseCounts: [[Int]] = []
  private var casesLeftOut = 0

  /// The counts of one row of the crosstab.
  public struct Line: Sendable {
    public var category: Category
    public var rowCount = 0
    public var answered = 0
    public var counts: [Int] = []
    public var notAnswered: Int { rowCount - answered }
    /// Of the rows not answered, those that wrote a non-answer such as 記入なし.
    public var wroteNonAnswer = 0
    /// The 無回答 cells of this line: one, or 空欄 and 記入なし when split.
    func notAnsweredCounts(split: Bool) -> [Int] {
      split ? [notAnswered - wroteNonAnswer, wroteNonAnswer] : [notAnswered]
    }

    init(category: Category) {
      self.category = category
    }

    mutating func add(_ indexes: [Int], answered isAnswered: Bool, wrote: Bool = false, weight: Int) {
      rowCount += weight
      if isAnswered { answered += weight } else if wrote { wroteNonAnswer += weight }
      for index in indexes {
        if index >= counts.count { counts += [Int](repeating: 0, count: index + 1 - counts.count) }
        counts[index] += weight
      }
    }

    func padded(to width: Int, category: Category? = nil) -> Line {
      var line = self
      if let category { line.category = category }
      line.counts += [Int](repeating: 0, count: max(0, width - counts.count))
      return line
    }

    public func base(_ base: Base) -> Int { base == .all ? rowCount : answered }
  }

  public init(_ item: Categorization, by breakdown: Categorization, rowNoun: String) {
    self.item = item
    self.breakdown = breakdown
    self.rowNoun = rowNoun
  }

  public convenience init(_ item: Categorization, by breakdown: Categorization, rows: [Row], rowNoun: String)
  {
    self.init(item, by: breakdown, rowNoun: rowNoun)
    for row in rows { add(row) }
  }

  public func add(_ row: Row) { add(row, weight: 1) }

  /// Counts a row as `weight` rows.
  public func add(_ row: Row, weight: Int) {
    let columns = item.categoryIndexes(of: row)
    if columns.count > 1 && !item.isMultiple { multiplyCoded += weight }
    let answered = item.answered(columns)
    let wrote = !answered && item.wroteNonAnswer(row)
    totals.add(columns, answered: answered, wrote: wrote, weight: weight)
    let rowIndexes = breakdown.categoryIndexes(of: row)
    if rowIndexes.count > 1 && !breakdown.isMultiple { breakdownMultiplyCoded += weight }
    tallyCase(columns, rowIndexes, weight: weight)
    if rowIndexes.isEmpty { missing.add(columns, answered: answered, wrote: wrote, weight: weight) }
    for index in rowIndexes {
      while index >= tallies.count { tallies.append(Line(category: Category.notAnswered)) }
      tallies[index].add(columns, answered: answered, wrote: wrote, weight: weight)
    }
  }

  /// The crosstab as a consumer of a pass over rows.
  public var consumer: RowConsumer { RowConsumer(reads: item.reads.union(breakdown.reads), add: add) }

  /// The cases a test of independence takes: rows with exactly one category of each variable (no
  /// 無回答, no 結合なし, no second code); rows with a second code are counted as left out.
  private func tallyCase(_ columns: [Int], _ rows: [Int], weight: Int) {
    if columns.count > 1 || rows.count > 1 {
      casesLeftOut += weight
      return
    }
    guard let c = columns.first, let r = rows.first, !item.isUnjoined(c), !breakdown.isUnjoined(r) else {
      return
    }
    while r >= caseCounts.count { caseCounts.append([]) }
    if c >= caseCounts[r].count { caseCounts[r] += [Int](repeating: 0, count: c + 1 - caseCounts[r].count) }
    caseCounts[r][c] += weight
  }

  /// Breakdown category by variable category, for the tests of independence.
  public var cases: (counts: [[Int]], multiplyCoded: Int) {
    let width = item.categories.count
    let counts = breakdown.categories.indices.map { r in
      let line = r < caseCounts.count ? caseCounts[r] : []
      return line + [Int](repeating: 0, count: max(0, width - line.count))
    }
    return (counts, casesLeftOut)
  }

  /// Every counted row: 全体.
  public var total: Line { totals.padded(to: item.categories.count) }

  /// One line per breakdown category, then the breakdown's 無回答, each as wide as the variable.
  public var lines: [Line] {
    let width = item.categories.count
    let categories = breakdown.categories
    var lines = categories.indices.map { index in
      (index < tallies.count ? tallies[index] : Line(category: categories[index]))
        .padded(to: width, category: categories[index])
    }
    lines.append(missing.padded(to: width))
    return lines
  }

  /// The wide table people read (a count line and a % line per row) with the long form for machines.
  public func table(_ options: TableOptions = TableOptions()) -> Table {
    let inBase = options.base == .all
    var columns = [Column("row", breakdown.heading), Column("n", "n")]
    columns += item.categories.map { Column($0.code, $0.display(options.labels)) }
    let split = options.splitsNotAnswered
    columns += notAnsweredColumns(split: split)
    var rows: [[Cell]] = []
    var long: [[Cell]] = []
    var smallBaseRows: Set<Int> = []
    for line in [total] + lines {
      let base = line.base(options.base)
      if base < options.smallBase { smallBaseRows.insert(rows.count) }
      rows.append(
        [.text(line.category.display(options.labels)), .count(base)] + line.counts.map(Cell.count)
          + line.notAnsweredCounts(split: split).map(Cell.count))
      if base > 0 {
        rows.append(
          [.empty, .empty] + line.counts.map { .percent(Percent($0, of: base)) }
            + line.notAnsweredCounts(split: split).map { inBase ? .percent(Percent($0, of: base)) : .empty })
      }
      long += longRows(line, base: base, inBase: inBase, split: split)
    }
    let notes = self.notes(options, hasSmallBaseRows: !smallBaseRows.isEmpty)
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

  /// A row's lines of the long table: one per category, then one for 無回答.
  private func longRows(_ line: Line, base: Int, inBase: Bool, split: Bool) -> [[Cell]] {
    var long: [[Cell]] = []
    let rowCode = line.category.code
    for (category, count) in zip(item.categories, line.counts) {
      long.append([
        .text(rowCode), .text(line.category.label), .text(category.code), .text(category.label),
        .count(count),
        .percent(Percent(count, of: base)), .count(base),
      ])
    }
    for (column, count) in zip(notAnsweredColumns(split: split), line.notAnsweredCounts(split: split)) {
      long.append([
        .text(rowCode), .text(line.category.label), .text(column.key), .text(column.heading),
        .count(count), inBase ? .percent(Percent(count, of: base)) : .empty, .count(base),
      ])
    }
    return long
  }

  /// The 無回答 column, or 空欄 and 記入なし when it is split.
  private func notAnsweredColumns(split: Bool) -> [Column] {
    split
      ? [Column("NA-blank", Category.leftBlankLabel), Column("NA-written", Category.nonAnswerWrittenLabel)]
      : [Column("NA", Category.notAnswered.label)]
  }

  /// What the table's percentages are of, and what may surprise in them: multiple choice on either
  /// side, rows that gave several codes to a single-choice item, small bases.
  private func notes(_ options: TableOptions, hasSmallBaseRows: Bool) -> [String] {
    var notes = [
      options.base.statement(total.base(options.base), of: total.rowCount, rowNoun: rowNoun)
        + "; row % of each row's own base (横%)."
    ]
    if options.splitsNotAnswered { notes.append(TableOptions.splitNote) }
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
    if breakdownMultiplyCoded > 0 {
      notes.append(
        "\(counted(breakdownMultiplyCoded, rowNoun)) gave more than one code to single-choice \(breakdown.id) and \(breakdownMultiplyCoded == 1 ? "appears" : "appear") in the row of each, so the rows add up to more than 全体."
      )
    }
    if hasSmallBaseRows { notes.append(options.smallBaseNote) }
    return notes
  }
}
