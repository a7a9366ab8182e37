/// The departments, sections and responding units, in the order the overall form lists them.
///
/// Units are indexed as they are added, so that building the organization and finding a row's unit
/// take time in proportion to the units, however many there are.
public struct Organization: Sendable {
  /// Every responding unit, in roster order.
  public private(set) var units: [UnitPath] = []
  /// Departments in roster order.
  public private(set) var departments: [String] = []
  private var known: Set<UnitPath> = []
  private var sectionsByDepartment: [String: [String]] = [:]
  private var sectionKeys: Set<[String]> = []
  /// The first unit of each department and bracketed name's match key, and of each such key alone.
  private var subunitsInDepartment: [[String]: UnitPath] = [:]
  private var subunits: [String: UnitPath] = [:]

  public init() {}

  /// Sections of a department, in roster order.
  public func sections(of department: String) -> [String] {
    sectionsByDepartment[department] ?? []
  }

  public mutating func add(_ unit: UnitPath) {
    guard known.insert(unit).inserted else { return }
    units.append(unit)
    if sectionsByDepartment[unit.department] == nil { departments.append(unit.department) }
    if sectionKeys.insert([unit.department, unit.section]).inserted {
      sectionsByDepartment[unit.department, default: []].append(unit.section)
    }
    if let subunit = unit.subunit {
      let key = TextNormalization.matchKey(subunit)
      if subunitsInDepartment[[unit.department, key]] == nil {
        subunitsInDepartment[[unit.department, key]] = unit
      }
      if subunits[key] == nil { subunits[key] = unit }
    }
  }

  /// The unit a row of a project or entry form belongs to, from its 部 and 課 cells.
  ///
  /// A bracketed 課 such as `（スポーツ振興担当）` names a sub-unit, found under whichever section the
  /// overall form lists it; any other 課 is the section itself. Returns nil when the roster does
  /// not know it.
  public func unit(department: String, sectionCell: String) -> UnitPath? {
    if let subunit = Organization.bracketed(sectionCell) {
      let key = TextNormalization.matchKey(subunit)
      return subunitsInDepartment[[department, key]] ?? subunits[key]
    }
    let unit = UnitPath(department: department, section: sectionCell)
    return known.contains(unit) ? unit : nil
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
