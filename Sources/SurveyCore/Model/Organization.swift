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

/// The departments, sections and responding units, in the order the overall form lists them.
public struct Organization: Sendable {
  /// Every responding unit, in roster order.
  public private(set) var units: [UnitPath] = []

  public init() {}

  /// Departments in roster order.
  public var departments: [String] {
    var seen: [String] = []
    for unit in units where !seen.contains(unit.department) { seen.append(unit.department) }
    return seen
  }

  /// Sections of a department, in roster order.
  public func sections(of department: String) -> [String] {
    var seen: [String] = []
    for unit in units where unit.department == department && !seen.contains(unit.section) {
      seen.append(unit.section)
    }
    return seen
  }

  public mutating func add(_ unit: UnitPath) {
    if !units.contains(unit) { units.append(unit) }
  }

  /// The unit a row of a project or entry form belongs to, from its 部 and 課 cells.
  ///
  /// A bracketed 課 such as `（スポーツ振興担当）` names a sub-unit, found under whichever section the
  /// overall form lists it; any other 課 is the section itself. Returns nil when the roster does
  /// not know it.
  public func unit(department: String, sectionCell: String) -> UnitPath? {
    if let subunit = Organization.bracketed(sectionCell) {
      let key = TextNormalization.matchKey(subunit)
      return units.first {
        $0.department == department && $0.subunit.map(TextNormalization.matchKey) == key
      } ?? units.first { $0.subunit.map(TextNormalization.matchKey) == key }
    }
    return units.first { $0.department == department && $0.section == sectionCell && $0.subunit == nil }
  }

  /// The name inside full- or half-width brackets, or nil when the text is not bracketed.
  public static func bracketed(_ text: String) -> String? {
    let trimmed = text.trimmingSpaces
    guard let first = trimmed.first, let last = trimmed.last, first == "（" || first == "(",
      last == "）" || last == ")", trimmed.count > 2
    else { return nil }
    return String(trimmed.dropFirst().dropLast()).trimmingSpaces
  }
}
