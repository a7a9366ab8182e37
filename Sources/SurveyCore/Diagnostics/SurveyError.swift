/// The error a load or a query throws: problems in the inputs, or in the request itself.
public enum SurveyError: Error, Sendable, CustomStringConvertible {
  /// Inputs that cannot be read or hold errors: one or more diagnostics, at least one of them an error.
  case data([Diagnostic])
  /// A request the survey cannot answer, such as an unknown item name: no file is at fault.
  case usage([UsageProblem])

  public init(_ diagnostics: [Diagnostic]) {
    self = .data(diagnostics)
  }

  public init(_ diagnostic: Diagnostic) {
    self = .data([diagnostic])
  }

  /// An error that concerns the request rather than a file (an unknown item name, say).
  public static func usage(_ found: String, expected: String? = nil) -> SurveyError {
    .usage([UsageProblem(found: found, expected: expected)])
  }

  /// The problems found in the inputs; a usage error has none.
  public var diagnostics: [Diagnostic] {
    guard case .data(let diagnostics) = self else { return [] }
    return diagnostics
  }

  /// The problems with the request; an error in the data has none.
  public var usageProblems: [UsageProblem] {
    guard case .usage(let problems) = self else { return [] }
    return problems
  }

  public var description: String {
    switch self {
    case .data(let diagnostics): diagnostics.map(\.description).joined(separator: "\n")
    case .usage(let problems): problems.map(\.description).joined(separator: "\n")
    }
  }
}
