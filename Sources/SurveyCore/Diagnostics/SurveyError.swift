/// The error a load or a query throws: one or more diagnostics, at least one of them an error.
public struct SurveyError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }

  public init(_ diagnostic: Diagnostic) {
    self.diagnostics = [diagnostic]
  }

  /// An error that concerns the request rather than a file (an unknown item name, say).
  public static func usage(_ found: String, expected: String? = nil) -> SurveyError {
    SurveyError(Diagnostic(.error, file: "kyodo", found: found, expected: expected))
  }

  public var description: String {
    diagnostics.map(\.description).joined(separator: "\n")
  }
}
