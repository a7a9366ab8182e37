/// How a target stands beside its department (the unit at the level above it) and the whole city: its number of rows and amounts
/// in each project or entry form, how often its units answered each free-text item of the roster,
/// and, per multiple-choice item, the shares of its rows in each option against the city's.
public struct SummaryComparison: Sendable {
  /// One multiple-choice item: the options the target's rows chose, as shares of the target's
  /// rows that answered it, beside the same shares for the city (multiple answers, so the base
  /// is the rows that answered, as in the standard report).
  public struct Chart: Sendable {
    /// One option: its display label, the target's share and the city's.
    public struct Bar: Sendable {
      public var label: String
      public var target: Percent
      public var city: Percent
    }

    public var form: Form
    public var item: Item
    public var bars: [Bar]
    /// The target's rows that answered the item.
    public var targetBase: Int
    /// The city's rows that answered the item.
    public var cityBase: Int

    /// The title, e.g. `Ａ調査票 ４ 形態 (MA)`.
    public var title: String {
      "\(form.title) \(DecodedAnswer(.blank, item: item).label) (MA)"
    }
  }

  /// Figures by row: the target, its department (left out when the target is a department), the
  /// city and the target's share of the city.
  public var table: Table
  /// How each figure was counted, and whether the department answered each free-text item more or
  /// less often than the city.
  public var notes: [String]
  public var charts: [Chart]

  /// The comparison's counts of one project or entry form, summed from its census (one counting
  /// pass, whatever the targets): the target's, its department's and the city's rows and amounts,
  /// the target's and the city's multiple-choice answers, and how many of its rows the summary lists.
  final class FormTally {
    let data: FormData
    let amountItems: [Int]
    let multiples: [(item: Item, categories: Categorization, mine: Frequency, city: Frequency)]
    /// Rows of the target, its department and the city.
    private(set) var counts = [0, 0, 0]
    /// For each scope, each amount item's sum in yen and the rows that gave one.
    private(set) var sums: [[(yen: Int, given: Int)]]
    /// The target's rows that its summary lists (`UnitSummary.lists`): in a form without a 係
    /// column, a team's comparison counts its unit's rows, but it lists none.
    private(set) var listed = 0

    init(_ census: SummaryCensus.FormCensus, target: SummaryTarget, in survey: Survey) {
      let data = census.data
      self.data = data
      amountItems = census.amountItems
      let rowNoun = data.form.rowNoun
      multiples = census.multiples.map { multiple in
        (
          multiple.item, multiple.categories, Frequency(multiple.categories, rowNoun: rowNoun),
          Frequency(multiple.categories, rowNoun: rowNoun)
        )
      }
      sums = [[(yen: Int, given: Int)]](repeating: amountItems.map { _ in (0, 0) }, count: 3)
      let parent = target.parent
      for group in census.groups {
        let row = group.row
        let covered = [
          SummaryComparison.covers(row, of: data, target, in: survey),
          parent.map { SummaryComparison.covers(row, of: data, $0, in: survey) } ?? false, true,
        ]
        for scope in 0..<3 where covered[scope] {
          counts[scope] += group.rows
          for position in amountItems.indices {
            sums[scope][position].yen += group.sums[position].yen
            sums[scope][position].given += group.sums[position].given
          }
        }
        if UnitSummary.lists(row, of: data, for: target, in: survey) { listed += group.rows }
        for (position, multiple) in multiples.enumerated() {
          if covered[0] { multiple.mine.add(group.multiples[position]) }
          multiple.city.add(group.multiples[position])
        }
      }
    }
  }

  /// The comparison from the forms' tallies, already made (`UnitSummary` makes them in the pass
  /// that finds the target's rows).
  static func make(_ target: SummaryTarget, in survey: Survey, tallies: [FormTally]) -> SummaryComparison {
    let parent = target.parent
    let levels = survey.organization.levels
    let parentWord = parent.map { $0.names.count - 1 }.flatMap {
      levels.indices.contains($0) ? levels[$0].name : nil
    }
    var parts = Parts(parentWord: parent == nil ? nil : parentWord ?? "部")
    for tally in tallies {
      parts.addFigures(of: tally)
      parts.addCharts(of: tally)
    }
    if let roster = survey.roster {
      parts.addAnswerRates(of: roster, for: target, in: survey)
    }
    var columns = [Column("figure", "指標"), Column("target", target.name)]
    if let parent { columns.append(Column("department", parent.name)) }
    columns += [Column("city", "市全体"), Column("share", "市全体に占める割合（%）")]
    let table = Table(id: "summary-comparison", title: "市全体との比較", columns: columns, rows: parts.figures)
    return SummaryComparison(table: table, notes: parts.notes, charts: parts.charts)
  }

