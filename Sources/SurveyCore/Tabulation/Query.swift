/// One item's table, or a crosstab of two items: what `kyodo tabulate ITEM [--by ITEM]` asks for.
public struct Query: Sendable {
  public var item: String
  public var breakdown: String?

  public init(item: String, breakdown: String? = nil) {
    self.item = item
    self.breakdown = breakdown
  }

  /// Resolves the item names against the codebook and tabulates.
  public func run(on survey: Survey) throws(SurveyError) -> Report {
    let item = try Query.resolve(self.item, in: survey.codebook, preferring: nil)
    guard let data = survey.data(for: item.formID) else {
      throw SurveyError.usage("no data for \(item.formID)")
    }
    let organization = survey.organization
    let rowNoun = data.form.rowNoun
    let categories = try Categorization(item: item, in: data, organization: organization)
    var tables: [Table] = []
    if let breakdownName = breakdown {
      let breakdownItem = try Query.resolve(breakdownName, in: survey.codebook, preferring: item.formID)
      guard breakdownItem.formID == item.formID else {
        throw SurveyError.usage(
          "\(item.id) and \(breakdownItem.id) are items of different questionnaires; crossing them needs a join on the unit, which kyodo does not do yet",
          expected: "a breakdown item of \(data.form.title): "
            + data.form.items.filter { $0.kind != .identifier }.map(\.id).joined(separator: ", "))
      }
      let by = try Categorization(item: breakdownItem, in: data, organization: organization)
      if item.kind == .amount {
        tables.append(try AmountSummary(item, by: by, in: data).table())
      }
      tables.append(Crosstab(categories, by: by, rows: data.rows, rowNoun: rowNoun).table())
    } else {
      switch item.kind {
      case .department, .section, .unit:
        tables.append(StandardReport.countTable(Frequency(categories, rows: data.rows, rowNoun: rowNoun)))
      case .identifier:
        throw SurveyError.usage(
          "\(item.id) identifies each \(rowNoun); it has nothing to count",
          expected: "a coded, text or hierarchy item")
      default:
        tables.append(Frequency(categories, rows: data.rows, rowNoun: rowNoun).table())
      }
      if item.kind == .amount {
        if let department = data.form.items.first(where: { $0.kind == .department }) {
          let by = try Categorization(item: department, in: data, organization: organization)
          tables.append(try AmountSummary(item, by: by, in: data).table())
        }
        tables.append(try MissingAmountReasons(item, in: data).table())
      }
    }
    return Report(title: "kyodo tabulate", sections: [ReportSection(heading: "", tables: tables)])
  }

  /// The one item a name means; several forms may share a title, then the preferred form's wins.
  public static func resolve(_ name: String, in codebook: Codebook, preferring formID: String?)
    throws(SurveyError) -> Item
  {
    var matches = codebook.items(named: name)
    if matches.count > 1, let formID {
      let preferred = matches.filter { $0.formID == formID }
      if !preferred.isEmpty { matches = preferred }
    }
    if matches.count == 1, let item = matches.first { return item }
    if matches.isEmpty {
      let close = suggestions(for: name, in: codebook)
      throw SurveyError.usage(
        "unknown item '\(name)'",
        expected: "an item id or title"
          + (close.isEmpty ? " (kyodo items lists them)" : ", such as " + close.joined(separator: ", ")))
    }
    throw SurveyError.usage(
      "'\(name)' names several items: " + matches.map(\.displayName).joined(separator: ", "),
      expected: "one of their ids")
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
