/// What kind of answer an item holds, which decides how its cells are parsed and tabulated.
public enum ItemKind: String, Sendable, CaseIterable {
  /// 部: the department a row belongs to.
  case department
  /// 課: the section, or a bracketed sub-unit such as `（行政経営担当）`.
  case section
  /// 係: the unit inside a section that runs a project.
  case unit
  /// A row's own identifier, such as the project number.
  case identifier
  /// Free text.
  case text
  /// One circled-number code.
  case single
  /// Any number of circled-number codes, one per line.
  case multiple
  /// An amount in 千円 behind a code, or a code saying why there is none.
  case amount
  /// A start year in a Japanese era (or Western) behind a code, or a code saying it is unknown.
  case year

  /// Whether the item's answers are circled-number codes.
  public var isCoded: Bool {
    switch self {
    case .single, .multiple, .amount, .year: true
    default: false
    }
  }

  /// Whether the item places a row in the organization (部, 課, 係).
  public var isHierarchy: Bool {
    self == .department || self == .section || self == .unit
  }
}

/// What a code means beyond its label, for items whose answer may carry a figure.
public enum OptionRole: String, Sendable, CaseIterable {
  /// An ordinary choice.
  case plain = ""
  /// その他: may carry a text in brackets.
  case other
  /// The code is followed by the respondent's own text instead of its label (a plan's name).
  case text
  /// The code that carries the figure (an amount or a year).
  case figure
  /// The figure does not exist (無し).
  case none
  /// The figure is not known (不明).
  case unknown
  /// The figure cannot be computed (算定不能).
  case uncomputable
}

/// One option of a coded item: its code, its label as printed, and spellings seen in real cells.
public struct Option: Sendable, Hashable {
  public var code: Int
  /// The label as printed; empty when the questionnaire's wording is not known (`?` in the
  /// codebook), in which case any written label is accepted.
  public var label: String
  public var role: OptionRole
  public var variants: [String]
  /// The questionnaire's full wording, when it is known and differs from the label; else empty.
  public var fullLabel: String

  public init(
    code: Int, label: String, role: OptionRole = .plain, variants: [String] = [], fullLabel: String = ""
  ) {
    self.fullLabel = fullLabel
    self.code = code
    self.label = label
    self.role = role
    self.variants = variants
  }

  /// Every spelling that names this option: its label, its full wording and its variants.
  public var spellings: [String] {
    ([label, fullLabel] + variants).filter { !$0.isEmpty }
  }

  /// The code as the circled number the questionnaire prints, e.g. `③`.
  public var mark: String { CircledNumber.mark(code) }

  /// The code and label as the tables print them, e.g. `③委託`.
  public var display: String { mark + (label.isEmpty ? Option.unknownLabel : label) }

  /// What stands for a label whose wording the codebook does not know.
  public static let unknownLabel = "（文言不明）"
}

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

  public init(
    id: String, number: String, title: String, kind: ItemKind, header: String, fillsDown: Bool = false,
    isReportBreakdown: Bool = false, options: [Option] = []
  ) {
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

/// One questionnaire: its items in column order, and the export file that holds its rows.
public struct Form: Sendable, Hashable {
  public var id: String
  public var title: String
  /// The export's file name inside a data directory.
  public var file: String
  /// What one row is, in words, e.g. `unit` or `project`.
  public var rowNoun: String
  public var items: [Item]

  public init(id: String, title: String, file: String, rowNoun: String, items: [Item] = []) {
    self.id = id
    self.title = title
    self.file = file
    self.rowNoun = rowNoun
    self.items = items
  }

  public func items(of kind: ItemKind) -> [Item] {
    items.filter { $0.kind == kind }
  }
}

/// The plural of a row noun for messages: `unit` → `units`, `entry` → `entries`.
public func plural(_ noun: String) -> String {
  if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
    return noun.dropLast() + "ies"
  }
  return noun.hasSuffix("s") ? noun : noun + "s"
}

/// A count and its noun, singular or plural: `1 project`, `2 projects`.
public func counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(count == 1 ? noun : plural(noun))"
}
