/// One table request: `kyodo tabulate ITEM [--by ITEM] [--layer ITEM] [--where …]`.
///
/// The rows counted are those of the questionnaire the items belong to. When an item of the
/// overall form is crossed with an item of a project or entry form, the projects are counted and
/// the overall item is read through each project's unit (a join); projects that do not join, and
/// units with no project, are counted and reported.
public struct Query: Sendable {
  public var item: String
  public var breakdown: String?
  public var layer: String?
  public var filters: [Filter]
  public var options: TableOptions
  /// Add tests of independence (chi-square, Cramér's V, Fisher) under each crosstab.
  public var statistics: Bool

  public init(
    item: String, breakdown: String? = nil, layer: String? = nil, filters: [Filter] = [],
    options: TableOptions = TableOptions(), statistics: Bool = false
  ) {
    self.item = item
    self.breakdown = breakdown
    self.layer = layer
    self.filters = filters
    self.options = options
    self.statistics = statistics
  }

  public func run(on survey: Survey) throws(SurveyError) -> Report {
    let names = [item] + [breakdown, layer].compactMap { $0 } + filters.map(\.item)
    let data = try countedForm(for: names, in: survey)
    let resolver = VariableResolver(survey: survey, data: data)
    let variable = try resolver.variable(item)
    let by = try breakdown.map { name throws(SurveyError) in try resolver.variable(name) }
    let layerVariable = try layer.map { name throws(SurveyError) in try resolver.variable(name) }
    var bound: [BoundFilter] = []
    for filter in filters { bound.append(try filter.bind(to: try resolver.variable(filter.item))) }
    let joined = [variable] + [by, layerVariable].compactMap { $0 } + bound.map(\.variable)
    let joins = joined.contains { $0.item.formID != data.form.id }
    let organization = survey.organization

    // One pass over the rows fills every slice: the whole selection, or one slice per layer.
    let main = try slice(variable, by: by, data: data, organization: organization)
    var layered: [Int: QuerySlice] = [:]
    var layerMissing: QuerySlice?
    if layerVariable != nil {
      layerMissing = try slice(variable, by: by, data: data, organization: organization)
    }
    var kept = 0
    var joinedRows = 0
    var units = Set<UnitPath>()
    var failure: SurveyError?
    // The pass reads what the variables and the tables read, and the unit for the join figures.
    let reads = joined.reduce(main.reads.union(RowReads(items: [], unit: true))) { $0.union($1.reads) }
    data.tally([
      RowConsumer(reads: reads) { row, weight in
        for variable in joined { variable.learn(from: row) }
        guard failure == nil, bound.allSatisfy({ $0.keeps(row) }) else { return }
        kept += weight
        if let unit = row.unit {
          joinedRows += weight
          units.insert(unit)
        }
        guard let layerVariable, let layerMissing else {
          main.add(row, weight: weight)
          return
        }
        let indexes = layerVariable.categoryIndexes(of: row)
        if indexes.isEmpty { layerMissing.add(row, weight: weight) }
        for index in indexes {
          if layered[index] == nil {
            do throws(SurveyError) {
              layered[index] = try slice(variable, by: by, data: data, organization: organization)
            } catch {
              failure = error
              return
            }
          }
          layered[index]?.add(row, weight: weight)
        }
      }
    ])
    if let failure { throw failure }

    var context: [String] = []
    if !bound.isEmpty {
      context.append(
        "filter: " + bound.map(\.description).joined(separator: " and ")
          + " (\(kept) of \(data.rowCount) \(plural(data.form.rowNoun)))")
    }
    if joins {
      let rosterUnits = organization.units.count
      context.append(
        "joined on the unit: \(joinedRows) of \(kept) \(plural(data.form.rowNoun)) joined "
          + "(\(kept - joinedRows) without a unit of the overall form, counted as 結合なし); "
          + "they belong to \(units.count) of the \(rosterUnits) units, \(rosterUnits - units.count) units have none"
      )
    }

    var slices: [(note: String?, slice: QuerySlice)] = [(nil, main)]
    if let layerVariable, let layerMissing {
      slices = []
      for index in layerVariable.categories.indices {
        var slice = layered[index]
        if slice == nil { slice = try self.slice(variable, by: by, data: data, organization: organization) }
        guard let slice else { continue }
        slices.append(("layer: \(layerVariable.name) = \(layerVariable.categories[index].display)", slice))
      }
      slices.append(("layer: \(layerVariable.name) = \(Category.notAnswered.label)", layerMissing))
    }
    var tables: [Table] = []
    for (note, slice) in slices {
      var sliceTables = slice.tables()
      let notes = context + (note.map { [$0] } ?? [])
      for index in sliceTables.indices {
        sliceTables[index].notes = notes + sliceTables[index].notes
        if let note {
          sliceTables[index].title += "  [\(note)]"
          sliceTables[index].id += "@" + note
          sliceTables[index].long?.id += "@" + note
        }
      }
      tables += sliceTables
    }
    return Report(title: "kyodo tabulate", sections: [ReportSection(heading: "", tables: tables)])
  }

