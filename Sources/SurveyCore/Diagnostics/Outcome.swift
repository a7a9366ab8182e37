/// What a command computed from a survey, with the warnings of the data it read.
///
/// A large export is checked during the first pass over it, so its problems are known only once
/// the command's passes are over: an outcome is made then, and its errors are thrown instead.
public struct Outcome<Value> {
  public var value: Value
  /// The warnings met while loading the survey, then those of its streamed exports.
  public var warnings: [Diagnostic]

  public init(_ value: Value, warnings: [Diagnostic]) {
    self.value = value
    self.warnings = warnings
  }

  /// A value computed from a survey, once its passes are over: the streamed exports no pass has
  /// read are checked now, and the errors of any streamed export are thrown.
  init(_ value: Value, readFrom survey: Survey) throws(SurveyError) {
    let warnings = try survey.finishReading()
    try survey.figureSpill?.check()
    self.init(value, warnings: survey.warnings + warnings)
  }
}

extension Outcome: Sendable where Value: Sendable {}
