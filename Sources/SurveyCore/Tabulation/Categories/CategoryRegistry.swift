/// The categories of a variable and their indexes by code; a hierarchy variable adds the names it
/// meets while rows are read.
///
/// Unchecked Sendable: a registry grows only during a pass over rows, which runs on one thread.
final class CategoryRegistry: @unchecked Sendable {
  private(set) var categories: [Category]
  private var indexByCode: [String: Int] = [:]
  /// The index of each option's category by its code, -1 for none: codes are small (① to ⑳), so
  /// an array; a codebook's larger codes go to `indexByLargeOption`.
  private var indexByOption: [Int] = []
  private var indexByLargeOption: [Int: Int] = [:]
  private static let largeOption = 256
  /// Whether names not known before the pass are to be expected (a streamed export's hierarchy).
  let learnsNames: Bool
  /// For a level of the organisation: each unit's path, labelled by its name qualified only as far
  /// as makes it unique, and the category of each path.
  private var qualified = QualifiedNames()
  private var categoryOfPath: [Int] = []
  private var indexByPath: [[String]: Int] = [:]
  /// The names a filter selects units by (`区民部`, `北区役所 区民部`), by match key, each with the
  /// first category of that name (its anchor): named before any row had its path, the anchor is a
  /// pending category that the first such path takes.
  private var anchorByName: [String: Int] = [:]
  private var pending: Set<Int> = []
  /// The anchors of the names each category's unit also answers to, beyond its own category: every
  /// 区民部 of every ward, when a filter names `区民部`.
  private var anchorsOf: [Int: [Int]] = [:]
  /// Each category's path (its names top down, blanks left out), for a level of the organisation.
  private var namesOf: [Int: [String]] = [:]
  /// Whether the categories are the units of a level of the organisation.
  let holdsPaths: Bool

  init(_ categories: [Category], learnsNames: Bool = false) {
    self.categories = categories
    self.learnsNames = learnsNames
    self.holdsPaths = false
    for (index, category) in categories.enumerated() {
      indexByCode[category.code] = index
      if let code = category.optionCode, !(0..<Self.largeOption).contains(code) {
        indexByLargeOption[code] = index
      } else if let code = category.optionCode {
        if code >= indexByOption.count {
          indexByOption += [Int](repeating: -1, count: code + 1 - indexByOption.count)
        }
        indexByOption[code] = index
      }
    }
  }

  func index(ofOption code: Int) -> Int? {
    guard code >= 0, code < indexByOption.count else { return indexByLargeOption[code] }
    return indexByOption[code] >= 0 ? indexByOption[code] : nil
  }

  /// The categories of units at a level, their paths given in order (those the roster lists).
  init(paths: [[String]], learnsNames: Bool) {
    self.categories = []
    self.learnsNames = learnsNames
    self.holdsPaths = true
    for path in paths { _ = index(ofPath: path, adding: true) }
  }

  func index(of code: String, adding: Bool) -> Int? {
    if let index = indexByCode[code] { return index }
    guard adding else { return nil }
    categories.append(Category(code: code, label: code))
    indexByCode[code] = categories.count - 1
    return categories.count - 1
  }

  /// The categories of every unit named `name` at this level of the organisation, alone or
  /// qualified by the names above it (`区民部` is every ward's 区民部, `北区役所 区民部` one of them):
  /// the first is the anchor, which stands for them all in `isSelected`. A streamed export's units
  /// met later join it as they are met; with none met yet, the anchor is a pending category the
  /// first such unit takes. Empty when no unit has the name and none can be met.
  func indexes(named name: String) -> [Int] {
    let key = TextNormalization.matchKey(name)
    if let anchor = anchorByName[key] { return [anchor] + members(of: anchor) }
    let found = namesOf.keys.sorted().filter { Self.endings(of: namesOf[$0] ?? []).contains(key) }
    if let anchor = found.first {
      for index in found.dropFirst() { anchorsOf[index, default: []].append(anchor) }
      if learnsNames { anchorByName[key] = anchor }
      return found
    }
    guard learnsNames else { return [] }
    let anchor = categories.count
    categories.append(Category(code: name, label: name))
    indexByCode[name] = anchor
    anchorByName[key] = anchor
    pending.insert(anchor)
    return [anchor]
  }

  /// Whether a category is selected by a set of categories: it is one, or its unit has a name one
  /// of them was selected by (`indexes(named:)`).
  func isSelected(_ index: Int, by selected: Set<Int>) -> Bool {
    if selected.contains(index) { return true }
    return anchorsOf[index]?.contains(where: selected.contains) ?? false
  }

  /// The categories that answer to an anchor's name besides the anchor, in the order met.
  func members(of anchor: Int) -> [Int] {
    anchorsOf.keys.sorted().filter { anchorsOf[$0]?.contains(anchor) ?? false }
  }

  /// The match keys a path's unit answers to: its own name, alone or after any of the names above
  /// it in order (`福祉課`, `区民部 福祉課`, `北区役所 福祉課`, `北区役所 区民部 福祉課`), shortest first.
  private static func endings(of names: [String]) -> [String] {
    guard let own = names.last else { return [] }
    let above = names.dropLast()
    var choices: [[String]] = [[]]
    for name in above.reversed() { choices += choices.map { [name] + $0 } }
    return choices.sorted { $0.count < $1.count }.map {
      TextNormalization.matchKey(($0 + [own]).joined(separator: " "))
    }
  }

  /// The index of a unit's category by its path (its names top down); a path not met yet is
  /// added when `adding`, and the labels it makes ambiguous are qualified.
  func index(ofPath path: [String], adding: Bool) -> Int? {
    if let index = indexByPath[path] { return index }
    guard adding else { return nil }
    let changed = qualified.add(path)
    let label = qualified.labels[qualified.labels.count - 1]
    let names = path.filter { !$0.isEmpty }
    let anchors =
      anchorByName.isEmpty ? [] : Self.endings(of: names).reversed().compactMap { anchorByName[$0] }
    let index: Int
    if let taken = anchors.first(where: pending.contains) {
      index = taken
      pending.remove(taken)
    } else {
      index = categories.count
      categories.append(Category(code: label, label: label))
    }
    let others = anchors.filter { $0 != index }
    if !others.isEmpty { anchorsOf[index, default: []] += others }
    namesOf[index] = names
    categoryOfPath.append(index)
    indexByPath[path] = index
    relabel(index, label)
    for earlier in changed { relabel(categoryOfPath[earlier], qualified.labels[earlier]) }
    return index
  }

  /// Gives a category a new code and label.
  private func relabel(_ index: Int, _ label: String) {
    if indexByCode[categories[index].code] == index { indexByCode[categories[index].code] = nil }
    categories[index] = Category(code: label, label: label)
    indexByCode[label] = index
  }
}
