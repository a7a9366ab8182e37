/// What kind of answer an item holds, which decides how its cells are parsed and tabulated.
public enum ItemKind: String, Sendable, CaseIterable {
  /// 部: the department a row belongs to.
  case department
  /// 課: the section, or a bracketed sub-unit such as `（行政経営担当）`.
  case section
  /// 係: the unit inside a section that runs a project.
  case unit
  /// A level the codebook's `level` records declare (`Item.level` says which).
  case level
  /// A row's own identifier, such as the project number.
  case identifier
  /// Free text.
  case text
  /// One circled-number code.
  case single
  /// Any number of circled-number codes, one per line.
  case multiple
  /// An amount in 千円 behind a code, or a code saying why there is none.
  case amount
  /// A start year in a Japanese era (or Western) behind a code, or a code saying it is unknown.
  case year

  /// Whether the item's answers are circled-number codes.
  public var isCoded: Bool {
    switch self {
    case .single, .multiple, .amount, .year: true
    default: false
    }
  }

  /// Whether the item places a row in the organization (部, 課, 係, or a declared level).
  public var isHierarchy: Bool {
    self == .department || self == .section || self == .unit || self == .level
  }
}
