/// The counts of one item: per category, not answered, and the base the percentages are of.
public struct Frequency: Sendable {
  public let categorization: Categorization
  public let rowNoun: String
  public let counts: [Int]
  public let rowCount: Int
  public let notAnswered: Int
  /// Rows of a single-choice item that gave more than one code (each is counted under each).
  public let multiplyCoded: Int

  public init(_ categorization: Categorization, rows: [Row], rowNoun: String) {
    var counts = [Int](repeating: 0, count: categorization.categories.count)
    var notAnswered = 0
    var multiplyCoded = 0
    for row in rows {
      let indexes = categorization.categoryIndexes(of: row)
      if indexes.isEmpty { notAnswered += 1 }
      if indexes.count > 1 && !categorization.isMultiple { multiplyCoded += 1 }
      for index in indexes { counts[index] += 1 }
    }
    self.categorization = categorization
    self.rowNoun = rowNoun
    self.counts = counts
    self.rowCount = rows.count
    self.notAnswered = notAnswered
    self.multiplyCoded = multiplyCoded
  }

  public var answered: Int { rowCount - notAnswered }
  /// Total answers given; above the answered count when rows give several codes.
  public var mentions: Int { counts.reduce(0, +) }
  /// The number the percentages are of.
  public var base: Int { categorization.baseIsAnswered ? answered : rowCount }

  /// The frequency table: one row per category, then 無回答, the base and (for multiple choice) M.T.
  public func table(decimals: Int = 1) -> Table {
    let item = categorization.item
    let percent = { (count: Int) in Cell.percent(Percent(count, of: self.base)) }
    var rows: [[Cell]] = []
    for (category, count) in zip(categorization.categories, counts) {
      rows.append([codeCell(category), .text(category.label), .count(count), percent(count)])
    }
    let outside = categorization.baseIsAnswered
    rows.append([
      .text("NA"), .text(Category.notAnswered.label), .count(notAnswered),
      outside ? .empty : percent(notAnswered),
    ])
    rows.append([.text("base"), .text("基数"), .count(base), percent(base)])
    var notes: [String] = []
    let kindMark = categorization.isMultiple ? "MA" : (item.kind == .single ? "SA" : "")
    if categorization.isMultiple {
      rows.append([.text("mentions"), .text("M.T."), .count(mentions), percent(mentions)])
      notes.append(
        "MA: base = \(base) \(plural(rowNoun)) that answered the item (of \(rowCount)); \(notAnswered) 無回答 are outside the base. Percentages may sum above 100; M.T. is their sum."
      )
    } else {
      notes.append("base = all \(rowCount) \(plural(rowNoun)), 無回答 included.")
    }
    if multiplyCoded > 0 {
      notes.append(
        "\(multiplyCoded) \(plural(rowNoun)) gave more than one code to this single-choice item and are counted under each code, so the rows add up to more than the base."
      )
    }
    let title = "\(item.displayName)" + (kindMark.isEmpty ? "" : " (\(kindMark))") + "  n=\(base)"
    return Table(
      id: item.id, title: title,
      columns: [Column("code", "code"), Column("label", "label"), Column("n", "n"), Column("percent", "%")],
      rows: rows, notes: notes)
  }

  private func codeCell(_ category: Category) -> Cell {
    category.optionCode.map(Cell.code) ?? .text(category.code)
  }
}
