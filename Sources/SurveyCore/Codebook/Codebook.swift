/// Everything kyodo knows about a questionnaire family: its organisation's levels, forms, items,
/// options, non-answers and amount units. The engine knows a survey only through this value.
public struct Codebook: Sendable {
  public var forms: [Form]
  /// The organisation's levels, top down (`Level.implicit` when the codebook declares none).
  public var levels: [Level]
  /// Cell texts that mean "no answer" (記入なし, 特になし …), matched after normalization.
  public var nonAnswers: [String]
  public var amountUnits: [AmountUnit]
  /// The file of the hearing's common questions, relative to the codebook's directory; nil when
  /// the codebook names none (a summary then prints none).
  public var hearingFile: String?

  public init(
    forms: [Form], nonAnswers: [String], amountUnits: [AmountUnit], levels: [Level] = Level.implicit
  ) {
    self.forms = forms
    self.levels = levels
    self.nonAnswers = nonAnswers
    self.amountUnits = amountUnits
    self.normalizedNonAnswers = Set(nonAnswers.map(TextNormalization.matchKey))
  }

  private let normalizedNonAnswers: Set<String>

  /// The index of the level whose units answer the overall form, or nil when none does.
  public var answeringLevel: Int? {
    levels.firstIndex { $0.answers }
  }

  public func form(id: String) -> Form? {
    forms.first { $0.id == id }
  }

  public var allItems: [Item] { forms.flatMap(\.items) }

  public func item(id: String) -> Item? {
    allItems.first { $0.id == id }
  }

  /// Whether a whole cell says only that there is no answer.
  ///
  /// A leading list number is ignored, so `１　特になし` is a non-answer as `特になし` is.
  public func isNonAnswer(_ text: String) -> Bool {
    let key = TextNormalization.matchKey(text)
    return normalizedNonAnswers.contains(key)
      || normalizedNonAnswers.contains(TextNormalization.droppingListMarker(key))
  }

  /// Finds items by id (`a.4`), by title (`形態`), by number (`設問２`), by number and title
  /// (`４形態`) or by header,
  /// optionally within one form; several forms may share a title (`事業名`), so more than one item
  /// can match.
  public func items(named name: String, in formID: String? = nil) -> [Item] {
    let candidates = allItems.filter { formID == nil || $0.formID == formID }
    if let exact = candidates.first(where: { $0.id == name }) { return [exact] }
    let key = TextNormalization.matchKey(name)
    guard !key.isEmpty else { return [] }
    let byName = candidates.filter { item in
      [item.title, item.number, item.number + item.title, item.header].contains {
        TextNormalization.matchKey($0) == key
      }
    }
    if !byName.isEmpty { return byName }
    // `a.形態` and `A:形態` name an item within a form.
    for separator in [".", ":"] {
      let parts = name.split(separator: Character(separator), maxSplits: 1).map(String.init)
      if parts.count == 2, form(id: parts[0].lowercased()) != nil, formID == nil {
        return items(named: parts[1], in: parts[0].lowercased())
      }
    }
    return []
  }
}
