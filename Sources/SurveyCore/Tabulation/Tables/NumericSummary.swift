/// Statistics of an amount (市の予算, 全体予算, in 千円) or a start year by a breakdown: how many
/// rows gave a figure, how many did not, and the sum, mean, quartiles, minimum and maximum.
///
/// Quartiles and the median interpolate linearly between order statistics (R's type 7, Excel's
/// QUARTILE.INC, pandas' default): the p-quantile of n sorted values is at position (n − 1)p.
///
/// Built a row at a time (`add`). Each line keeps how often each distinct figure occurs, not the
/// figures themselves, so memory grows with the distinct figures, not with the rows; with a
/// `FigureSpill`, the largest lines are written out whenever the summaries of the pass hold more
/// than its budget, so that memory stays bounded however many figures there are.
public final class NumericSummary {
  public let item: Item
  public let breakdown: Categorization
  public let rowNoun: String
  private let itemIndex: Int
  private var tallies: [Line] = []
  private var missing = Line(category: Category.notAnswered)
  /// 全体 but its figures, which are the lines' added up when the line is read (`total`): each
  /// row's figure then waits in one line, not in two.
  private var totalCounts = Line(category: Category(code: "total", label: "全体"))
  /// The figures of the rows counted in several lines, each as many times as it is counted more
  /// than once: taken away from the lines' to give 全体's.
  private var overcounted = FigureCounts()
  /// 全体, once made from the lines (nil after an addition).
  private var madeTotal: Line?
  /// The breakdown's categories of the rows met lately.
  private let breakdownCache = CategoryCache()
  /// Rows that gave several codes to a single-choice breakdown (counted in the line of each).
  public private(set) var multiplyCoded = 0
  /// Where figures are written out beyond the budget, and the bytes of them this summary last
  /// told it it holds.
  private let spill: FigureSpill?
  private var heldBytesTold = 0
  /// Rows added since the bytes held were last told.
  private var addedSinceTold = 0

  /// One row of the summary: the figures of the rows in one breakdown category.
  public struct Line: Sendable {
    public var category: Category
    public var rowCount = 0
    /// How many rows gave each figure (yen for amounts, Western years for start years), so that
    /// memory follows the distinct figures, not the rows.
    private var counts = FigureCounts()
    public private(set) var given = 0
    /// How many of the figures were written as approximate (`①約５０万円`).
    public private(set) var approximate = 0
    private var total = 0
    private var overflowed = false
    public var withoutFigure: Int { rowCount - given }
    /// The sum of the figures, or nil when it leaves the range of Int (only absurd inputs do:
    /// amounts are at most 1兆円 each).
    public var sum: Int? { overflowed ? nil : total }
    public var minimum: Int? { counts.minimum }
    public var maximum: Int? { counts.maximum }

    /// How many rows gave each figure, in increasing order of the figures.
    public var occurrences: [(value: Int, count: Int)] { counts.occurrences }
    /// The bytes of figures held in memory.
    var heldBytes: Int { counts.heldBytes }

    init(category: Category) {
      self.category = category
    }

    /// Counts `weight` rows that gave `value`; without `keepingFigure`, all but the figure itself.
    mutating func add(
      _ value: Int?, approximate isApproximate: Bool = false, weight: Int, keepingFigure: Bool = true
    ) {
      rowCount += weight
      guard let value else { return }
      given += weight
      if isApproximate { approximate += weight }
      if keepingFigure { counts.add(value, weight: weight) }
      let (product, productOverflow) = value.multipliedReportingOverflow(by: weight)
      let (next, overflow) = total.addingReportingOverflow(product)
      if overflow || productOverflow { overflowed = true } else { total = next }
    }

    /// Merges the figures added last into the others, so that reading them copies nothing.
    mutating func settle() { counts.settle() }

    /// Writes the figures held out to `spill`; whether they were.
    mutating func spill(to spill: FigureSpill) -> Bool { counts.spill(to: spill) }

    /// This line with the figures of `lines` added up, less those of `overcounted`.
    func withFigures(of lines: [Line], less overcounted: FigureCounts, spill: FigureSpill?) -> Line {
      var line = self
      line.counts = FigureCounts.sum(lines.map(\.counts), less: overcounted, spill: spill)
      return line
    }

    /// The p-quantile (p = quarters / 4) as a fraction, or nil without values.
    public func quantile(quarters: Int) -> Fraction? {
      quantiles(quarters: [quarters])[0]
    }

