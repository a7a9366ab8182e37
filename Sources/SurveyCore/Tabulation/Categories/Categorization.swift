/// A variable: how rows of one form are sorted into categories, for counting.
///
/// Most variables are an item of the counted form: coded items sort by code (a multiple-choice
/// row may fall in several categories), hierarchy items by name in roster order, free text into
/// one category, "answered". Others are derived: an overall-form item joined to each project's
/// unit, classes of an amount (0, under 100, … 千円), or the era or decade of a start year.
public struct Categorization: Sendable {
  /// The id users name it by: `a.4`, `overall.2`, `a.7:class`, `a.6:era`.
  public let id: String
  /// The item the variable comes from.
  public let item: Item
  /// A name for titles, e.g. `a.4 ４ 形態` or `a.7 ７ 市の予算 (classes)`.
  public let name: String
  /// A short heading for the column of row labels, e.g. `形態`.
  public let heading: String
  /// Whether a row may fall in more than one category.
  public let isMultiple: Bool
  /// What of a row `classify` reads.
  public let reads: RowReads
  private let classify: @Sendable (Row) -> [Int]?
  private let registry: CategoryRegistry
  /// Whether classifying looks names or codes up in the registry, which a table's cache saves
  /// (a derived variable's few comparisons cost less than the cache).
  private var looksUp = false
  /// For an item of the counted form, whether a row wrote a non-answer (記入なし) rather than
  /// leaving the cell blank; nil for other variables, whose 無回答 is not told apart.
  private var writesNonAnswer: (@Sendable (Row) -> Bool)?

  /// The categories, in order. A hierarchy variable of a streamed export learns names as rows are
  /// read, so its list may grow during a pass.
  public var categories: [Category] { registry.categories }

  /// Builds a variable from its parts; `classify` returns the category indexes of a row, an empty
  /// list when the row did not answer, or nil when the row could not be joined.
  /// `reads` names what `classify` reads of a row; the whole row unless told.
  public init(
    id: String, item: Item, name: String, heading: String, categories: [Category], isMultiple: Bool,
    reads: RowReads = .wholeRow, classify: @escaping @Sendable (Row) -> [Int]?
  ) {
    self.init(
      id: id, item: item, name: name, heading: heading, registry: CategoryRegistry(categories),
      isMultiple: isMultiple, reads: reads, classify: classify)
  }

  init(
    id: String, item: Item, name: String, heading: String, registry: CategoryRegistry, isMultiple: Bool,
    reads: RowReads, classify: @escaping @Sendable (Row) -> [Int]?
  ) {
    self.reads = reads
    self.id = id
    self.item = item
    self.name = name
    self.heading = heading
    self.registry = registry
    self.isMultiple = isMultiple
    self.classify = classify
  }

  /// An item of the form whose rows are counted.
  ///
  /// A level of the organisation sorts rows by their unit's path down to that level (same-named
  /// 部 of different wards are two categories), each labelled by its name, qualified by the
  /// names above only when the name alone is ambiguous.
  public init(item: Item, in data: FormData, organization: Organization) throws(SurveyError) {
    guard let itemIndex = data.index(of: item) else {
      throw SurveyError.usage("item \(item.id) is not part of \(data.form.title)")
    }
    if let level = Categorization.level(of: item) {
      let pathItems = Categorization.pathItems(down: level, in: data.form)
      let registry = Categorization.pathRegistry(
        level: level, pathItems: pathItems, in: data, organization: organization)
      self.init(
        id: item.id, item: item, name: item.displayName, heading: item.title, registry: registry,
        isMultiple: false, reads: RowReads(items: pathItems.compactMap { $0 })
      ) { row in
        Categorization.pathIndexes(of: row, pathItems: pathItems, registry: registry)
      }
      looksUp = true
      return
    }
    let registry = CategoryRegistry(
      Categorization.categories(of: item, itemIndex: itemIndex, in: data, organization: organization),
      learnsNames: data.isStreamed && (item.kind.isHierarchy || item.kind == .identifier))
    let kind = item.kind
    self.init(
      id: item.id, item: item, name: item.displayName, heading: item.title, registry: registry,
      isMultiple: kind == .multiple, reads: RowReads(items: [itemIndex])
    ) { row in
      Categorization.indexes(of: row.values[itemIndex], kind: kind, registry: registry)
    }
    writesNonAnswer = { row in
      if case .nonAnswer = row.values[itemIndex] { return true }
      return false
    }
    looksUp = true
  }

