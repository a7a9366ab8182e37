/// A name as users give it (`形態`, `a.4`, `設問２`, `a.7:class`), looked up in the codebook once:
/// the items it may mean, and the suffix of a derived variable.
struct ItemName: Sendable {
  /// The name of the item, without the suffix.
  let name: String
  /// The derived variable named after the item: `class`, `era` or `decade`.
  let suffix: String?
  private let matches: [Item]

  /// Looks a name up; a name that matches no item is a usage error naming the closest ones.
  init(_ text: String, in codebook: Codebook, derived: Bool = true) throws(SurveyError) {
    (name, suffix) = derived ? ItemName.split(text) : (text, nil)
    matches = codebook.items(named: name)
    if matches.isEmpty {
      let close = ItemName.suggestions(for: name, in: codebook)
      throw SurveyError.usage(
        "unknown item '\(name)'",
        expected: "an item id or title"
          + (close.isEmpty ? " (kyodo items lists them)" : ", such as " + close.joined(separator: ", ")))
    }
  }

  /// The one item the name means; several forms may share a title, then the preferred form's wins.
  func item(preferring formID: String?) throws(SurveyError) -> Item {
    var chosen = matches
    if chosen.count > 1, let formID {
      let preferred = chosen.filter { $0.formID == formID }
      if !preferred.isEmpty { chosen = preferred }
    }
    if chosen.count == 1, let item = chosen.first { return item }
    throw SurveyError.usage(
      "'\(name)' names several items: " + chosen.map(\.displayName).joined(separator: ", "),
      expected: "one of their ids")
  }

  /// A name and its derived-variable suffix: `a.7:class` is `a.7` and `class`.
  static func split(_ name: String) -> (name: String, suffix: String?) {
    for suffix in Categorization.derivedSuffixes where name.hasSuffix(":" + suffix) {
      return (String(name.dropLast(suffix.count + 1)), suffix)
    }
    return (name, nil)
  }

  /// Items whose id or title shares the most characters with a name, best first.
  static func suggestions(for name: String, in codebook: Codebook) -> [String] {
    let key = Set(TextNormalization.matchKey(name))
    guard !key.isEmpty else { return [] }
    let scored = codebook.allItems.map { item -> (Item, Int) in
      let candidate = Set(TextNormalization.matchKey(item.title + item.id))
      return (item, key.intersection(candidate).count)
    }
    let best = scored.map(\.1).max() ?? 0
    guard best > 0 else { return [] }
    return scored.filter { $0.1 == best }.prefix(5).map { "\($0.0.id) (\($0.0.title))" }
  }
}
