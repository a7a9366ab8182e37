import Foundation

/// The units of rows, remembered by their cells at each level: a streamed export asks for the same
/// few paths on every row.
///
/// Unchecked Sendable: a lookup is used by one pass at a time.
final class UnitLookup: @unchecked Sendable {
  private let organization: Organization
  /// The position of the form's item for each level from the top down to the one that answers
  /// the overall form; nil where the form has none.
  let levelIndexes: [Int?]
  /// The items a row's unit is read from (asked for on every row of a pass).
  let unitItems: [Int]
  private var known: [[String?]: UnitPath?] = [:]
  private var last: (cells: [String?], unit: UnitPath?)?

  /// A lookup for the rows of a form with these items (its columns of the levels).
  init(_ organization: Organization, items: [Item]) {
    self.organization = organization
    self.levelIndexes = (0...organization.answering).map { level in
      items.firstIndex { $0.kind.isHierarchy && $0.level == level }
    }
    self.unitItems = levelIndexes.compactMap { $0 }
  }

  /// A row's cells at each level ("" when blank), nil where the form has no item for it.
  private func cells(of row: Row) -> [String?] {
    levelIndexes.map { index in index.map { row.values[$0].text ?? "" } }
  }

  /// The unit of a row, or nil when the overall form does not list it.
  func unit(of row: Row) -> UnitPath? {
    // Rows come in runs of one unit: the last one is compared in place, without a new list.
    if let last, holds(row, last.cells) { return last.unit }
    let cells = cells(of: row)
    let unit: UnitPath?
    if let found = known[cells] {
      unit = found
    } else {
      unit = organization.unit(cells: cells)
      if known.count < 10_000 { known[cells] = unit }
    }
    last = (cells, unit)
    return unit
  }

  /// Whether a row's cells at each level are these.
  private func holds(_ row: Row, _ cells: [String?]) -> Bool {
    for (level, index) in levelIndexes.enumerated() {
      guard let index else { continue }
      if (row.values[index].text ?? "") != cells[level] { return false }
    }
    return true
  }

  /// The warning for a row whose unit the overall form does not list.
  func warning(for row: Row, file: String) -> Diagnostic {
    let written = cells(of: row).compactMap { $0 }
    let names = Self.listed(organization.levels.prefix(organization.answering + 1).map(\.name))
    return Diagnostic(
      .warning, file: file, line: row.line, item: written.joined(separator: " "),
      found: "a unit that the overall form does not list; it is counted under its \(names) as written",
      expected: "a \(names) of the overall form")
  }

  /// Names listed in words: `部 and 課`, `局・区, 部 and 課`.
  static func listed(_ names: [String]) -> String {
    guard let last = names.last, names.count > 1 else { return names.first ?? "" }
    return names.dropLast().joined(separator: ", ") + " and " + last
  }
}