  /// Whether a row that did not answer wrote a non-answer such as 記入なし (空欄 otherwise).
  public func wroteNonAnswer(_ row: Row) -> Bool {
    writesNonAnswer?(row) ?? false
  }

  /// The level of the organisation a hierarchy item names, or nil for any other item.
  static func level(of item: Item) -> Int? {
    item.kind.isHierarchy ? item.level : nil
  }

  /// The positions of a form's items for each level from the top down to `level`; nil where the
  /// form has none.
  static func pathItems(down level: Int, in form: Form) -> [Int?] {
    (0...level).map { above in form.items.firstIndex { $0.kind.isHierarchy && $0.level == above } }
  }

  /// The categories of a level: at the top, the roster's names first, in its order; then, for
  /// rows kept in memory, the paths of the rows in order (a streamed export's are learnt during
  /// the pass, in the same order).
  static func pathRegistry(level: Int, pathItems: [Int?], in data: FormData, organization: Organization)
    -> CategoryRegistry
  {
    let registry = CategoryRegistry(
      paths: level == 0 ? organization.paths(atLevel: 0) : [], learnsNames: data.isStreamed)
    if !data.isStreamed {
      for row in data.rows { _ = pathIndexes(of: row, pathItems: pathItems, registry: registry) }
    }
    return registry
  }

  /// The category of a row's unit at a level (its path's), or none when its cell there is blank.
  static func pathIndexes(of row: Row, pathItems: [Int?], registry: CategoryRegistry) -> [Int] {
    guard let own = pathItems.last ?? nil, row.values[own].isAnswered, row.values[own].text != nil else {
      return []
    }
    let path = pathItems.map { index in index.flatMap { row.values[$0].text } ?? "" }
    return registry.index(ofPath: path, adding: true).map { [$0] } ?? []
  }

  /// The index of a category by its code; for a hierarchy variable of a streamed export, a name not
  /// met yet is added, since its rows have not all been read.
  func categoryIndex(code: String) -> Int? {
    registry.index(of: code, adding: registry.learnsNames)
  }

  /// For a level of the organisation, the categories of every unit a filter's name names (`区民部`:
  /// every ward's, met so far; later ones join as they are met, see `isSelected`); nil for any
  /// other variable.
  func unitIndexes(named name: String) -> [Int]? {
    registry.holdsPaths ? registry.indexes(named: name) : nil
  }

  /// Whether a category is selected by a filter's categories: it is one of them, or its unit
  /// answers to a name one of them was selected by.
  func isSelected(_ index: Int, by selected: Set<Int>) -> Bool {
    registry.isSelected(index, by: selected)
  }

  /// The categories a filter's categories stand for, in order: each, and the units met since that
  /// answer to its name.
  func selectedIndexes(_ selected: Set<Int>) -> [Int] {
    var seen = Set<Int>()
    return selected.sorted().flatMap { [$0] + registry.members(of: $0) }.filter { seen.insert($0).inserted }
  }

