/// What a summary is about: a department (部), a section (課), a bracketed sub-unit (担当) or a team
/// (係) that runs projects, and which rows of the survey it covers.
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
  public var department: String
  /// The section, for every level below the department.
  public var section: String?
  /// The bracketed sub-unit, without its brackets, for a sub-unit or a team inside one.
  public var subunit: String?
  /// The team (係) name, for a team.
  public var team: String?

  public init(
    level: Level, department: String, section: String? = nil, subunit: String? = nil, team: String? = nil
  ) {
    self.level = level
    self.department = department
    self.section = section
    self.subunit = subunit
    self.team = team
  }

  /// The target's own name, as the data writes it (a sub-unit in its brackets).
  public var name: String {
    switch level {
    case .department: department
    case .section: section ?? department
    case .subunit: subunit.map { "（\($0)）" } ?? department
    case .team: team ?? department
    }
  }

  /// The names from the department down to the target, e.g. `環境部`, `環境政策課`, `緑と公園係`;
  /// a 事務局 whose section repeats its name appears once.
  public var path: [String] {
    var names = [department]
    if let section, section != department { names.append(section) }
    if let subunit { names.append("（\(subunit)）") }
    if let team { names.append(team) }
    return names
  }

  /// Whether a responding unit's overall answers belong in the summary.
  public func covers(_ unit: UnitPath) -> Bool {
    guard unit.department == department else { return false }
    switch level {
    case .department: return true
    case .section: return unit.section == section
    case .subunit, .team: return unit.section == section && unit.subunit == subunit
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
