/// A problem with what was asked rather than with an input file: what was found and what was expected.
public struct UsageProblem: Sendable, Hashable, CustomStringConvertible {
  public var found: String
  public var expected: String?

  public init(found: String, expected: String? = nil) {
    self.found = found
    self.expected = expected
  }

  /// `error: found; expected …`, which kyodo prints after its own name.
  public var description: String {
    var text = "error: \(found)"
    if let expected { text += "; expected \(expected)" }
    return text
  }
}
