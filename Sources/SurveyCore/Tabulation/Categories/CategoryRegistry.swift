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
  /// Categories named by their code before any row had their path (a filter's), by that name's
  /// match key.
  private var pendingByName: [String: Int] = [:]
  private let holdsPaths: Bool

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
    if holdsPaths { pendingByName[TextNormalization.matchKey(code)] = categories.count - 1 }
    return categories.count - 1
  }

  /// The index of a unit's category by its path (its names top down); a path not met yet is
  /// added when `adding`, and the labels it makes ambiguous are qualified.
  func index(ofPath path: [String], adding: Bool) -> Int? {
    if let index = indexByPath[path] { return index }
    guard adding else { return nil }
    let changed = qualified.add(path)
    let label = qualified.labels[qualified.labels.count - 1]
    let index: Int
    if let pending = pendingCategory(of: path) {
      index = pending
    } else {
      index = categories.count
      categories.append(Category(code: label, label: label))
    }
    categoryOfPath.append(index)
    indexByPath[path] = index
    relabel(index, label)
    for earlier in changed { relabel(categoryOfPath[earlier], qualified.labels[earlier]) }
    return index
  }

  /// The category a filter named before any row had this path, by the path's name or its name
  /// qualified by the names above (`区民部`, `北区役所 区民部`), the longest first; it is taken.
  private func pendingCategory(of path: [String]) -> Int? {
    guard !pendingByName.isEmpty else { return nil }
    let names = path.filter { !$0.isEmpty }
    for length in stride(from: names.count, through: 1, by: -1) {
      let key = TextNormalization.matchKey(names.suffix(length).joined(separator: " "))
      if let pending = pendingByName.removeValue(forKey: key) { return pending }
    }
    return nil
  }

  /// Gives a category a new code and label.
  private func relabel(_ index: Int, _ label: String) {
    if indexByCode[categories[index].code] == index { indexByCode[categories[index].code] = nil }
    categories[index] = Category(code: label, label: label)
    indexByCode[label] = index
  }
}