    /// Several p-quantiles (p = quarters / 4), from one pass over the distinct figures.
    public func quantiles(quarters: [Int]) -> [Fraction?] {
      guard given > 0 else { return quarters.map { _ in nil } }
      // Position (n − 1) × quarters / 4, kept in quarters to stay exact: between the order
      // statistics (from 0) at its floor and the next.
      let positions = quarters.map { (given - 1) * $0 }
      let ranks = Set(positions.flatMap { [$0 / 4, min($0 / 4 + 1, given - 1)] }).sorted()
      let figures = Dictionary(uniqueKeysWithValues: zip(ranks, counts.orderStatistics(ranks)))
      return positions.map { position in
        let low = figures[position / 4] ?? 0
        let high = figures[min(position / 4 + 1, given - 1)] ?? 0
        return Fraction(4 * low + position % 4 * (high - low), 4)
      }
    }

    public var mean: Fraction? { given == 0 ? nil : sum.map { Fraction($0, given) } }
  }

  /// An empty summary of an item of a form, to be filled with `add`.
  public init(
    accumulating item: Item, by breakdown: Categorization, in data: FormData,
    spillingInto spill: FigureSpill? = nil
  ) throws(SurveyError) {
    guard let index = data.index(of: item), item.kind == .amount || item.kind == .year else {
      throw SurveyError.usage(
        "\(item.id) is not an amount or start-year item of \(data.form.title)",
        expected: "an item of kind amount or year")
    }
    self.item = item
    self.breakdown = breakdown
    self.rowNoun = data.form.rowNoun
    self.itemIndex = index
    self.spill = spill
  }

  deinit {
    _ = spill?.hold(-heldBytesTold)
  }

  /// The summary of the given rows of a form (all of them by default).
  public convenience init(_ item: Item, by breakdown: Categorization, in data: FormData, rows: [Row]? = nil)
    throws(SurveyError)
  {
    try self.init(accumulating: item, by: breakdown, in: data)
    if let rows {
      for row in rows { add(row) }
    } else {
      data.forEachRow(add)
    }
  }

  public func add(_ row: Row) { add(row, weight: 1) }

  /// Counts a row as `weight` rows.
  public func add(_ row: Row, weight: Int) {
    let (value, approximate) = NumericSummary.figureAndApproximation(row.values[itemIndex])
    totalCounts.add(value, approximate: approximate, weight: weight, keepingFigure: false)
    madeTotal = nil
    let indexes = breakdown.categoryIndexes(of: row, cache: breakdownCache)
    if indexes.count > 1 && !breakdown.isMultiple { multiplyCoded += weight }
    if indexes.count > 1, let value { overcounted.add(value, weight: (indexes.count - 1) * weight) }
    if indexes.isEmpty { missing.add(value, approximate: approximate, weight: weight) }
    for index in indexes {
      while index >= tallies.count { tallies.append(Line(category: Category.notAnswered)) }
      tallies[index].add(value, approximate: approximate, weight: weight)
    }
    if let spill {
      addedSinceTold += 1
      if addedSinceTold == 1024 { keepWithinBudget(spill) }
    }
  }

  /// Tells the spill the bytes of figures held, and writes out the largest line while all
  /// summaries hold more than its budget (a line of less than 4 KB stays).
  private func keepWithinBudget(_ spill: FigureSpill) {
    addedSinceTold = 0
    while true {
      let held = tallies.reduce(missing.heldBytes + overcounted.heldBytes) { $0 + $1.heldBytes }
      guard spill.hold(held - heldBytesTold) else {
        heldBytesTold = held
        return
      }
      heldBytesTold = held
      let largest = tallies.indices.max { tallies[$0].heldBytes < tallies[$1].heldBytes }
      let sizes = [largest.map { tallies[$0].heldBytes } ?? 0, missing.heldBytes, overcounted.heldBytes]
      guard let most = sizes.max(), most >= 4096 else { return }
      let spilled =
        if let largest, most == sizes[0] {
          tallies[largest].spill(to: spill)
        } else if most == sizes[1] {
          missing.spill(to: spill)
        } else {
          overcounted.spill(to: spill)
        }
      guard spilled else { return }
    }
  }

  /// 全体: every row once, whatever its lines.
  public var total: Line {
    if let madeTotal { return madeTotal }
    let made = totalCounts.withFigures(of: tallies + [missing], less: overcounted, spill: spill)
    madeTotal = made
    return made
  }

  /// The summary as a consumer of a pass over rows.
  public var consumer: RowConsumer {
    RowConsumer(reads: RowReads(items: [itemIndex]).union(breakdown.reads), add: add)
  }

