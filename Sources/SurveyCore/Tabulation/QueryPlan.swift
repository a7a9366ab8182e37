/// A query with every name resolved once: the counted form, the variables of the item, the
/// breakdown and the layer, and the filters bound to their codes.
///
/// Planning throws the request's usage errors (an unknown item, items of two questionnaires, a
/// filter's unknown code, an item with nothing to count) before any row is counted; `run` then
/// makes the one pass over the rows.
public struct QueryPlan: Sendable {
  public let query: Query
  let survey: Survey
  /// The rows counted.
  public let data: FormData
  public let variable: Categorization
  public let breakdown: Categorization?
  public let layer: Categorization?
  public let filters: [BoundFilter]

  init(_ query: Query, on survey: Survey) throws(SurveyError) {
    let names = [query.item] + [query.breakdown, query.layer].compactMap { $0 } + query.filters.map(\.item)
    let resolver = try VariableResolver(names: names, in: survey)
    self.query = query
    self.survey = survey
    data = resolver.data
    variable = try resolver.variable(query.item)
    breakdown = try query.breakdown.map { name throws(SurveyError) in try resolver.variable(name) }
    layer = try query.layer.map { name throws(SurveyError) in try resolver.variable(name) }
    var bound: [BoundFilter] = []
    for filter in query.filters { bound.append(try filter.bind(to: try resolver.variable(filter.item))) }
    filters = bound
    // The tables make their own checks (an identifier has nothing to count) on a slice left empty.
    _ = try slice()
  }

  /// Every variable the pass reads: the item's, the breakdown's, the layer's and the filters'.
  var variables: [Categorization] {
    [variable] + [breakdown, layer].compactMap { $0 } + filters.map(\.variable)
  }

  /// Counts the rows in one pass and returns the tables, with the warnings of the data read.
  public func run() throws(SurveyError) -> Outcome<Report> {
    let pass = try QueryPass(counting: self)
    let notes = pass.notes
    var tables: [Table] = []
    for (note, slice) in try pass.slices() {
      tables += labelled(slice.tables(), notes: notes, layerNote: note)
    }
    let report = Report(title: "kyodo tabulate", sections: [ReportSection(heading: "", tables: tables)])
    return try Outcome(report, readFrom: survey)
  }

  /// A slice's tables with the request's notes first; a layer's category is also named in their
  /// titles and ids.
  private func labelled(_ tables: [Table], notes: [String], layerNote: String?) -> [Table] {
    var tables = tables
    let notes = notes + (layerNote.map { [$0] } ?? [])
    for index in tables.indices {
      tables[index].notes = notes + tables[index].notes
      if let layerNote {
        tables[index].title += "  [\(layerNote)]"
        tables[index].id += "@" + layerNote
        tables[index].long?.id += "@" + layerNote
      }
    }
    return tables
  }

  /// The tables of one slice of the rows, as accumulators to be filled a row at a time.
  func slice() throws(SurveyError) -> QuerySlice {
    let item = variable.item
    let rowNoun = data.form.rowNoun
    let options = query.options
    let isFigure = (item.kind == .amount || item.kind == .year) && variable.id == item.id
    let slice = QuerySlice()
    if let breakdown {
      if isFigure {
        let summary = try NumericSummary(
          accumulating: item, by: breakdown, in: data, spillingInto: survey.figureSpill)
        slice.consumers.append(summary.consumer)
        slice.makers.append { summary.table(options) }
      }
      let crosstab = Crosstab(variable, by: breakdown, rowNoun: rowNoun)
      slice.consumers.append(crosstab.consumer)
      slice.makers.append { crosstab.table(options) }
      if query.statistics {
        slice.makers.append { QueryPlan.statisticsTable(crosstab) }
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
      slice.makers.append { frequency.table(options) }
    }
    if isFigure {
      if let department = data.form.items.first(where: { $0.kind.isHierarchy && $0.level == 0 }) {
        let byDepartment = try Categorization(item: department, in: data, organization: survey.organization)
        let summary = try NumericSummary(
          accumulating: item, by: byDepartment, in: data, spillingInto: survey.figureSpill)
        slice.consumers.append(summary.consumer)
        slice.makers.append { summary.table(options) }
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
}
