/// What a summary is about: a department (a unit at any level above the one that answers the
/// overall form: 部; 局・区 or 部 …), a section (課), a bracketed sub-unit (担当) or a team (係) that
/// runs projects, and which rows of the survey it covers.
///
/// A department covers all its units; a section covers itself and its bracketed sub-units; a
/// sub-unit covers itself; a team covers the project rows whose 係 names it, inside its unit.
public struct SummaryTarget: Sendable, Hashable {
  /// How high in the hierarchy a target stands.
  public enum Level: Int, Sendable, Hashable, Comparable {
    case department
    case section
    case subunit
    case team

    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  public var level: Level
  /// The names from the top level down: to the target's own level for a department (a unit of
  /// any level above the one that answers the overall form: 部, or 局・区 and 部 …), to that level
  /// for every other target.
  public var names: [String]
  /// The bracketed sub-unit, without its brackets, for a sub-unit or a team inside one.
  public var subunit: String?
  /// The team (係) name, for a team.
  public var team: String?

  public init(level: Level, names: [String], subunit: String? = nil, team: String? = nil) {
    self.level = level
    self.names = names
    self.subunit = subunit
    self.team = team
  }

  /// A target of the implicit levels: a 部, and a 課 for every level below the department.
  public init(
    level: Level, department: String, section: String? = nil, subunit: String? = nil, team: String? = nil
  ) {
    self.init(level: level, names: [department] + [section].compactMap { $0 }, subunit: subunit, team: team)
  }

  /// The name at the top level (the 部 of the implicit levels).
  public var department: String { names.first ?? "" }

  /// The name at the level that answers the overall form, for every level below the department.
  public var section: String? { level == .department ? nil : names.last }

  /// The unit a summary compares the target with: the one at the level above it (a 課's 部, a
  /// ward's 部's 局・区), skipping a level where it has no name (a 会計室's 会計課); for a
  /// bracketed sub-unit or a team, the one above its 課. Nil for a unit of the top level.
  public var parent: SummaryTarget? {
    var above = Array(names.dropLast())
    while above.last == "" { above.removeLast() }
    return above.isEmpty ? nil : SummaryTarget(level: .department, names: above)
  }

  /// The target's own name, as the data writes it (a sub-unit in its brackets).
  public var name: String {
    switch level {
    case .department, .section: names.last ?? ""
    case .subunit: subunit.map { "（\($0)）" } ?? department
    case .team: team ?? department
    }
  }

  /// The names from the top down to the target, e.g. `環境部`, `環境政策課`, `緑と公園係`; a blank
  /// level is left out, and a 事務局 whose section repeats its name appears once.
  public var path: [String] {
    var path: [String] = []
    for name in names where !name.isEmpty && name != path.last { path.append(name) }
    if let subunit { path.append("（\(subunit)）") }
    if let team { path.append(team) }
    return path
  }

  /// Whether a responding unit's overall answers belong in the summary.
  public func covers(_ unit: UnitPath) -> Bool {
    switch level {
    case .department: return unit.names.starts(with: names)
    case .section: return unit.names == names
    case .subunit, .team: return unit.names == names && unit.subunit == subunit
    }
  }

  /// Whether a row of a project or entry form belongs to the target; `team` is the row's 係.
  public func covers(_ unit: UnitPath, team rowTeam: String?) -> Bool {
    guard covers(unit) else { return false }
    guard level == .team, let team else { return true }
    return rowTeam.map { SummaryTarget.teamName($0) == team } ?? false
  }

  /// A 係 cell's name: its first line, so `広報係` / `（協働か不明だが・・）` is the team 広報係.
  public static func teamName(_ cell: String) -> String {
    cell.cellLines.first ?? ""
  }
}
