/// The one pass of a planned query over the counted rows: the slices it fills (the whole
/// selection, or one per category of the layer) and the figures of the notes on the tables.
final class QueryPass {
  let plan: QueryPlan
  /// The rows kept, without a layer.
  let main: QuerySlice
  /// With a layer, the rows kept that did not answer it.
  let layerMissing: QuerySlice?
  /// With a layer, the slice of each of its categories met, by index.
  private var layered: [Int: QuerySlice] = [:]
  private let variables: [Categorization]
  private var kept = 0
  private var joinedRows = 0
  private var units = Set<UnitPath>()
  private var failure: SurveyError?
  /// Rows that gave several codes to a single-choice layer (counted in the tables of each).
  private var layerMultiplyCoded = 0

  /// Counts the rows of the plan's form.
  init(counting plan: QueryPlan) throws(SurveyError) {
    self.plan = plan
    main = try plan.slice()
    layerMissing = plan.layer == nil ? nil : try plan.slice()
    variables = plan.variables
    // The pass reads what the variables and the tables read, and the unit for the join figures.
    let reads = variables.reduce(main.reads.union(RowReads(items: [], unit: true))) { $0.union($1.reads) }
    plan.data.tally([RowConsumer(reads: reads) { [self] row, weight in add(row, weight: weight) }])
    if let failure { throw failure }
  }

  private func add(_ row: Row, weight: Int) {
    for variable in variables { variable.learn(from: row) }
    guard failure == nil, plan.filters.allSatisfy({ $0.keeps(row) }) else { return }
    kept += weight
    if let unit = row.unit {
      joinedRows += weight
      units.insert(unit)
    }
    guard let layer = plan.layer, let layerMissing else {
      main.add(row, weight: weight)
      return
    }
    let indexes = layer.categoryIndexes(of: row)
    if indexes.isEmpty { layerMissing.add(row, weight: weight) }
    if indexes.count > 1 && !layer.isMultiple { layerMultiplyCoded += weight }
    for index in indexes {
      if layered[index] == nil {
        do throws(SurveyError) {
          layered[index] = try plan.slice()
        } catch {
          failure = error
          return
        }
      }
      layered[index]?.add(row, weight: weight)
    }
  }

  /// The notes every table of the request carries: the filter and the join, with their figures.
  var notes: [String] {
    let data = plan.data
    var notes: [String] = []
    if !plan.filters.isEmpty {
      notes.append(
        "filter: " + plan.filters.map(\.description).joined(separator: " and ")
          + " (\(kept) of \(data.rowCount) \(plural(data.form.rowNoun)))")
    }
    if variables.contains(where: { $0.item.formID != data.form.id }) {
      let rosterUnits = plan.survey.organization.units.count
      notes.append(
        "joined on the unit: \(joinedRows) of \(kept) \(plural(data.form.rowNoun)) joined "
          + "(\(kept - joinedRows) without a unit of the overall form, counted as 結合なし); "
          + "they belong to \(units.count) of the \(rosterUnits) units, \(rosterUnits - units.count) units have none"
      )
    }
    if let layer = plan.layer, layerMultiplyCoded > 0 {
      let rows = counted(layerMultiplyCoded, data.form.rowNoun)
      notes.append(
        "\(rows) gave more than one code to single-choice \(layer.id) and \(layerMultiplyCoded == 1 ? "is" : "are") counted in the table of each."
      )
    }
    return notes
  }

  /// The filled slices, each with the note naming its layer category: without a layer, the whole
  /// selection; with one, every category in order (empty when no row fell in it), then 無回答.
  func slices() throws(SurveyError) -> [(note: String?, slice: QuerySlice)] {
    guard let layer = plan.layer, let layerMissing else { return [(nil, main)] }
    var slices: [(note: String?, slice: QuerySlice)] = []
    for index in layer.categories.indices {
      var slice = layered[index]
      if slice == nil { slice = try plan.slice() }
      guard let slice else { continue }
      slices.append(("layer: \(layer.name) = \(layer.categories[index].display)", slice))
    }
    slices.append(("layer: \(layer.name) = \(Category.notAnswered.label)", layerMissing))
    return slices
  }
}
