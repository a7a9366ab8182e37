/// The targets a survey offers: its departments, sections, sub-units and teams.
extension SummaryTarget {
  /// Every target of a survey: departments, sections, sub-units and teams, in roster order
  /// (teams in the order their projects are listed).
  public static func all(in survey: Survey) -> [SummaryTarget] {
    all(in: survey, census: scanned(survey))
  }

  /// Every target of a survey, from its census (`SummaryCensus`).
  public static func all(in survey: Survey, census: SummaryCensus) -> [SummaryTarget] {
    var targets: [SummaryTarget] = []
    var known = Set<SummaryTarget>()
    func add(_ target: SummaryTarget) {
      if known.insert(target).inserted { targets.append(target) }
    }
    let (units, teams) = scan(survey, census)
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

  /// Every unit of one level of the organisation (by its place, top down), in roster order: the
  /// units above the level that answers the overall form (部; 局・区), that level's units (課, with
  /// their bracketed 担当 after them), or the teams below it (係), in the order the project forms
  /// name them. What `kyodo summary --all --level` prints.
  public static func units(atLevel level: Int, in survey: Survey, census: SummaryCensus) -> [SummaryTarget] {
    let answering = survey.organization.answering
    return all(in: survey, census: census).filter { target in
      switch target.level {
      case .department: level < answering && target.names.count == level + 1
      case .section, .subunit: level == answering
      case .team: level > answering
      }
    }
  }

  /// Every department as a target, in roster order, then any department only the project forms name:
  /// what `kyodo summary --all` prints.
  public static func departments(in survey: Survey) -> [SummaryTarget] {
    departments(in: survey, census: scanned(survey))
  }

  /// Every department as a target, from the survey's census (`SummaryCensus`).
  public static func departments(in survey: Survey, census: SummaryCensus) -> [SummaryTarget] {
    departments(of: scan(survey, census, teams: false).units)
  }

  private static func departments(of units: [UnitPath]) -> [SummaryTarget] {
    units.reduce(into: [String]()) { names, unit in
      if !names.contains(unit.department) { names.append(unit.department) }
    }.map { SummaryTarget(level: .department, department: $0) }
  }

  /// The census of the cells of a survey's levels alone (部, 課 and 係): one counting pass over
  /// each form, which reads only them.
  private static func scanned(_ survey: Survey) -> SummaryCensus {
    SummaryCensus(hierarchyOf: survey)
  }

  /// The units (the roster's, then those of rows it does not list) and, with `teams`, the teams
  /// the project forms name, in the order met: the census's combinations of the cells of the
  /// levels (部, 課 and 係).
  private static func scan(_ survey: Survey, _ census: SummaryCensus, teams findsTeams: Bool = true) -> (
    units: [UnitPath], teams: [SummaryTarget]
  ) {
    var units = survey.organization.units
    var known = Set(units)
    var teams: [SummaryTarget] = []
    var knownTeams = Set<SummaryTarget>()
    for form in census.forms {
      let data = form.data
      let named = findsTeams && !data.form.isRoster
      for group in form.groups {
        let row = group.row
        let unit = survey.unit(of: row, in: data)
        if known.insert(unit).inserted { units.append(unit) }
        guard named else { continue }
        let team = SummaryTarget.teamName(survey.team(of: row, in: data))
        guard !team.isEmpty else { continue }
        let target = SummaryTarget(level: .team, names: unit.names, subunit: unit.subunit, team: team)
        if knownTeams.insert(target).inserted { teams.append(target) }
      }
    }
    return (units, teams)
  }
}