  /// The rows of figures, the notes and the charts of a comparison, added form by form.
  private struct Parts {
    /// The word for the level of the unit the target is compared with (`部`, `局・区`), or nil when
    /// it is compared with the city alone.
    let parentWord: String?
    var showsDepartment: Bool { parentWord != nil }
    var figures: [[Cell]] = []
    var notes: [String] = []
    var charts: [Chart] = []

    init(parentWord: String?) {
      self.parentWord = parentWord
    }

    /// A form's number of rows and each amount item's sum, for the target, its department and the
    /// city, with a note per amount on how many rows gave one.
    mutating func addFigures(of tally: FormTally) {
      let data = tally.data
      let counts = tally.counts
      addRow(
        "\(data.form.title) 件数", counts.map(Cell.count), share: .percent(Percent(counts[0], of: counts[2])))
      for (position, index) in tally.amountItems.enumerated() {
        let item = data.form.items[index]
        let scoped = tally.sums.map { $0[position] }
        let label = DecodedAnswer(.blank, item: item).label
        addRow(
          "\(data.form.title) \(label)（千円）", scoped.map { Cell.yen($0.yen) },
          share: .percent(Percent(scoped[0].yen, of: scoped[2].yen)))
        let given = zip(scoped, counts).map { "\($0.given)/\($1)" }
        notes.append(
          "\(data.form.title) \(label): 金額を記入した\(data.form.title)の合計（記入あり "
            + (showsDepartment
              ? "対象 \(given[0])、\(parentWord ?? "部") \(given[1])、市全体 \(given[2])"
              : "対象 \(given[0])、市全体 \(given[2])") + "件）。")
      }
    }

    /// A chart per multiple-choice item the target's rows answered: each option they chose.
    mutating func addCharts(of tally: FormTally) {
      for (item, categories, mine, city) in tally.multiples {
        guard mine.answered > 0 else { continue }
        var bars: [Chart.Bar] = []
        for (index, category) in categories.categories.enumerated() where mine.counts[index] > 0 {
          bars.append(
            Chart.Bar(
              label: category.display, target: Percent(mine.counts[index], of: mine.answered),
              city: Percent(city.counts[index], of: city.answered)))
        }
        charts.append(
          Chart(
            form: tally.data.form, item: item, bars: bars, targetBase: mine.answered, cityBase: city.answered)
        )
      }
    }

    /// How often the roster's units answered each free-text item, with a note that compares the
    /// department's rate with the city's.
    mutating func addAnswerRates(of roster: FormData, for target: SummaryTarget, in survey: Survey) {
      // A unit of the top level is its own department here, as it always was.
      let department = target.parent ?? SummaryTarget(level: .department, department: target.department)
      let own = SummaryComparison.rows(of: roster, covered: target, in: survey)
      let departmentRows = SummaryComparison.rows(of: roster, covered: department, in: survey)
      for (index, item) in roster.form.items.enumerated() where item.kind == .text {
        let label = DecodedAnswer(.blank, item: item).label
        let answered = [own, departmentRows, roster.rows].map { rows in
          Percent(rows.filter { $0.values[index].isAnswered }.count, of: rows.count)
        }
        addRow("\(roster.form.title) \(label) 回答率（%）", answered.map(Cell.percent), share: .empty)
        let departmentRate = answered[1]
        let cityRate = answered[2]
        let comparison = departmentRate.count * cityRate.base - cityRate.count * departmentRate.base
        let verdict = comparison > 0 ? "より高い" : comparison < 0 ? "より低い" : "と同じ"
        let rate = SummaryComparison.rate
        notes.append(
          "\(label): \(department.name)の回答率 \(rate(departmentRate))は、市全体の \(rate(cityRate))\(verdict)。")
      }
    }

    /// A row: the label, the target's value, the department's when shown, the city's, the share.
    private mutating func addRow(_ label: String, _ values: [Cell], share: Cell) {
      figures.append([.text(label), values[0]] + (showsDepartment ? [values[1]] : []) + [values[2], share])
    }
  }

  /// A rate as `66.7%（4/6）`.
  static func rate(_ percent: Percent) -> String {
    "\(percent.formatted() ?? "-")%（\(percent.count)/\(percent.base)）"
  }

  /// The rows of a form a target covers (the roster's, held in memory).
  static func rows(of data: FormData, covered target: SummaryTarget, in survey: Survey) -> [Row] {
    data.rows.filter { covers($0, of: data, target, in: survey) }
  }

  /// Whether a target covers a row; in a form without a 係 column (the roster), a team covers its
  /// unit's rows.
  static func covers(_ row: Row, of data: FormData, _ target: SummaryTarget, in survey: Survey) -> Bool {
    guard let team = survey.teamItem(in: data) else { return target.covers(survey.unit(of: row, in: data)) }
    return target.covers(survey.unit(of: row, in: data), team: row.values[team].text ?? "")
  }
}