  /// The item, the breakdown and the filtered rows of a two-item request, without layers.
  public func variables(on survey: Survey) throws(SurveyError) -> (Categorization, Categorization, [Row]) {
    guard let breakdown else { throw SurveyError.usage("no breakdown item", expected: "ITEM --by ITEM") }
    let names = [item, breakdown] + filters.map(\.item)
    let data = try countedForm(for: names, in: survey)
    let resolver = VariableResolver(survey: survey, data: data)
    var bound: [BoundFilter] = []
    for filter in filters { bound.append(try filter.bind(to: try resolver.variable(filter.item))) }
    let rows = data.rows.filter { row in bound.allSatisfy { $0.keeps(row) } }
    return (try resolver.variable(item), try resolver.variable(breakdown), rows)
  }

  /// The tables of one slice of the rows, as accumulators to be filled a row at a time.
  private func slice(
    _ variable: Categorization, by: Categorization?, data: FormData, organization: Organization
  )
    throws(SurveyError) -> QuerySlice
  {
    let item = variable.item
    let rowNoun = data.form.rowNoun
    let isFigure = (item.kind == .amount || item.kind == .year) && variable.id == item.id
    let slice = QuerySlice()
    if let by {
      if isFigure {
        let summary = try NumericSummary(accumulating: item, by: by, in: data)
        slice.consumers.append(summary.consumer)
        slice.makers.append { [options] in summary.table(options) }
      }
      let crosstab = Crosstab(variable, by: by, rowNoun: rowNoun)
      slice.consumers.append(crosstab.consumer)
      slice.makers.append { [options] in crosstab.table(options) }
      if statistics {
        slice.makers.append { Query.statisticsTable(crosstab) }
      }
      return slice
    }
    if item.kind == .identifier {
      throw SurveyError.usage(
        "\(item.id) identifies each \(rowNoun); it has nothing to count",
        expected: "a coded, text or hierarchy item")
    }
    let frequency = Frequency(variable, rowNoun: rowNoun)
    slice.consumers.append(frequency.consumer)
    if item.kind.isHierarchy {
      slice.makers.append { StandardReport.countTable(frequency) }
    } else {
      slice.makers.append { [options] in frequency.table(options) }
    }
    if isFigure {
      if let department = data.form.items.first(where: { $0.kind == .department }) {
        let byDepartment = try Categorization(item: department, in: data, organization: organization)
        let summary = try NumericSummary(accumulating: item, by: byDepartment, in: data)
        slice.consumers.append(summary.consumer)
        slice.makers.append { [options] in summary.table(options) }
      }
      let reasons = try MissingFigureReasons(accumulating: item, in: data)
      slice.consumers.append(reasons.consumer)
      slice.makers.append { reasons.table() }
    }
    return slice
  }

