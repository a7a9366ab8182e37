/// Where a row sits in the city office: department (部), section (課) and, for sub-units that
/// answered on their own, the bracketed unit such as `（行政経営担当）`.
public struct UnitPath: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var department: String
  public var section: String
  /// The bracketed sub-unit (without its brackets), or nil for the section itself.
  public var subunit: String?

  public init(department: String, section: String, subunit: String? = nil) {
    self.department = department
    self.section = section
    self.subunit = subunit
  }

  /// The unit's own name: the sub-unit's, or the section's.
  public var name: String { subunit ?? section }

  public var description: String {
    [department, section, subunit].compactMap { $0 }.joined(separator: " > ")
  }

  public static func < (lhs: UnitPath, rhs: UnitPath) -> Bool {
    lhs.description < rhs.description
  }
}
