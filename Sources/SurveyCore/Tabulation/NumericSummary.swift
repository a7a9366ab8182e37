/// Statistics of an amount (市の予算, 全体予算, in 千円) or a start year by a breakdown: how many
/// rows gave a figure, how many did not, and the sum, mean, quartiles, minimum and maximum.
///
/// Quartiles and the median interpolate linearly between order statistics (R's type 7, Excel's
/// QUARTILE.INC, pandas' default): the p-quantile of n sorted values is at position (n − 1)p.
public struct NumericSummary: Sendable {
  public let item: Item
  public let breakdown: Categorization
  public let rowNoun: String
  public let lines: [Line]
  public let total: Line

  /// One row of the summary: the figures of the rows in one breakdown category.
  public struct Line: Sendable {
    public var category: Category
    public var rowCount = 0
    /// The figures given (yen for amounts, Western years for start years), in input order.
    public var values: [Int] = []
    public var given: Int { values.count }
    public var withoutFigure: Int { rowCount - given }
    /// The sum of the figures, or nil when it leaves the range of Int (only absurd inputs do:
    /// amounts are at most 1兆円 each).
    public var sum: Int? {
      var total = 0
      for value in values {
        let (next, overflow) = total.addingReportingOverflow(value)
        if overflow { return nil }
        total = next
      }
      return total
    }

    mutating func add(_ value: Int?) {
      rowCount += 1
      if let value { values.append(value) }
    }

    /// The p-quantile (p = quarters / 4) as a fraction, or nil without values.
    public func quantile(quarters: Int) -> Fraction? {
      guard !values.isEmpty else { return nil }
      let sorted = values.sorted()
      // Position (n − 1) × quarters / 4, kept in quarters to stay exact.
      let position = (sorted.count - 1) * quarters
      let lower = position / 4
      let remainder = position % 4
      let upper = min(lower + 1, sorted.count - 1)
      return Fraction(4 * sorted[lower] + remainder * (sorted[upper] - sorted[lower]), 4)
    }

    public var mean: Fraction? { values.isEmpty ? nil : sum.map { Fraction($0, values.count) } }
  }

  /// The summary of the given rows of a form (all of them by default).
  public init(_ item: Item, by breakdown: Categorization, in data: FormData, rows: [Row]? = nil)
    throws(SurveyError)
  {
    guard let index = data.index(of: item), item.kind == .amount || item.kind == .year else {
      throw SurveyError.usage(
        "\(item.id) is not an amount or start-year item of \(data.form.title)",
        expected: "an item of kind amount or year")
    }
    var lines = breakdown.categories.map { Line(category: $0) }
    var missing = Line(category: Category.notAnswered)
    var total = Line(category: Category(code: "total", label: "全体"))
    for row in rows ?? data.rows {
      let value = NumericSummary.figure(row.values[index])
      total.add(value)
      let indexes = breakdown.categoryIndexes(of: row)
      if indexes.isEmpty { missing.add(value) }
      for lineIndex in indexes { lines[lineIndex].add(value) }
    }
    self.item = item
    self.breakdown = breakdown
    self.rowNoun = data.form.rowNoun
    self.lines = lines + [missing]
    self.total = total
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
      cells += [
        statistic(line.mean), extreme(line.values.min()), statistic(line.quantile(quarters: 1)),
        statistic(line.quantile(quarters: 2)), statistic(line.quantile(quarters: 3)),
        extreme(line.values.max()),
      ]
      cells.append(.count(line.withoutFigure))
      rows.append(cells)
    }
    var notes = [
      isAmount
        ? "Amounts in 千円 of the \(total.given) \(plural(rowNoun)) that gave one; the others are counted under 金額なし (see the reasons table)."
        : "Start years (Western) of the \(total.given) \(plural(rowNoun)) that gave one; the others are counted under 年なし.",
      "Quartiles interpolate linearly (R type 7, Excel QUARTILE.INC).",
    ]
    if breakdown.isMultiple {
      notes.append(
        "\(breakdown.id) is multiple choice: a \(rowNoun) with several codes is counted, with its whole figure, in each of their rows, so the rows add up to more than 全体."
      )
    }
    if !smallBaseRows.isEmpty {
      notes.append(options.smallBaseNote.replacingOccurrences(of: "base", with: "number of figures"))
    }
    var table = Table(
      id: "\(item.id)-summary-by-\(breakdown.id)",
      title: "\(item.displayName): statistics by \(breakdown.name)",
      columns: columns, rows: rows, notes: notes)
    table.smallBaseRows = smallBaseRows
    return table
  }
}

/// Why rows gave no figure: each "no figure" code, the figure code written without a figure
/// (grouped by what was written instead, e.g. `①未定`), and 無回答.
public struct MissingFigureReasons: Sendable {
  public let item: Item
  public let rowNoun: String
  public let reasons: [(code: String, label: String, count: Int)]
  public let given: Int

  public init(_ item: Item, in data: FormData, rows: [Row]? = nil) throws(SurveyError) {
    guard let index = data.index(of: item), item.kind == .amount || item.kind == .year else {
      throw SurveyError.usage("\(item.id) is not an amount or start-year item of \(data.form.title)")
    }
    var withheld = [Int: Int]()
    var written: [(text: String, count: Int)] = []
    var blank = 0
    var given = 0
    for row in rows ?? data.rows {
      switch row.values[index] {
      case .amount(let amount):
        switch amount.status {
        case .given: given += 1
        case .withheld(let option): withheld[option.code, default: 0] += 1
        case .figureMissing(let text):
          if let at = written.firstIndex(where: { $0.text == text }) {
            written[at].count += 1
          } else {
            written.append((text, 1))
          }
        }
      case .year(let year):
        switch year.status {
        case .given: given += 1
        case .withheld(let option): withheld[option.code, default: 0] += 1
        }
      default:
        blank += 1
      }
    }
    var reasons: [(code: String, label: String, count: Int)] = []
    let figure = item.options.first { $0.role == .figure }
    for (text, count) in written {
      reasons.append(
        (
          String(figure?.code ?? 0),
          "\(figure?.mark ?? "")\(text)（\(item.kind == .amount ? "金額" : "年")の記載なし）", count
        ))
    }
    for option in item.options where option.role != .figure {
      reasons.append((String(option.code), option.display, withheld[option.code] ?? 0))
    }
    reasons.append(("NA", Category.notAnswered.label, blank))
    self.item = item
    self.rowNoun = data.form.rowNoun
    self.reasons = reasons
    self.given = given
  }

  public var withoutFigure: Int { reasons.reduce(0) { $0 + $1.count } }

  public func table() -> Table {
    let rows = reasons.map { reason -> [Cell] in
      [.text(reason.code), .text(reason.label), .count(reason.count)]
    }
    let what = item.kind == .amount ? "an amount" : "a year"
    return Table(
      id: "\(item.id)-no-figure",
      title: "\(item.displayName): \(counted(withoutFigure, rowNoun)) without \(what), and why",
      columns: [Column("code"), Column("reason", "reason"), Column("n")], rows: rows,
      notes: ["\(counted(given, rowNoun)) gave \(what)."])
  }
}
