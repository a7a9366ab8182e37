import Foundation

/// The units of rows, remembered by their 部 and 課 cells: a streamed export asks for the same few
/// pairs on every row.
///
/// Unchecked Sendable: a lookup is used by one pass at a time.
final class UnitLookup: @unchecked Sendable {
  private let organization: Organization
  let departmentIndex: Int?
  let sectionIndex: Int?
  private var known: [String: UnitPath?] = [:]
  private var last: (department: String, cell: String, unit: UnitPath?)?

  /// A lookup for the rows of a form with these items (its 部 and 課 columns).
  init(_ organization: Organization, items: [Item]) {
    self.organization = organization
    self.departmentIndex = items.firstIndex { $0.kind == .department }
    self.sectionIndex = items.firstIndex { $0.kind == .section }
  }

  /// A row's 部 and 課 cells, "" where it has none.
  private func cells(of row: Row) -> (department: String, cell: String) {
    (
      departmentIndex.flatMap { row.values[$0].text } ?? "",
      sectionIndex.flatMap { row.values[$0].text } ?? ""
    )
  }

  /// The unit of a row, or nil when the overall form does not list it.
  func unit(of row: Row) -> UnitPath? {
    let (department, cell) = cells(of: row)
    if let last, last.department == department, last.cell == cell { return last.unit }
    let key = department + "\t" + cell
    let unit: UnitPath?
    if let found = known[key] {
      unit = found
    } else {
      unit = organization.unit(department: department, sectionCell: cell)
      if known.count < 10_000 { known[key] = unit }
    }
    last = (department, cell, unit)
    return unit
  }

  /// The warning for a row whose unit the overall form does not list.
  func warning(for row: Row, file: String) -> Diagnostic {
    let (department, cell) = cells(of: row)
    return Diagnostic(
      .warning, file: file, line: row.line, item: "\(department) \(cell)",
      found: "a unit that the overall form does not list; it is counted under its 部 and 課 as written",
      expected: "a 部 and 課 of the overall form")
  }
}
