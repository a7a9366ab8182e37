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
    public var entries: [Entry]
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

  /// The summaries of several targets, in their order. Each project or entry form is read once for
  /// all of them, a row at a time: only the targets' rows are kept, and each target's comparison
  /// with the city is counted as the rows go by.
  public static func make(_ targets: [SummaryTarget], in survey: Survey) throws(SurveyError) -> [UnitSummary]
  {
    let units = targets.map { unitAnswers(of: $0, in: survey) }
    var forms = [[FormEntries]](repeating: [], count: targets.count)
    var tallies = [[SummaryComparison.FormTally]](repeating: [], count: targets.count)
    for data in survey.forms where !data.form.isRoster {
      var entries = [[Entry]](repeating: [], count: targets.count)
      var formTallies: [SummaryComparison.FormTally] = []
      for target in targets {
        formTallies.append(try SummaryComparison.FormTally(data, target: target, in: survey))
      }
      var decoded = DecodedAnswers()
      let titleIndex = data.form.items.firstIndex { $0.kind == .text }
      let titleID = titleIndex.map { data.form.items[$0].id }
      let teamIndex = survey.teamItem(in: data)
      data.forEachRow { row in
        let unit = survey.unit(of: row, in: data)
        let team = teamIndex.flatMap { row.values[$0].text } ?? ""
        var answers: [DecodedAnswer]?
        for (index, target) in targets.enumerated() {
          formTallies[index].add(row)
          guard target.covers(unit, team: team) else { continue }
          if answers == nil { answers = decoded.answers(of: row, in: data).filter { $0.item.id != titleID } }
          entries[index].append(
            Entry(
              identifier: data.text(of: .identifier, in: row),
              title: titleIndex.flatMap { row.values[$0].text } ?? "",
              unit: unit, team: team.isEmpty ? nil : team, answers: answers ?? []))
        }
      }
      for index in targets.indices {
        forms[index].append(FormEntries(form: data.form, entries: entries[index]))
        tallies[index].append(formTallies[index])
      }
    }
    return targets.indices.map { index in
      UnitSummary(
        target: targets[index], rosterTitle: survey.roster?.form.title, units: units[index],
        forms: forms[index],
        comparison: SummaryComparison.make(targets[index], in: survey, tallies: tallies[index]))
    }
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
