/// The counts of one variable: per category, not answered, and the base the percentages are of.
///
/// Built a row at a time (`add`), so that one reading of an export fills every table.
public final class Frequency {
  public let categorization: Categorization
  public let rowNoun: String
  private var tallies: [Int] = []
  public private(set) var rowCount = 0
  public private(set) var notAnswered = 0
  /// Of the rows not answered, those that wrote a non-answer such as 記入なし (the rest left the
  /// cell blank).
  public private(set) var wroteNonAnswer = 0
  /// Rows of a single-choice item that gave more than one code (each is counted under each).
  public private(set) var multiplyCoded = 0

  public init(_ categorization: Categorization, rowNoun: String) {
    self.categorization = categorization
    self.rowNoun = rowNoun
  }

  public convenience init(_ categorization: Categorization, rows: [Row], rowNoun: String) {
    self.init(categorization, rowNoun: rowNoun)
    for row in rows { add(row) }
  }

  public func add(_ row: Row) { add(row, weight: 1) }

  /// Counts a row as `weight` rows.
  public func add(_ row: Row, weight: Int) {
    let indexes = categorization.categoryIndexes(of: row)
    rowCount += weight
    if indexes.isEmpty {
      notAnswered += weight
      if categorization.wroteNonAnswer(row) { wroteNonAnswer += weight }
    }
    if indexes.count > 1 && !categorization.isMultiple { multiplyCoded += weight }
    for index in indexes {
      if index >= tallies.count { tallies += [Int](repeating: 0, count: index + 1 - tallies.count) }
      tallies[index] += weight
    }
  }

  /// Counts the rows another frequency of the same categorization counted.
  public func add(_ other: Frequency) {
    rowCount += other.rowCount
    notAnswered += other.notAnswered
    multiplyCoded += other.multiplyCoded
    if other.tallies.count > tallies.count {
      tallies += [Int](repeating: 0, count: other.tallies.count - tallies.count)
    }
    for (index, count) in other.tallies.enumerated() { tallies[index] += count }
  }

  /// The frequency as a consumer of a pass over rows.
  public var consumer: RowConsumer { RowConsumer(reads: categorization.reads, add: add) }

  /// The count of each category, in the categorization's order.
  public var counts: [Int] {
    let width = categorization.categories.count
    return tallies + [Int](repeating: 0, count: max(0, width - tallies.count))
  }

  public var answered: Int { rowCount - notAnswered }
  /// Total answers given; above the answered count when rows give several codes.
  public var mentions: Int { counts.reduce(0, +) }

  /// The number the percentages are of.
  public func base(_ base: Base) -> Int { base == .all ? rowCount : answered }

  /// The frequency table: one row per category, then 無回答, the base and, for multiple choice,
  /// the total of mentions (M.T.).
  public func table(_ options: TableOptions = TableOptions()) -> Table {
    let base = self.base(options.base)
    let withMentions = options.percentOfMentions && categorization.isMultiple
    func percentCells(_ count: Int, inBase: Bool = true) -> [Cell] {
      var cells: [Cell] = [inBase ? .percent(Percent(count, of: base)) : .empty]
      if withMentions { cells.append(inBase ? .percent(Percent(count, of: mentions)) : .empty) }
      return cells
    }
    var rows: [[Cell]] = []
    for (category, count) in zip(categorization.categories, counts) {
      rows.append(
        [codeCell(category), .text(label(category, options.labels)), .count(count)] + percentCells(count))
    }
    if options.splitsNotAnswered {
      let blank = notAnswered - wroteNonAnswer
      rows.append(
        [.text("NA-blank"), .text(Category.leftBlankLabel), .count(blank)]
          + percentCells(blank, inBase: options.base == .all))
      rows.append(
        [.text("NA-written"), .text(Category.nonAnswerWrittenLabel), .count(wroteNonAnswer)]
          + percentCells(wroteNonAnswer, inBase: options.base == .all))
    } else {
      rows.append(
        [.text("NA"), .text(Category.notAnswered.label), .count(notAnswered)]
          + percentCells(notAnswered, inBase: options.base == .all))
    }
    let chartRows = Array(rows.indices)
    rows.append(
      [.text("base"), .text("基数"), .count(base), .percent(Percent(base, of: base))]
        + (withMentions ? [.empty] : []))
    if categorization.isMultiple {
      rows.append([.text("mentions"), .text("M.T."), .count(mentions)] + percentCells(mentions))
    }
    var notes = [options.base.statement(base, of: rowCount, rowNoun: rowNoun) + "."]
    if options.splitsNotAnswered {
      notes.append(TableOptions.splitNote)
    }
    if categorization.isMultiple {
      notes.append("MA: percentages are of the base and may sum above 100; M.T. is their sum.")
    }
    if multiplyCoded > 0 {
      notes.append(
        "\(counted(multiplyCoded, rowNoun)) with more than one code to this single-choice item counted under each code, so the rows add up to more than the base."
      )
    }
    var smallBaseRows: Set<Int> = []
    if base < options.smallBase {
      smallBaseRows.insert(rows.count - (categorization.isMultiple ? 2 : 1))
      notes.append(options.smallBaseNote)
    }
    let kindMark = categorization.isMultiple ? " (MA)" : (categorization.item.kind == .single ? " (SA)" : "")
    var columns = [Column("code"), Column("label"), Column("n"), Column("percent", "%")]
    if withMentions { columns.append(Column("percent_of_mentions", "% of M.T.")) }
    var table = Table(
      id: categorization.id, title: "\(categorization.name)\(kindMark)  n=\(base)", columns: columns,
      rows: rows,
      notes: notes)
    table.smallBaseRows = smallBaseRows
    table.chart = Chart(valueColumn: 3, rows: chartRows)
    return table
  }

  private func codeCell(_ category: Category) -> Cell {
    category.optionCode.map(Cell.code) ?? .text(category.code)
  }

  private func label(_ category: Category, _ style: LabelStyle) -> String {
    switch style {
    case .short: category.label
    case .full: category.fullLabel
    case .code: category.optionCode == nil ? category.label : ""
    }
  }
}