  /// One line per breakdown category, then the breakdown's 無回答.
  public var lines: [Line] {
    let categories = breakdown.categories
    var lines = categories.indices.map { index in
      var line = index < tallies.count ? tallies[index] : Line(category: categories[index])
      line.category = categories[index]
      return line
    }
    lines.append(missing)
    return lines
  }

  /// The figure of a cell and whether it was written as approximate, from one look at the value
  /// (this runs for every row).
  static func figureAndApproximation(_ value: Value) -> (Int?, Bool) {
    switch value {
    case .amount(let amount): (amount.yen, amount.isApproximate)
    case .year(let year): (year.year, false)
    default: (nil, false)
    }
  }

  /// The figure of a cell: yen for an amount, the Western year for a start year, or nil.
  public static func figure(_ value: Value) -> Int? {
    switch value {
    case .amount(let amount): amount.yen
    case .year(let year): year.year
    default: nil
    }
  }

  public var isAmount: Bool { item.kind == .amount }

  public func table(_ options: TableOptions = TableOptions()) -> Table {
    var columns = [Column("row", breakdown.heading), Column("n"), Column("given", isAmount ? "金額あり" : "年あり")]
    if isAmount { columns.append(Column("sum", "合計")) }
    columns += [
      Column("mean", "平均"), Column("min", "最小"), Column("q1", "第1四分位"), Column("median", "中央値"),
      Column("q3", "第3四分位"), Column("max", "最大"), Column("without_figure", isAmount ? "金額なし" : "年なし"),
    ]
    missing.settle()
    for index in tallies.indices { tallies[index].settle() }
    var smallBaseRows: Set<Int> = []
    var rows: [[Cell]] = []
    for line in [total] + lines {
      if line.given < options.smallBase { smallBaseRows.insert(rows.count) }
      var cells: [Cell] = [
        .text(line.category.display(options.labels)), .count(line.rowCount), .count(line.given),
      ]
      if isAmount { cells.append(line.sum.map(Cell.yen) ?? .text("overflow")) }
      func statistic(_ fraction: Fraction?) -> Cell {
        guard let fraction else { return .empty }
        return isAmount
          ? .number(Fraction(fraction.numerator, fraction.denominator * 1000), grouped: true)
          : .number(fraction, grouped: false)
      }
      func extreme(_ value: Int?) -> Cell {
        guard let value else { return .empty }
        return isAmount ? .yen(value) : .year(value)
      }
      let quartiles = line.quantiles(quarters: [1, 2, 3])
      cells += [
        statistic(line.mean), extreme(line.minimum), statistic(quartiles[0]), statistic(quartiles[1]),
        statistic(quartiles[2]), extreme(line.maximum),
      ]
      cells.append(.count(line.withoutFigure))
      rows.append(cells)
    }
    let notes = notes(options, smallBases: !smallBaseRows.isEmpty)
    var table = Table(
      id: "\(item.id)-summary-by-\(breakdown.id)",
      title: "\(item.displayName): statistics by \(breakdown.name)",
      columns: columns, rows: rows, notes: notes)
    table.smallBaseRows = smallBaseRows
    return table
  }

  /// The table's notes: what its figures are, then what a reader must know of its rows.
  private func notes(_ options: TableOptions, smallBases: Bool) -> [String] {
    var notes = [
      isAmount
        ? "Amounts in 千円 of the \(total.given) \(plural(rowNoun)) that gave one; the others are counted under 金額なし (see the reasons table)."
        : "Start years (Western) of the \(total.given) \(plural(rowNoun)) that gave one; the others are counted under 年なし.",
      "Quartiles interpolate linearly (R type 7, Excel QUARTILE.INC).",
    ]
    if total.approximate > 0 {
      notes.append(
        "\(total.approximate) of the \(total.given) amounts \(total.approximate == 1 ? "is" : "are") approximate (約, 程度, 概算, 見込み): counted as written."
      )
    }
    if multiplyCoded > 0 {
      notes.append(
        "\(counted(multiplyCoded, rowNoun)) gave more than one code to single-choice \(breakdown.id) and \(multiplyCoded == 1 ? "is" : "are") counted, with its whole figure, in the row of each, so the rows add up to more than 全体."
      )
    }
    if breakdown.isMultiple {
      notes.append(
        "\(breakdown.id) is multiple choice: a \(rowNoun) with several codes is counted, with its whole figure, in each of their rows, so the rows add up to more than 全体."
      )
    }
    if smallBases {
      notes.append(options.smallBaseNote.replacingOccurrences(of: "base", with: "number of figures"))
    }
    return notes
  }
}
