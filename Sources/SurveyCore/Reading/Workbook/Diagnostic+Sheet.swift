extension Diagnostic {
  /// The diagnostic placed in a sheet: at a cell (`調査.xlsx:Ａ調査票!J6`, the line and field
  /// dropped), or, without one, in the sheet with the row as its line when one is given.
  func inSheet(_ sheet: String, cell: CellReference?, row: Int? = nil) -> Diagnostic {
    var placed = self
    if let cell {
      placed.file = "\(sheet)!\(cell)"
      placed.line = nil
      placed.column = nil
    } else {
      placed.file = sheet
      if let row { placed.line = row }
    }
    return placed
  }
}
