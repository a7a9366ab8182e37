/// Variables made from the figures of amount and start-year items, usable as breakdowns:
/// `a.7:class` (amount classes), `a.6:era` and `a.6:decade`.
extension Categorization {
  /// The suffixes that name a derived variable after an item id.
  public static let derivedSuffixes = ["class", "era", "decade"]

  /// Amount classes in 千円: 0, under 100, 100 to under 1,000, 1,000 to under 10,000, 10,000 and
  /// over; then each code without a figure (②無し, ③算定不能) and the figure code written without
  /// one (①未定), so that only blank cells are 無回答.
  public static func amountClasses(item: Item, in data: FormData) throws(SurveyError) -> Categorization {
    guard item.kind == .amount, let itemIndex = data.index(of: item) else {
      throw SurveyError.usage("\(item.id):class needs an amount item of \(data.form.title)")
    }
    let classes = [
      Category(code: "0", label: "0千円"), Category(code: "lt100", label: "100千円未満"),
      Category(code: "100-1000", label: "100～1,000千円未満"),
      Category(code: "1000-10000", label: "1,000～10,000千円未満"),
      Category(code: "ge10000", label: "10,000千円以上"),
    ]
    let (reasons, optionIndex) = figureReasonCategories(of: item, after: classes.count)
    let missingIndex = classes.count + reasons.count - 1
    return Categorization(
      id: "\(item.id):class", item: item, name: "\(item.displayName) (classes)", heading: "\(item.title)（階級）",
      categories: classes + reasons, isMultiple: false, reads: RowReads(items: [itemIndex])
    ) { row in
      guard case .amount(let amount) = row.values[itemIndex] else { return [] }
      switch amount.status {
      case .withheld(let option): return optionIndex[option.code].map { [$0] } ?? []
      case .figureMissing: return [missingIndex]
      case .given(let yen):
        switch yen {
        case ..<1: return [0]
        case ..<100_000: return [1]
        case ..<1_000_000: return [2]
        case ..<10_000_000: return [3]
        default: return [4]
        }
      }
    }
  }

  /// The categories of the codes of an item that carry no figure (②無し, ③算定不能, ②不明), then,
  /// for an amount, one for the figure code written without a figure (`①未定`); and the index each
  /// such code takes, counting from `first`.
  static func figureReasonCategories(of item: Item, after first: Int) -> ([Category], [Int: Int]) {
    var categories: [Category] = []
    var indexes: [Int: Int] = [:]
    for option in item.options where option.role != .figure {
      indexes[option.code] = first + categories.count
      categories.append(
        Category(
          code: String(option.code), optionCode: option.code,
          label: option.label.isEmpty ? Option.unknownLabel : option.label,
          fullLabel: option.fullLabel.isEmpty ? nil : option.fullLabel))
    }
    if item.kind == .amount, let figure = item.options.first(where: { $0.role == .figure }) {
      categories.append(
        Category(code: "\(figure.code)-no-figure", optionCode: figure.code, label: "金額の記載なし（未定など）"))
    }
    return (categories, indexes)
  }

  /// The era (明治 … 令和) or the decade (1970年代 …) of a start year, then each code without a year
  /// (②不明); only blank cells are 無回答.
  public static func yearClasses(item: Item, in data: FormData, byDecade: Bool) throws(SurveyError)
    -> Categorization
  {
    let suffix = byDecade ? "decade" : "era"
    guard item.kind == .year, let itemIndex = data.index(of: item) else {
      throw SurveyError.usage("\(item.id):\(suffix) needs a start-year item of \(data.form.title)")
    }
    var categories: [Category]
    if byDecade {
      // The decades that occur, found by a counting pass that reads the year cells alone.
      var found = Set<Int>()
      data.tally([
        RowConsumer(reads: RowReads(items: [itemIndex])) { row, _ in
          if let year = NumericSummary.figure(row.values[itemIndex]) { found.insert(year / 10 * 10) }
        }
      ])
      let decades = found.sorted()
      categories = decades.map { Category(code: "\($0)s", label: "\($0)年代") }
    } else {
      categories = Era.all.map { Category(code: $0.name, label: $0.name) }
    }
    let (reasons, optionIndex) = figureReasonCategories(of: item, after: categories.count)
    let registry = CategoryRegistry(categories)
    return Categorization(
      id: "\(item.id):\(suffix)", item: item, name: "\(item.displayName) (\(byDecade ? "decades" : "eras"))",
      heading: "\(item.title)（\(byDecade ? "年代" : "元号")）", categories: categories + reasons,
      isMultiple: false,
      reads: RowReads(items: [itemIndex])
    ) { row in
      guard case .year(let year) = row.values[itemIndex] else { return [] }
      switch year.status {
      case .withheld(let option): return optionIndex[option.code].map { [$0] } ?? []
      case .given(let western, _, _):
        let key = byDecade ? "\(western / 10 * 10)s" : (Era.japanese(western)?.era.name ?? "")
        return registry.index(of: key, adding: false).map { [$0] } ?? []
      }
    }
  }
}
