/// Where each row of a survey sits.
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
