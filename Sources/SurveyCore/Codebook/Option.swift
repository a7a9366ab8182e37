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
  /// The header of the option's own column, for an item whose answer is spread over one column per
  /// option (`Item.hasOptionColumns`); else empty.
  public var column: String

  public init(
    code: Int, label: String, role: OptionRole = .plain, variants: [String] = [], fullLabel: String = "",
    column: String = ""
  ) {
    self.column = column
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
