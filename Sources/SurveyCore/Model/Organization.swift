/// The organisation's levels and its responding units, in the order the overall form lists them.
///
/// A unit is its whole path (`UnitPath`): same-named 部 or 課 under different 局 or wards are
/// different units. Units are indexed as they are added, so that building the organization and
/// finding a row's unit take time in proportion to the units, however many there are.
public struct Organization: Sendable {
  /// The codebook's levels, top down.
  public let levels: [Level]
  /// The index of the level whose units answer the overall form: a unit has a name for it and
  /// every level above.
  public let answering: Int
  /// Every responding unit, in roster order.
  public private(set) var units: [UnitPath] = []
  private var known: Set<UnitPath> = []
  /// The first sub-unit of each path above its section and bracketed name's match key, and of
  /// each such key alone.
  private var subunitsUnder: [[String]: UnitPath] = [:]
  private var subunits: [String: UnitPath] = [:]

  public init(levels: [Level] = Level.implicit) {
    self.levels = levels
    self.answering = levels.firstIndex { $0.answers } ?? max(levels.count - 1, 0)
  }

  /// The names at the top level (departments, for the implicit levels), in roster order.
  public var departments: [String] { paths(atLevel: 0).map { $0.first ?? "" } }

  /// The distinct paths down to a level (its first `level + 1` names), in roster order.
  public func paths(atLevel level: Int) -> [[String]] {
    var seen = Set<[String]>()
    return units.map { Array($0.names.prefix(level + 1)) }.filter { seen.insert($0).inserted }
  }

  /// Sections of a department (names at the answering level under a top-level name), in roster order.
  public func sections(of department: String) -> [String] {
    var seen = Set<String>()
    return units.filter { $0.department == department }.map(\.section).filter { seen.insert($0).inserted }
  }

  /// Adds a unit; false when it is already listed.
  @discardableResult
  public mutating func add(_ unit: UnitPath) -> Bool {
    guard known.insert(unit).inserted else { return false }
    units.append(unit)
    if let subunit = unit.subunit {
      let key = TextNormalization.matchKey(subunit)
      let under = Array(unit.names.dropLast()) + [key]
      if subunitsUnder[under] == nil { subunitsUnder[under] = unit }
      if subunits[key] == nil { subunits[key] = unit }
    }
    return true
  }

  /// The unit of a row of a project or entry form, from its cells at each level down to the one
  /// that answers the overall form (nil where the form has no item for a level).
  ///
  /// A bracketed name at a level with sub-units, such as `（スポーツ振興担当）`, names a sub-unit,
  /// found under whichever unit the overall form lists it; any other name is the unit itself. A
  /// level the form does not name matches any name when only one unit then matches. Returns nil
  /// when the roster does not know it.
  public func unit(cells: [String?]) -> UnitPath? {
    guard cells.count == answering + 1, let own = cells.last ?? nil else { return nil }
    if levels[answering].hasSubunits, let subunit = Organization.bracketed(own) {
      let key = TextNormalization.matchKey(subunit)
      let above = cells.dropLast()
      if above.allSatisfy({ $0 != nil }), let found = subunitsUnder[above.compactMap { $0 } + [key]] {
        return found
      }
      return subunits[key]
    }
    if cells.allSatisfy({ $0 != nil }) {
      let unit = UnitPath(names: cells.compactMap { $0 })
      return known.contains(unit) ? unit : nil
    }
    let matches = units.filter { unit in
      unit.subunit == nil
        && zip(unit.names, cells).allSatisfy { name, cell in cell.map { $0 == name } ?? true }
    }
    return matches.count == 1 ? matches[0] : nil
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
