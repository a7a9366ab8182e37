/// A budget answer: an amount (kept in yen, printed in 千円) or the reason there is none.
public struct Amount: Sendable, Hashable {
  /// What the answer says about the figure.
  public enum Status: Sendable, Hashable {
    /// A figure was given.
    case given(yen: Int)
    /// A code that says there is no figure: 無し, 不明 or 算定不能 (the option's role tells which).
    case withheld(Option)
    /// The figure code was given without a readable figure, e.g. `①未定`; the text says why.
    case figureMissing(String)
  }

  public var answer: CodedAnswer
  public var status: Status
  /// Whether the figure was written as approximate (約, 程度, 概算, 見込み: `CellWords`).
  public var isApproximate: Bool

  public init(answer: CodedAnswer, status: Status, isApproximate: Bool = false) {
    self.answer = answer
    self.status = status
    self.isApproximate = isApproximate
  }

  public var yen: Int? {
    if case .given(let yen) = status { return yen }
    return nil
  }
}
