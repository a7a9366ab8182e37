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
    var units: [UnitAnswers] = []
    if let roster = survey.roster {
      var decoded = DecodedAnswers()
      for row in roster.rows {
        let unit = survey.unit(of: row, in: roster)
        guard target.covers(unit) else { continue }
        // A team's own answers are its unit's: the roster lists units, not teams.
        units.append(UnitAnswers(unit: unit, answers: decoded.answers(of: row, in: roster)))
      }
    }
    var forms: [FormEntries] = []
    var tallies: [SummaryComparison.FormTally] = []
    for data in survey.forms where !data.form.isRoster {
      let titleIndex = data.form.items.firstIndex { $0.kind == .text }
      var entries: [Entry] = []
      var decoded = DecodedAnswers()
      let tally = try SummaryComparison.FormTally(data, target: target, in: survey)
      // One pass a row at a time: only the target's rows are kept, not a large export's, and the
      // comparison with the city is counted as they go by.
      data.forEachRow { row in
        tally.add(row)
        let unit = survey.unit(of: row, in: data)
        let team = data.text(of: .unit, in: row)
        guard target.covers(unit, team: team) else { return }
        let answers = decoded.answers(of: row, in: data).filter {
          $0.item.id != titleIndex.map { data.form.items[$0].id }
        }
        entries.append(
          Entry(
            identifier: data.text(of: .identifier, in: row),
            title: titleIndex.flatMap { row.values[$0].text } ?? "",
            unit: unit, team: team.isEmpty ? nil : team, answers: answers))
      }
      forms.append(FormEntries(form: data.form, entries: entries))
      tallies.append(tally)
    }
    return UnitSummary(
      target: target, rosterTitle: survey.roster?.form.title, units: units, forms: forms,
      comparison: SummaryComparison.make(target, in: survey, tallies: tallies))
  }
}
