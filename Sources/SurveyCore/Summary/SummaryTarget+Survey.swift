/// The targets a survey offers, and where each of its rows sits.
extension SummaryTarget {
  /// Every target of a survey: departments, sections, sub-units and teams, in roster order
  /// (teams in the order their projects are listed).
  public static func all(in survey: Survey) -> [SummaryTarget] {
    var targets: [SummaryTarget] = []
    var known = Set<SummaryTarget>()
    func add(_ target: SummaryTarget) {
      if known.insert(target).inserted { targets.append(target) }
    }
    for department in departments(in: survey) { add(department) }
    for unit in units(in: survey) {
      add(SummaryTarget(level: .section, department: unit.department, section: unit.section))
      if let subunit = unit.subunit {
        add(
          SummaryTarget(level: .subunit, department: unit.department, section: unit.section, subunit: subunit)
        )
      }
    }
    for data in survey.forms where data.form.rowNoun != "unit" {
      data.forEachRow { row in
        let team = SummaryTarget.teamName(data.text(of: .unit, in: row))
        guard !team.isEmpty else { return }
        let unit = survey.unit(of: row, in: data)
        add(
          SummaryTarget(
            level: .team, department: unit.department, section: unit.section, subunit: unit.subunit,
            team: team))
      }
    }
    return targets
  }

  /// Every department as a target, in roster order, then any department only the project forms name:
  /// what `kyodo summary --all` prints.
  public static func departments(in survey: Survey) -> [SummaryTarget] {
    units(in: survey).reduce(into: [String]()) { names, unit in
      if !names.contains(unit.department) { names.append(unit.department) }
    }.map { SummaryTarget(level: .department, department: $0) }
  }

  /// The roster's units, then the units of rows the roster does not list.
  static func units(in survey: Survey) -> [UnitPath] {
    var units = survey.organization.units
    var known = Set(units)
    for data in survey.forms {
      data.forEachRow { row in
        let unit = survey.unit(of: row, in: data)
        if known.insert(unit).inserted { units.append(unit) }
      }
    }
    return units
  }
}

extension Survey {
  /// The unit a row belongs to: the one the survey assigned, else its 部 and 課 cells as written.
  public func unit(of row: Row, in data: FormData) -> UnitPath {
    if let unit = row.unit { return unit }
    let cell = data.text(of: .section, in: row)
    let department = data.text(of: .department, in: row)
    if let subunit = Organization.bracketed(cell) {
      return UnitPath(department: department, section: cell, subunit: subunit)
    }
    return UnitPath(department: department, section: cell)
  }
}
