/// One item (question or column) of a questionnaire, as the codebook describes it.
public struct Item: Sendable, Hashable {
  /// Stable id such as `a.4`; the part before the first dot names the questionnaire.
  public var id: String
  /// The number as printed, e.g. `４` or `設問２`.
  public var number: String
  /// The title as printed, e.g. `形態`.
  public var title: String
  public var kind: ItemKind
  /// The column header in the export.
  public var header: String
  /// Whether blank cells inherit the value above (merged cells in the spreadsheet).
  public var fillsDown: Bool
  /// Whether the standard report breaks amounts down by this item (the `breakdown` flag).
  public var isReportBreakdown: Bool
  public var options: [Option]
  /// For an amount item, the suffix of the unit a bare number is read in (`千円`): from the flag
  /// `unit=千円`, or from a unit in brackets at the end of the header (`事業費（千円）`).
  public var bareAmountUnit: String?
  /// The organisation level the item names, by its index in `Codebook.levels` (top = 0), for a
  /// hierarchy item; nil for any other.
  public var level: Int?
  /// Whether the answer is spread over one column per option (the `columns` flag), each holding a
  /// mark (`1`, `○`) when the option is chosen: the columns are `Option.column`, and the item has
  /// no column of its own.
  public var hasOptionColumns: Bool

  public init(
    id: String, number: String, title: String, kind: ItemKind, header: String, fillsDown: Bool = false,
    isReportBreakdown: Bool = false, options: [Option] = [], bareAmountUnit: String? = nil, level: Int? = nil,
    hasOptionColumns: Bool = false
  ) {
    self.hasOptionColumns = hasOptionColumns
    self.bareAmountUnit = bareAmountUnit
    self.level = level ?? Level.implicit.firstIndex { $0.id == kind.rawValue }
    self.id = id
    self.number = number
    self.title = title
    self.kind = kind
    self.header = header
    self.fillsDown = fillsDown
    self.isReportBreakdown = isReportBreakdown
    self.options = options
  }

  /// The questionnaire this item belongs to: the id up to its first dot.
  public var formID: String {
    String(id.prefix { $0 != "." })
  }

  public func option(code: Int) -> Option? {
    options.first { $0.code == code }
  }

  /// A short name for messages and table titles, e.g. `a.4 ４ 形態`.
  public var displayName: String {
    number.isEmpty || number == title ? "\(id) \(title)" : "\(id) \(number) \(title)"
  }
}
