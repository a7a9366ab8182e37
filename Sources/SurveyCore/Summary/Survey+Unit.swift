/// Where each row of a survey sits.
extension Survey {
  /// The unit a row belongs to: the one the survey assigned, else its cells at each level down to
  /// the one that answers the overall form, as written.
  public func unit(of row: Row, in data: FormData) -> UnitPath {
    if let unit = row.unit { return unit }
    let answering = organization.answering
    let names = (0...answering).map { level in
      levelItem(level, in: data).flatMap { row.values[$0].text } ?? ""
    }
    if organization.levels.indices.contains(answering), organization.levels[answering].hasSubunits,
      let subunit = Organization.bracketed(names[answering])
    {
      return UnitPath(names: names, subunit: subunit)
    }
    return UnitPath(names: names)
  }

  /// The position of a form's item for a level of the organisation, or nil when it has none.
  func levelItem(_ level: Int, in data: FormData) -> Int? {
    data.form.items.firstIndex { $0.kind.isHierarchy && $0.level == level }
  }

  /// The position of a form's team (係) item: the level just below the one that answers.
  func teamItem(in data: FormData) -> Int? {
    levelItem(organization.answering + 1, in: data)
  }

  /// The team (係) cell of a row as written, or "" when the form has none or it is blank.
  func team(of row: Row, in data: FormData) -> String {
    teamItem(in: data).flatMap { row.values[$0].text } ?? ""
  }
}
