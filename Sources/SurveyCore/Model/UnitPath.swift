/// Where a row sits in the organisation: its names at every level from the top down to the level
/// that answers the overall form (部 and 課; 局・区, 部 and 課 …) and, for sub-units that answered on
/// their own, the bracketed unit such as `（行政経営担当）`.
public struct UnitPath: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// One name per level, top down; "" where the unit has no name at an optional level.
  public var names: [String]
  /// The bracketed sub-unit (without its brackets), or nil for the unit itself.
  public var subunit: String?

  public init(names: [String], subunit: String? = nil) {
    self.names = names
    self.subunit = subunit
  }

  /// A unit of the implicit levels: a 部 and a 課.
  public init(department: String, section: String, subunit: String? = nil) {
    self.init(names: [department, section], subunit: subunit)
  }

  /// The name at the top level (the 部 of the implicit levels).
  public var department: String { names.first ?? "" }

  /// The name at the level that answers the overall form (the 課 of the implicit levels).
  public var section: String { names.last ?? "" }

  /// The unit's own name: the sub-unit's, or the section's.
  public var name: String { subunit ?? section }

  public var description: String {
    (names.filter { !$0.isEmpty } + [subunit].compactMap { $0 }).joined(separator: " > ")
  }

  public static func < (lhs: UnitPath, rhs: UnitPath) -> Bool {
    lhs.description < rhs.description
  }
}
