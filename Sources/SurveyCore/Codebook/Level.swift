/// One level of the organisation (局・区, 部, 課, 係 …), as the codebook's `level` records declare
/// them from the top down.
public struct Level: Sendable, Hashable {
  /// The id an item's kind names the level by, e.g. `ward` or `section`.
  public var id: String
  /// The level's name as printed, e.g. `局・区` or `課`: the word messages and summaries use.
  public var name: String
  /// Whether this level's units answer the overall form, one row each.
  public var answers: Bool
  /// Whether a bracketed name in this level's column is a sub-unit that answered on its own.
  public var hasSubunits: Bool
  /// Whether a unit may have no name at this level (a 会計室 with no 部).
  public var isOptional: Bool

  public init(
    id: String, name: String, answers: Bool = false, hasSubunits: Bool = false, isOptional: Bool = false
  ) {
    self.id = id
    self.name = name
    self.answers = answers
    self.hasSubunits = hasSubunits
    self.isOptional = isOptional
  }

  /// The levels of a codebook without `level` records, the 2010 survey's: 部, 課 (answering the
  /// overall form, with bracketed 担当 as sub-units) and 係.
  public static let implicit = [
    Level(id: ItemKind.department.rawValue, name: "部"),
    Level(id: ItemKind.section.rawValue, name: "課", answers: true, hasSubunits: true),
    Level(id: ItemKind.unit.rawValue, name: "係"),
  ]

  /// The most levels a codebook may declare.
  public static let maximumDepth = 5
}
