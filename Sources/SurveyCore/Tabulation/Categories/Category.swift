/// One category a variable sorts rows into: an option, a department, an amount class, or
/// "answered" for free text.
public struct Category: Sendable, Hashable {
  /// The machine code: the option's number, or the category's name.
  public var code: String
  /// The option's number when the category is an option.
  public var optionCode: Int?
  /// The label as the result tables print it (short).
  public var label: String
  /// The full wording, when the codebook knows one beyond the short label.
  public var fullLabel: String

  public init(code: String, optionCode: Int? = nil, label: String, fullLabel: String? = nil) {
    self.code = code
    self.optionCode = optionCode
    self.label = label
    self.fullLabel = fullLabel ?? label
  }

  /// The code and label as people read them, e.g. `③委託`.
  public var display: String {
    optionCode.map { CircledNumber.mark($0) + label } ?? label
  }

  /// The category printed by a choice of labels: code and short label, code and full label, or
  /// the code alone.
  public func display(_ labels: LabelStyle) -> String {
    switch labels {
    case .short: return display
    case .full: return optionCode.map { CircledNumber.mark($0) + fullLabel } ?? fullLabel
    case .code: return optionCode.map(CircledNumber.mark) ?? code
    }
  }

  /// The category of rows that did not answer: blank or a non-answer such as 記入なし.
  public static let notAnswered = Category(code: "NA", label: "無回答")
  /// The part of 無回答 that left the cell blank, when 無回答 is split.
  public static let leftBlankLabel = "空欄"
  /// The part of 無回答 that wrote a non-answer (記入なし, 特になし …), when 無回答 is split.
  public static let nonAnswerWrittenLabel = "記入なし"
  /// The category of rows that could not be joined to the overall form's unit.
  public static let unjoined = Category(code: "unjoined", label: "結合なし")
}
