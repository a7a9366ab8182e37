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

  /// Resolves every name of the request, before any row is counted.
  public func plan(on survey: Survey) throws(SurveyError) -> QueryPlan {
    try QueryPlan(self, on: survey)
  }

  /// Plans the request and counts its rows in one pass: the tables, with the warnings of the data.
  public func run(on survey: Survey) throws(SurveyError) -> Outcome<Report> {
    try plan(on: survey).run()
  }

  /// The item, the breakdown and the filtered rows of a two-item request, without layers.
  public func variables(on survey: Survey) throws(SurveyError) -> (Categorization, Categorization, [Row]) {
    guard let breakdown else { throw SurveyError.usage("no breakdown item", expected: "ITEM --by ITEM") }
    let resolver = try VariableResolver(names: [item, breakdown] + filters.map(\.item), in: survey)
    var bound: [BoundFilter] = []
    for filter in filters { bound.append(try filter.bind(to: try resolver.variable(filter.item))) }
    let rows = resolver.data.rows.filter { row in bound.allSatisfy { $0.keeps(row) } }
    return (try resolver.variable(item), try resolver.variable(breakdown), rows)
  }

  /// The one item a name means; several forms may share a title, then the preferred form's wins.
  public static func resolve(_ name: String, in codebook: Codebook, preferring formID: String?)
    throws(SurveyError) -> Item
  {
    try ItemName(name, in: codebook, derived: false).item(preferring: formID)
  }
}
