/// A condition on rows: `ITEM=CODE[,CODE…]` keeps the rows that gave any of the codes,
/// `ITEM!=CODE[,CODE…]` the rows that gave none of them (無回答 included).
///
/// Codes may be written as numbers (`3`), circled numbers (`③`), labels (`委託`), names for
/// hierarchy items (`市民部`; at a level of the organisation, a name of several units selects them
/// all, `北区役所 区民部` one of them), or `NA` for 無回答.
public struct Filter: Sendable {
  public var item: String
  public var codes: [String]
  public var negated: Bool

  public init(item: String, codes: [String], negated: Bool) {
    self.item = item
    self.codes = codes
    self.negated = negated
  }

  /// Parses `ITEM=CODES` or `ITEM!=CODES`.
  public init(parsing text: String) throws(SurveyError) {
    let negated: Bool
    let parts: [Substring]
    if let range = text.range(of: "!=") {
      negated = true
      parts = [text[..<range.lowerBound], text[range.upperBound...]]
    } else if let index = text.firstIndex(of: "=") {
      negated = false
      parts = [text[..<index], text[text.index(after: index)...]]
    } else {
      throw SurveyError.usage("filter '\(text)'", expected: "ITEM=CODE[,CODE…] or ITEM!=CODE[,CODE…]")
    }
    let item = parts[0].trimmingSpaces
    let codes = parts[1].split(separator: ",").map { $0.trimmingSpaces }.filter { !$0.isEmpty }
    guard !item.isEmpty, !codes.isEmpty else {
      throw SurveyError.usage("filter '\(text)'", expected: "ITEM=CODE[,CODE…] or ITEM!=CODE[,CODE…]")
    }
    self.init(item: item, codes: codes, negated: negated)
  }

  /// The filter bound to a variable: which category indexes (and whether 無回答) it selects.
  public func bind(to variable: Categorization) throws(SurveyError) -> BoundFilter {
    var selected = Set<Int>()
    var selectsNotAnswered = false
    for code in codes {
      if code.uppercased() == "NA" || code == Category.notAnswered.label {
        selectsNotAnswered = true
        continue
      }
      // A name at a level of the organisation selects every unit of that name (`区民部`: every
      // ward's), or the one its qualification names (`北区役所 区民部`).
      if let units = variable.unitIndexes(named: code) {
        guard !units.isEmpty else { throw unknown(code, of: variable) }
        selected.formUnion(units)
        continue
      }
      let key = TextNormalization.matchKey(code)
      let circled =
        code.unicodeScalars.count == 1 ? code.unicodeScalars.first.flatMap(CircledNumber.code) : nil
      let match = variable.categories.firstIndex { category in
        if let circled { return category.optionCode == circled }
        return category.code == code || TextNormalization.matchKey(category.label) == key
          || TextNormalization.matchKey(category.fullLabel) == key
          || TextNormalization.matchKey(category.code) == key
      }
      guard let match = match ?? (circled == nil ? variable.categoryIndex(code: code) : nil) else {
        throw unknown(code, of: variable)
      }
      selected.insert(match)
    }
    return BoundFilter(
      variable: variable, selected: selected, selectsNotAnswered: selectsNotAnswered, negated: negated)
  }

  /// The error of a code that is no category of the variable.
  private func unknown(_ code: String, of variable: Categorization) -> SurveyError {
    let known = variable.categories.map { $0.display }.joined(separator: " ")
    return SurveyError.usage(
      "'\(code)' is not a category of \(variable.name) in the filter", expected: "one of \(known) or NA")
  }
}