  /// An item of the roster (the overall form), read for each row through the row's unit.
  ///
  /// Rows whose unit the roster does not list fall in the extra category 結合なし, so that none is
  /// lost silently.
  public static func joined(item: Item, roster: FormData, organization: Organization) throws(SurveyError)
    -> Categorization
  {
    guard let itemIndex = roster.index(of: item) else {
      throw SurveyError.usage("item \(item.id) is not part of \(roster.form.title)")
    }
    let level = self.level(of: item)
    let path = level.map { Categorization.pathItems(down: $0, in: roster.form) } ?? []
    let registry =
      level.map { pathRegistry(level: $0, pathItems: path, in: roster, organization: organization) }
      ?? CategoryRegistry(
        self.categories(of: item, itemIndex: itemIndex, in: roster, organization: organization))
    var byUnit: [UnitPath: [Int]] = [:]
    for row in roster.rows {
      guard let unit = row.unit else { continue }
      byUnit[unit] =
        level == nil
        ? indexes(of: row.values[itemIndex], kind: item.kind, registry: registry)
        : pathIndexes(of: row, pathItems: path, registry: registry)
    }
    let categories = registry.categories
    let unjoined = categories.count
    let lookup = byUnit
    return Categorization(
      id: item.id, item: item, name: item.displayName + " (joined on the unit)", heading: item.title,
      categories: categories + [Category.unjoined], isMultiple: item.kind == .multiple,
      reads: RowReads(items: [], unit: true)
    ) { row in
      guard let unit = row.unit, let found = lookup[unit] else { return [unjoined] }
      return found
    }
  }

  /// Whether a category stands for rows that could not be joined rather than for an answer.
  public func isUnjoined(_ index: Int) -> Bool {
    categories[index].code == Category.unjoined.code
  }

  /// Lets a variable that learns names as rows are read meet a row's name, even when the row
  /// itself is not counted (filtered out), so that its categories are those of every row.
  public func learn(from row: Row) {
    if registry.learnsNames { _ = classify(row) }
  }

  /// The categories a row falls in, by index into `categories`; empty when it did not answer.
  public func categoryIndexes(of row: Row) -> [Int] {
    classify(row) ?? []
  }

  /// The category indexes of a row, found first in a table's own cache when they are looked up
  /// and depend on the row's cells alone (not on its unit, nor on the whole row).
  func categoryIndexes(of row: Row, cache: CategoryCache) -> [Int] {
    guard looksUp, let items = reads.items, !reads.unit else { return categoryIndexes(of: row) }
    return cache.indexes(of: row, items: items) { classify($0) ?? [] }
  }

  /// Whether a row answered: it falls in a category that is not 結合なし.
  public func answered(_ indexes: [Int]) -> Bool {
    indexes.contains { !isUnjoined($0) }
  }

  static func categories(of item: Item, itemIndex: Int, in data: FormData, organization: Organization)
    -> [Category]
  {
    switch item.kind {
    case .single, .multiple, .amount, .year:
      return item.options.map {
        Category(
          code: String($0.code), optionCode: $0.code,
          label: $0.label.isEmpty ? Option.unknownLabel : $0.label,
          fullLabel: $0.fullLabel.isEmpty ? nil : $0.fullLabel)
      }
    case .text:
      return [Category(code: "answered", label: "回答あり")]
    case .department, .section, .unit, .level, .identifier:
      var names: [String] = []
      var seen = Set(names)
      // A streamed export's other names are learnt during the pass, in the same order.
      if !data.isStreamed {
        for row in data.rows {
          if let name = row.values[itemIndex].text, seen.insert(name).inserted { names.append(name) }
        }
      }
      return names.map { Category(code: $0, label: $0) }
    }
  }

  static func indexes(of value: Value, kind: ItemKind, registry: CategoryRegistry) -> [Int] {
    guard value.isAnswered else { return [] }
    switch kind {
    case .single, .multiple, .amount, .year:
      let codes = value.codes
      if codes.count == 1 { return registry.index(ofOption: codes[0]).map { [$0] } ?? [] }
      return codes.compactMap { registry.index(ofOption: $0) }
    case .text:
      return [0]
    case .department, .section, .unit, .level, .identifier:
      return value.text.flatMap { registry.index(of: $0, adding: true) }.map { [$0] } ?? []
    }
  }
}
