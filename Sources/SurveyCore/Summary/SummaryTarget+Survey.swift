/// The targets a survey offers: its departments, sections, sub-units and teams.
extension SummaryTarget {
  /// Every target of a survey: departments, sections, sub-units and teams, in roster order
  /// (teams in the order their projects are listed).
  public static func all(in survey: Survey) -> [SummaryTarget] {
    var targets: [SummaryTarget] = []
    var known = Set<SummaryTarget>()
    func add(_ target: SummaryTarget) {
      if known.insert(target).inserted { targets.append(target) }
    }
    let (units, teams) = scan(survey)
    // The units of every level above the one that answers, level by level (部; or 局・区, then 部).
    for level in 0..<survey.organization.answering {
      for unit in units where unit.names.indices.contains(level) && !unit.names[level].isEmpty {
        add(SummaryTarget(level: .department, names: Array(unit.names.prefix(level + 1))))
      }
    }
    for unit in units {
      add(SummaryTarget(level: .section, names: unit.names))
      if let subunit = unit.subunit {
        add(SummaryTarget(level: .subunit, names: unit.names, subunit: subunit))
      }
    }
    for team in teams { add(team) }
    return targets
  }

  /// Every department as a target, in roster order, then any department only the project forms name:
  /// what `kyodo summary --all` prints.
  public static func departments(in survey: Survey) -> [SummaryTarget] {
    departments(of: units(in: survey))
  }

  private static func departments(of units: [UnitPath]) -> [SummaryTarget] {
    units.reduce(into: [String]()) { names, unit in
      if !names.contains(unit.department) { names.append(unit.department) }
    }.map { SummaryTarget(level: .department, department: $0) }
  }

  /// The roster's units, then the units of rows the roster does not list.
  static func units(in survey: Survey) -> [UnitPath] {
    scan(survey, teams: false).units
  }

  /// The units (the roster's, then those of rows it does not list) and, with `teams`, the teams
  /// the project forms name, in the order met: one counting pass over each form, which reads only
  /// the cells of the levels (部, 課 and 係).
  private static func scan(_ survey: Survey, teams findsTeams: Bool = true) -> (
    units: [UnitPath], teams: [SummaryTarget]
  ) {
    var units = survey.organization.units
    var known = Set(units)
    var teams: [SummaryTarget] = []
    var knownTeams = Set<SummaryTarget>()
    for data in survey.forms {
      let named = findsTeams && !data.form.isRoster
      let levels = 0...(survey.organization.answering + 1)
      let read = levels.compactMap { survey.levelItem($0, in: data) }
      data.tally([
        RowConsumer(reads: RowReads(items: read, unit: true)) { row, _ in
          let unit = survey.unit(of: row, in: data)
          if known.insert(unit).inserted { units.append(unit) }
          guard named else { return }
          let team = SummaryTarget.teamName(survey.team(of: row, in: data))
          guard !team.isEmpty else { return }
          let target = SummaryTarget(level: .team, names: unit.names, subunit: unit.subunit, team: team)
          if knownTeams.insert(target).inserted { teams.append(target) }
        }
      ])
    }
    return (units, teams)
  }
}
