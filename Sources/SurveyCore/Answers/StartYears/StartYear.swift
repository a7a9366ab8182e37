/// A start-year answer: a year, or the code that says it is not known.
public struct StartYear: Sendable, Hashable {
  public enum Status: Sendable, Hashable {
    case given(year: Int, era: Era?, eraYear: Int?)
    /// A code that says there is no year (不明).
    case withheld(Option)
  }

  public var answer: CodedAnswer
  public var status: Status

  public var year: Int? {
    if case .given(let year, _, _) = status { return year }
    return nil
  }
}
