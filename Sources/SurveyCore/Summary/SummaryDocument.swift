/// The summaries of one run, in the order asked for, with the hearing questions each one ends
/// with: one printed handout, or with `--all` the committee's binder.
public struct SummaryDocument: Sendable {
  public var title: String
  public var summaries: [UnitSummary]
  public var questions: HearingQuestions

  public init(title: String, summaries: [UnitSummary], questions: HearingQuestions) {
    self.title = title
    self.summaries = summaries
    self.questions = questions
  }

  /// The summaries of the given targets, a target named twice printed once, with the warnings of
  /// the data.
  public static func make(
    _ targets: [SummaryTarget], in survey: Survey, questions: HearingQuestions
  ) throws(SurveyError) -> Outcome<SummaryDocument> {
    var unique: [SummaryTarget] = []
    for target in targets where !unique.contains(target) { unique.append(target) }
    let summaries = try UnitSummary.make(unique, in: survey)
    let title = "協働事業ヒアリング資料: " + unique.map(\.name).joined(separator: "・")
    return try Outcome(
      SummaryDocument(title: title, summaries: summaries, questions: questions), readFrom: survey)
  }
}
