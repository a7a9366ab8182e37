/// Why rows gave no figure: each "no figure" code, the figure code written without a figure
/// (grouped by what was written instead, e.g. `①未定`), and 無回答.
public final class MissingFigureReasons {
  public let item: Item
  public let rowNoun: String
  private let itemIndex: Int
  private var withheld = [Int: Int]()
  private var written: [(text: String, count: Int)] = []
  private var blank = 0
  public private(set) var given = 0
  /// At most this many different texts written instead of a figure are told apart; the rest are
  /// counted together, so that memory stays bounded on any input.
  static let distinctTexts = 100

  /// An empty tally of an item of a form, to be filled with `add`.
  public init(accumulating item: Item, in data: FormData) throws(SurveyError) {
    guard let index = data.index(of: item), item.kind == .amount || item.kind == .year else {
      throw SurveyError.usage("\(item.id) is not an amount or start-year item of \(data.form.title)")
    }
    self.item = item
    self.rowNoun = data.form.rowNoun
    self.itemIndex = index
  }

  /// The reasons of the given rows of a form (all of them by default).
  public convenience init(_ item: Item, in data: FormData, rows: [Row]? = nil) throws(SurveyError) {
    try self.init(accumulating: item, in: data)
    if let rows {
      for row in rows { add(row) }
    } else {
      data.forEachRow(add)
    }
  }

  public func add(_ row: Row) { add(row, weight: 1) }

  /// Counts a row as `weight` rows.
  public func add(_ row: Row, weight: Int) {
    switch row.values[itemIndex] {
    case .amount(let amount):
      switch amount.status {
      case .given: given += weight
      case .withheld(let option): withheld[option.code, default: 0] += weight
      case .figureMissing(let text):
        if let at = written.firstIndex(where: { $0.text == text }) {
          written[at].count += weight
        } else if written.count < Self.distinctTexts {
          written.append((text, weight))
        } else {
          let other = "…"
          if let at = written.firstIndex(where: { $0.text == other }) {
            written[at].count += weight
          } else {
            written.append((other, weight))
          }
        }
      }
    case .year(let year):
      switch year.status {
      case .given: given += weight
      case .withheld(let option): withheld[option.code, default: 0] += weight
      }
    default:
      blank += weight
    }
  }

  /// The tally as a consumer of a pass over rows.
  public var consumer: RowConsumer { RowConsumer(reads: RowReads(items: [itemIndex]), add: add) }

  /// Each reason and how many rows gave it: the figure code without a figure (by what was written),
  /// each "no figure" code, and 無回答.
  public var reasons: [(code: String, label: String, count: Int)] {
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
    return reasons
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
