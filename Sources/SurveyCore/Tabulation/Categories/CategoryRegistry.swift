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

  init(_ categories: [Category], learnsNames: Bool = false) {
    self.categories = categories
    self.learnsNames = learnsNames
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

  func index(of code: String, adding: Bool) -> Int? {
    if let index = indexByCode[code] { return index }
    guard adding else { return nil }
    categories.append(Category(code: code, label: code))
    indexByCode[code] = categories.count - 1
    return categories.count - 1
  }
}
