/// Everything one target answered, decoded, and how it stands beside the city: what a committee
/// member reads before a hearing.
public struct UnitSummary: Sendable {
  /// One responding unit's answers to the roster form (the overall questionnaire).
  public struct UnitAnswers: Sendable {
    public var unit: UnitPath
    public var answers: [DecodedAnswer]
  }

  /// One row of a project or entry form: its number, its name, where it sits and every answer.
  public struct Entry: Sendable {
    /// The row's identifier as written (`17`, `Ｂ１`).
    public var identifier: String
    /// The row's name: its first free-text item.
    public var title: String
    public var unit: UnitPath
    /// The 係 cell as written, or nil when the form has none or it is blank.
    public var team: String?
    /// The other items, in the form's order.
    public var answers: [DecodedAnswer]
  }

  /// The target's rows of one project or entry form.
  public struct FormEntries: Sendable {
    public var form: Form
    /// The rows, or none in an outline (`UnitSummary.outline`), whose rows are read as it is written.
    public var entries: [Entry]
    /// How many rows the target has in the form: `entries.count`, except in an outline.
    public var count: Int
  }

  public var target: SummaryTarget
  /// The roster form's title (`全体調査票`), or nil when the survey has none.
  public var rosterTitle: String?
  /// The overall answers of every unit the target covers, in roster order.
  public var units: [UnitAnswers]
  /// The rows of each project or entry form, in the form's order.
  public var forms: [FormEntries]
  public var comparison: SummaryComparison

  /// Every project and entry, across forms.
  public var entries: [Entry] { forms.flatMap(\.entries) }

  /// The summary of one target, built from the codebook alone.
  public static func make(_ target: SummaryTarget, in survey: Survey) throws(SurveyError) -> UnitSummary {
    try make([target], in: survey)[0]
  }

  /// The summaries of several targets, in their order, every row of theirs held: the outlines
  /// (`outline`), then each form read again for each target's rows.
  public static func make(
    _ targets: [SummaryTarget], in survey: Survey, census: SummaryCensus? = nil
  ) throws(SurveyError) -> [UnitSummary] {
    var summaries = try outline(targets, in: survey, census: census)
    for index in summaries.indices {
      for (position, form) in summaries[index].forms.enumerated() {
        guard let data = survey.data(for: form.form.id) else { continue }
        var entries: [Entry] = []
        forEachEntry(of: targets[index], in: data, survey: survey) { entries.append($0) }
        summaries[index].forms[position].entries = entries
      }
    }
    return summaries
  }

  /// The summaries of several targets without their rows (only how many each form has), from the
  /// survey's census (`SummaryCensus`: one counting pass over each form, made now when not
  /// given). `forEachEntry` then reads a target's rows of a form.
  public static func outline(
    _ targets: [SummaryTarget], in survey: Survey, census given: SummaryCensus? = nil
  ) throws(SurveyError) -> [UnitSummary] {
    let census: SummaryCensus
    if let given { census = given } else { census = try SummaryCensus(survey) }
    var forms = [[FormEntries]](repeating: [], count: targets.count)
    var tallies = [[SummaryComparison.FormTally]](repeating: [], count: targets.count)
    for form in census.forms where !form.data.form.isRoster {
      for (index, target) in targets.enumerated() {
        let tally = SummaryComparison.FormTally(form, target: target, in: survey)
        forms[index].append(FormEntries(form: form.data.form, entries: [], count: tally.listed))
        tallies[index].append(tally)
      }
    }
    return targets.indices.map { index in
      UnitSummary(
        target: targets[index], rosterTitle: survey.roster?.form.title,
        units: unitAnswers(of: targets[index], in: survey), forms: forms[index],
        comparison: SummaryComparison.make(targets[index], in: survey, tallies: tallies[index]))
    }
  }

  /// Hands a target's rows of a project or entry form to `body`, decoded, in file order, without
  /// keeping them: the other rows are told apart by their 部, 課 and 係 cells alone.
  public static func forEachEntry<Failure: Error>(
    of target: SummaryTarget, in data: FormData, survey: Survey, _ body: (Entry) throws(Failure) -> Void
  ) throws(Failure) {
    let entry = entryMaker(for: data, in: survey)
    try forEachRow(of: target, in: data, survey: survey) { (row) throws(Failure) in try body(entry(row)) }
  }

  /// Hands a target's rows of a project or entry form to `body`, in file order, placed in their
  /// units (`entryMaker` makes them entries): the other rows are told apart by their 部, 課 and
  /// 係 cells alone.
  static func forEachRow<Failure: Error>(
    of target: SummaryTarget, in data: FormData, survey: Survey, _ body: (Row) throws(Failure) -> Void
  ) throws(Failure) {
    let keeps: (Row) -> Bool = { lists($0, of: data, for: target, in: survey) }
    try data.forEachRow(reading: hierarchyItems(of: data, in: survey), keeping: keeps, body)
  }

  /// What makes rows of a form entries: each coded answer decoded once for all of them.
  static func entryMaker(for data: FormData, in survey: Survey) -> (Row) -> Entry {
    var decoded = DecodedAnswers()
    let titleIndex = data.form.items.firstIndex { $0.kind == .text }
    return { row in
      let team = survey.team(of: row, in: data)
      return Entry(
        identifier: data.text(of: .identifier, in: row),
        title: titleIndex.flatMap { row.values[$0].text } ?? "",
        unit: survey.unit(of: row, in: data), team: team.isEmpty ? nil : team,
        answers: decoded.answers(of: row, in: data, skipping: titleIndex))
    }
  }

  /// The items of a form for the levels down to the team (部, 課 and 係): what tells a target's
  /// rows apart.
  static func hierarchyItems(of data: FormData, in survey: Survey) -> [Int] {
    (0...(survey.organization.answering + 1)).compactMap { survey.levelItem($0, in: data) }
  }

  /// Whether a target's summary lists a row of a project or entry form (a team lists the rows
  /// whose 係 names it, so none of a form without 係).
  static func lists(_ row: Row, of data: FormData, for target: SummaryTarget, in survey: Survey) -> Bool {
    target.covers(survey.unit(of: row, in: data), team: survey.team(of: row, in: data))
  }

  /// The overall answers of every unit a target covers, in roster order.
  private static func unitAnswers(of target: SummaryTarget, in survey: Survey) -> [UnitAnswers] {
    guard let roster = survey.roster else { return [] }
    var decoded = DecodedAnswers()
    var units: [UnitAnswers] = []
    for row in roster.rows {
      let unit = survey.unit(of: row, in: roster)
      guard target.covers(unit) else { continue }
      // A team's own answers are its unit's: the roster lists units, not teams.
      units.append(UnitAnswers(unit: unit, answers: decoded.answers(of: row, in: roster)))
    }
    return units
  }
}
