/// A form's census as a counting pass fills it: the group of each combination of 部, 課 and 係
/// cells, found by their values.
final class FormCensusBuilder {
  private(set) var census: SummaryCensus.FormCensus
  private let hierarchy: [Int]
  private var known: [[Value]: SummaryCensus.Group] = [:]
  private var key: [Value]

  init(_ census: SummaryCensus.FormCensus, hierarchy: [Int]) {
    self.census = census
    self.hierarchy = hierarchy
    self.key = [Value](repeating: .blank, count: hierarchy.count)
  }

  /// The group of a row's 部, 課 and 係 cells, made when first met.
  func group(of row: Row) -> SummaryCensus.Group {
    for (position, item) in hierarchy.enumerated() { key[position] = row.values[item] }
    if let group = known[key] { return group }
    var values = [Value](repeating: .blank, count: row.values.count)
    for item in hierarchy { values[item] = row.values[item] }
    let rowNoun = census.data.form.rowNoun
    let group = SummaryCensus.Group(
      row: Row(line: 0, values: values, unit: row.unit), amounts: census.amountItems.count,
      multiples: census.multiples.map { Frequency($0.categories, rowNoun: rowNoun) })
    known[key] = group
    census.groups.append(group)
    return group
  }
}