  private static func statisticsTable(_ crosstab: Crosstab) -> Table {
    let id = "\(crosstab.item.id)-by-\(crosstab.breakdown.id)-statistics"
    let title = "Tests of independence: \(crosstab.item.name) by \(crosstab.breakdown.name)"
    let columns = [Column("statistic"), Column("value")]
    if crosstab.item.isMultiple || crosstab.breakdown.isMultiple {
      return Table(
        id: id, title: title, columns: columns,
        notes: [
          "Not computed: a multiple-choice item counts a row in several cells, so the cells are not independent observations."
        ])
    }
    let cases = crosstab.cases
    guard let test = IndependenceTest(cases.counts) else {
      return Table(
        id: id, title: title, columns: columns,
        notes: ["Not computed: fewer than two rows or columns have counts."])
    }
    var table = test.table(id: id, title: title)
    var notes = [
      "Computed on the \(plural(crosstab.rowNoun)) with one answer to each item; 無回答 and empty rows or columns are left out."
    ]
    if cases.multiplyCoded > 0 {
      notes.append(
        "\(counted(cases.multiplyCoded, crosstab.rowNoun)) with two codes to a single-choice item left out."
      )
    }
    table.notes = notes + table.notes
    return table
  }

  /// The form whose rows are counted: the one project or entry form among the named items, or the
  /// overall form when all of them belong to it.
  private func countedForm(for names: [String], in survey: Survey) throws(SurveyError) -> FormData {
    var forms: [String] = []
    for name in names {
      let item = try Query.resolve(
        VariableResolver.split(name).name, in: survey.codebook, preferring: forms.first)
      if !forms.contains(item.formID) { forms.append(item.formID) }
    }
    let rosterID = survey.roster?.form.id
    let counted = forms.filter { $0 != rosterID }
    if counted.count > 1 {
      throw SurveyError.usage(
        "items of \(counted.joined(separator: " and ")) cannot be crossed: only the overall form joins a project's unit",
        expected: "items of one questionnaire, or one questionnaire and the overall form")
    }
    guard let id = counted.first ?? forms.first, let data = survey.data(for: id) else {
      throw SurveyError.usage("no data for the items named")
    }
    return data
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

/// Turns the names users give (`形態`, `部`, `a.7:class`, `設問２`) into variables over the rows
/// of the counted form, joining overall-form items through the unit.
struct VariableResolver {
  let survey: Survey
  let data: FormData

  /// A name and its derived-variable suffix: `a.7:class` is `a.7` and `class`.
  static func split(_ name: String) -> (name: String, suffix: String?) {
    for suffix in Categorization.derivedSuffixes where name.hasSuffix(":" + suffix) {
      return (String(name.dropLast(suffix.count + 1)), suffix)
    }
    return (name, nil)
  }

  func variable(_ name: String) throws(SurveyError) -> Categorization {
    let (itemName, suffix) = VariableResolver.split(name)
    let item = try Query.resolve(itemName, in: survey.codebook, preferring: data.form.id)
    if item.formID == data.form.id {
      switch suffix {
      case "class": return try Categorization.amountClasses(item: item, in: data)
      case "era": return try Categorization.yearClasses(item: item, in: data, byDecade: false)
      case "decade": return try Categorization.yearClasses(item: item, in: data, byDecade: true)
      default: return try Categorization(item: item, in: data, organization: survey.organization)
      }
    }
    guard let roster = survey.roster, item.formID == roster.form.id, suffix == nil else {
      throw SurveyError.usage(
        "\(item.id) cannot be read for the rows of \(data.form.title)",
        expected: "an item of \(data.form.title) or of the overall form")
    }
    return try Categorization.joined(item: item, roster: roster, organization: survey.organization)
  }
}

/// The accumulators of one slice of a request's rows, and how to turn them into tables.
final class QuerySlice {
  var consumers: [RowConsumer] = []
  var makers: [() -> Table] = []

  func add(_ row: Row, weight: Int) {
    for consumer in consumers { consumer.add(row, weight) }
  }

  /// What the slice's tables read of a row.
  var reads: RowReads { consumers.reduce(RowReads(items: [])) { $0.union($1.reads) } }

  func tables() -> [Table] { makers.map { $0() } }
}
