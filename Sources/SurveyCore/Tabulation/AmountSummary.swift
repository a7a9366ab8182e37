/// Sums of an amount item (市の予算, 全体予算) by a breakdown, with how many rows gave no figure.
public struct AmountSummary: Sendable {
  public let amountItem: Item
  public let breakdown: Categorization
  public let rowNoun: String
  public let lines: [Line]
  public let total: Line

  /// One row of the summary.
  public struct Line: Sendable {
    public var category: Category
    public var rowCount = 0
    public var given = 0
    public var sumYen = 0
    public var withoutFigure: Int { rowCount - given }

    mutating func add(_ yen: Int?) {
      rowCount += 1
      if let yen {
        given += 1
        sumYen += yen
      }
    }
  }

  public init(_ amountItem: Item, by breakdown: Categorization, in data: FormData) throws(SurveyError) {
    guard let index = data.index(of: amountItem), amountItem.kind == .amount else {
      throw SurveyError.usage("\(amountItem.id) is not an amount item of \(data.form.title)")
    }
    var lines = breakdown.categories.map { Line(category: $0) }
    var missing = Line(category: Category.notAnswered)
    var total = Line(category: Category(code: "total", label: "全体"))
    for row in data.rows {
      var yen: Int?
      if case .amount(let amount) = row.values[index] { yen = amount.yen }
      total.add(yen)
      let indexes = breakdown.categoryIndexes(of: row)
      if indexes.isEmpty { missing.add(yen) }
      for lineIndex in indexes { lines[lineIndex].add(yen) }
    }
    self.amountItem = amountItem
    self.breakdown = breakdown
    self.rowNoun = data.form.rowNoun
    self.lines = lines + [missing]
    self.total = total
  }

  public func table() -> Table {
    let columns = [
      Column("row", breakdown.item.title), Column("n", "n"), Column("given", "金額あり"),
      Column("sum_thousand_yen", "合計（千円）"), Column("without_figure", "金額なし"),
    ]
    let rows = ([total] + lines).map { line -> [Cell] in
      [
        .text(line.category.display), .count(line.rowCount), .count(line.given), .yen(line.sumYen),
        .count(line.withoutFigure),
      ]
    }
    var notes = [
      "Sums in 千円 of the \(total.given) \(plural(rowNoun)) that gave an amount; 金額なし counts every other \(rowNoun) (see the reasons table)."
    ]
    if breakdown.isMultiple {
      notes.append(
        "\(breakdown.item.id) is multiple choice: a \(rowNoun) with several codes is counted, with its whole amount, in each of their rows, so the rows add up to more than 全体."
      )
    }
    return Table(
      id: "\(amountItem.id)-sum-by-\(breakdown.item.id)",
      title: "\(amountItem.displayName): sum by \(breakdown.item.displayName)", columns: columns, rows: rows,
      notes: notes)
  }
}

/// Why rows gave no amount: each "no figure" code, the figure code written without a figure
/// (grouped by what was written instead, e.g. `①未定`), and 無回答.
public struct MissingAmountReasons: Sendable {
  public let item: Item
  public let rowNoun: String
  public let reasons: [(code: String, label: String, count: Int)]
  public let given: Int

  public init(_ item: Item, in data: FormData) throws(SurveyError) {
    guard let index = data.index(of: item), item.kind == .amount else {
      throw SurveyError.usage("\(item.id) is not an amount item of \(data.form.title)")
    }
    var withheld = [Int: Int]()
    var written: [(text: String, count: Int)] = []
    var blank = 0
    var given = 0
    for row in data.rows {
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
      default:
        blank += 1
      }
    }
    var reasons: [(code: String, label: String, count: Int)] = []
    let figure = item.options.first { $0.role == .figure }
    for (text, count) in written {
      reasons.append((String(figure?.code ?? 0), "\(figure?.mark ?? "")\(text)（金額の記載なし）", count))
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
    return Table(
      id: "\(item.id)-no-figure",
      title: "\(item.displayName): \(withoutFigure) \(plural(rowNoun)) without an amount, and why",
      columns: [Column("code"), Column("reason", "reason"), Column("n")], rows: rows,
      notes: ["\(given) \(plural(rowNoun)) gave an amount."])
  }
}
