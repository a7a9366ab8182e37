/// One category an item sorts rows into: an option, a department, or "answered" for free text.
public struct Category: Sendable, Hashable {
  /// The machine code: the option's number, or the category's name.
  public var code: String
  /// The option's number when the category is an option.
  public var optionCode: Int?
  public var label: String

  public init(code: String, optionCode: Int? = nil, label: String) {
    self.code = code
    self.optionCode = optionCode
    self.label = label
  }

  /// The code and label as people read them, e.g. `③委託`.
  public var display: String {
    optionCode.map { CircledNumber.mark($0) + label } ?? label
  }

  /// The category of rows that did not answer: blank or a non-answer such as 記入なし.
  public static let notAnswered = Category(code: "NA", label: "無回答")
}

/// How an item sorts the rows of its form into categories, for counting.
///
/// Coded items sort by code (a multiple-choice row may fall in several categories); hierarchy
/// items by name, in roster order; free text into one category, "answered".
public struct Categorization: Sendable {
  public let item: Item
  public let categories: [Category]
  /// Whether a row may fall in more than one category.
  public let isMultiple: Bool
  private let itemIndex: Int
  private let indexByKey: [String: Int]

  public init(item: Item, in data: FormData, organization: Organization) throws(SurveyError) {
    guard let itemIndex = data.index(of: item) else {
      throw SurveyError.usage("item \(item.id) is not part of \(data.form.title)")
    }
    self.item = item
    self.itemIndex = itemIndex
    var categories: [Category] = []
    switch item.kind {
    case .single, .multiple, .amount, .year:
      categories = item.options.map {
        Category(
          code: String($0.code), optionCode: $0.code, label: $0.label.isEmpty ? Option.unknownLabel : $0.label
        )
      }
    case .text:
      categories = [Category(code: "answered", label: "回答あり")]
    case .department, .section, .unit, .identifier:
      var names: [String] = item.kind == .department ? organization.departments : []
      for row in data.rows {
        if let name = row.values[itemIndex].text, !names.contains(name) { names.append(name) }
      }
      categories = names.map { Category(code: $0, label: $0) }
    }
    self.categories = categories
    self.isMultiple = item.kind == .multiple
    var indexByKey: [String: Int] = [:]
    for (index, category) in categories.enumerated() { indexByKey[category.code] = index }
    self.indexByKey = indexByKey
  }

  /// The categories a row falls in, by index into `categories`; empty when it did not answer.
  public func categoryIndexes(of row: Row) -> [Int] {
    let value = row.values[itemIndex]
    guard value.isAnswered else { return [] }
    switch item.kind {
    case .single, .multiple, .amount, .year:
      return value.codes.compactMap { indexByKey[String($0)] }
    case .text:
      return [0]
    case .department, .section, .unit, .identifier:
      return value.text.flatMap { indexByKey[$0] }.map { [$0] } ?? []
    }
  }

  /// Whether the item's percentages are of the rows that answered (multiple choice) rather than of
  /// every row (single choice, where 無回答 is a row inside the base).
  public var baseIsAnswered: Bool { isMultiple }
}
