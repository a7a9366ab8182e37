/// A filter whose codes are resolved against a variable, ready to test rows.
public struct BoundFilter: Sendable {
  public let variable: Categorization
  public let selected: Set<Int>
  public let selectsNotAnswered: Bool
  public let negated: Bool

  /// What of a row the filter reads.
  public var reads: RowReads { variable.reads }

  public func keeps(_ row: Row) -> Bool {
    let indexes = variable.categoryIndexes(of: row)
    let hit =
      indexes.isEmpty ? selectsNotAnswered : indexes.contains { variable.isSelected($0, by: selected) }
    return hit != negated
  }

  /// The filter as printed with a table, e.g. `a.4 ４ 形態 = ③委託, ④補助`; a name of several units
  /// lists them all (`北区役所 区民部, 南区役所 区民部`).
  public var description: String {
    var names = variable.selectedIndexes(selected).map { variable.categories[$0].display }
    if selectsNotAnswered { names.append(Category.notAnswered.label) }
    return "\(variable.name) \(negated ? "≠" : "=") \(names.joined(separator: ", "))"
  }
}
