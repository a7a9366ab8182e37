/// One questionnaire: its items in column order, and the export file that holds its rows.
public struct Form: Sendable, Hashable {
  public var id: String
  public var title: String
  /// The export's file name inside a data directory.
  public var file: String
  /// What one row is, in words for messages, e.g. `unit` or `project`.
  public var rowNoun: String
  public var role: FormRole
  public var items: [Item]

  public init(
    id: String, title: String, file: String, rowNoun: String, role: FormRole = .rows, items: [Item] = []
  ) {
    self.id = id
    self.title = title
    self.file = file
    self.rowNoun = rowNoun
    self.role = role
    self.items = items
  }

  /// Whether this is the overall form, the one that lists every responding unit.
  public var isRoster: Bool { role == .roster }

  public func items(of kind: ItemKind) -> [Item] {
    items.filter { $0.kind == kind }
  }
}

/// The plural of a row noun for messages: `unit` → `units`, `entry` → `entries`.
public func plural(_ noun: String) -> String {
  if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) {
    return noun.dropLast() + "ies"
  }
  return noun.hasSuffix("s") ? noun : noun + "s"
}

/// A count and its noun, singular or plural: `1 project`, `2 projects`.
public func counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(count == 1 ? noun : plural(noun))"
}
