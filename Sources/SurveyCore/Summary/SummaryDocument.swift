import Foundation

/// The summaries of one run, in the order asked for, with the hearing questions each one ends
/// with: one printed handout, or with `--all` the committee's binder.
public struct SummaryDocument: Sendable {
  public var title: String
  public var summaries: [UnitSummary]
  public var questions: HearingQuestions
  /// The survey an outline's rows are read from as it is written (`outline`); nil when the
  /// summaries hold their rows.
  private var source: Survey?
  /// The fewest rows of an outline's form that are read on a thread of their own while they are
  /// written (tests lower it).
  var rowsWorthAThread = 2048

  public init(title: String, summaries: [UnitSummary], questions: HearingQuestions) {
    self.title = title
    self.summaries = summaries
    self.questions = questions
  }

  /// The summaries of the given targets, a target named twice printed once, every row held, with
  /// the warnings of the data.
  public static func make(
    _ targets: [SummaryTarget], in survey: Survey, census: SummaryCensus? = nil, questions: HearingQuestions
  ) throws(SurveyError) -> Outcome<SummaryDocument> {
    let unique = unique(targets)
    return try Outcome(
      SummaryDocument(
        title: title(unique), summaries: try UnitSummary.make(unique, in: survey, census: census),
        questions: questions),
      readFrom: survey)
  }

  /// The same document without the rows of its forms (`UnitSummary.outline`), with the warnings
  /// of the data: writing it (`SummaryFormat.write`) reads each target's rows of each form again,
  /// a row at a time, so that its memory does not grow with them.
  public static func outline(
    _ targets: [SummaryTarget], in survey: Survey, census: SummaryCensus? = nil, questions: HearingQuestions
  ) throws(SurveyError) -> Outcome<SummaryDocument> {
    let unique = unique(targets)
    var document = SummaryDocument(
      title: title(unique), summaries: try UnitSummary.outline(unique, in: survey, census: census),
      questions: questions)
    document.source = survey
    return try Outcome(document, readFrom: survey)
  }

  /// Hands the rows of one form of one summary to `body`: those it holds, or an outline's, read
  /// again from the survey.
  func forEachEntry<Failure: Error>(
    summary index: Int, form position: Int, _ body: (UnitSummary.Entry) throws(Failure) -> Void
  ) throws(Failure) {
    let form = summaries[index].forms[position]
    guard let source, let data = source.data(for: form.form.id) else {
      for entry in form.entries { try body(entry) }
      return
    }
    let target = summaries[index].target
    guard form.count >= rowsWorthAThread else {
      if form.count > 0 { try UnitSummary.forEachEntry(of: target, in: data, survey: source, body) }
      return
    }
    // Many rows: another thread reads them while this one decodes and writes them.
    let queue = BatchQueue<Row>(capacity: 8)
    let reading = HandOverJob {
      Self.read(target, in: data, survey: source, into: queue)
    }
    let thread = Thread { reading.run() }
    thread.stackSize = 8 << 20
    thread.start()
    let entry = UnitSummary.entryMaker(for: data, in: source)
    var failure: Failure?
    writing: while let batch = queue.take() {
      for row in batch {
        do throws(Failure) { try body(entry(row)) } catch {
          failure = error
          queue.stop()
          break writing
        }
      }
    }
    reading.wait()
    if let failure { throw failure }
  }

  /// Reads a target's rows of a form into `queue`, 256 at a time, until the end or until the
  /// writer stops.
  private static func read(
    _ target: SummaryTarget, in data: FormData, survey: Survey, into queue: BatchQueue<Row>
  ) {
    struct Stopped: Error {}
    var batch: [Row] = []
    do throws(Stopped) {
      try UnitSummary.forEachRow(of: target, in: data, survey: survey) { (row) throws(Stopped) in
        batch.append(row)
        guard batch.count == 256 else { return }
        guard queue.put(batch) else { throw Stopped() }
        batch = []
      }
      if !batch.isEmpty { _ = queue.put(batch) }
    } catch {}
    queue.finish()
  }

  private static func unique(_ targets: [SummaryTarget]) -> [SummaryTarget] {
    var unique: [SummaryTarget] = []
    for target in targets where !unique.contains(target) { unique.append(target) }
    return unique
  }

  private static func title(_ targets: [SummaryTarget]) -> String {
    "協働事業ヒアリング資料: " + targets.map(\.name).joined(separator: "・")
  }
}
