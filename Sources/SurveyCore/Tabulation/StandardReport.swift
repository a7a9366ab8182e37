/// The report `kyodo tabulate` prints with no item: every form of the survey, tabulated the way
/// the secretariat reports to the committee. It is built from the codebook alone: item kinds
/// decide which tables each form gets.
public enum StandardReport {
  /// Every form's tables, each form's filled in one pass, with the warnings of the data.
  public static func make(_ survey: Survey, options: TableOptions = TableOptions()) throws(SurveyError)
    -> Outcome<Report>
  {
    var sections: [ReportSection] = []
    for data in survey.forms {
      sections.append(
        try section(for: data, in: survey, isRoster: data.form.isRoster, options: options))
    }
    return try Outcome(Report(title: "kyodo standard report", sections: sections), readFrom: survey)
  }

  /// One form's tables, all filled in one pass over its rows.
  private static func section(for data: FormData, in survey: Survey, isRoster: Bool, options: TableOptions)
    throws(SurveyError) -> ReportSection
  {
    let form = data.form
    let organization = survey.organization
    guard let departmentItem = form.items.first(where: { $0.kind.isHierarchy && $0.level == 0 }) else {
      // The rows are counted by a pass of their own: an export's are known only once read.
      var rows = 0
      data.tally([RowConsumer(reads: RowReads(items: [])) { _, weight in rows += weight }])
      return ReportSection(heading: form.title, summary: ["\(rows) \(plural(form.rowNoun))"], tables: [])
    }
    let byDepartment = try Categorization(item: departmentItem, in: data, organization: organization)
    let perDepartment = Frequency(byDepartment, rowNoun: form.rowNoun)
    var plan = SectionPlan(
      data: data, organization: organization, options: options, spill: survey.figureSpill)
    plan.consumers.append(perDepartment.consumer)
    if isRoster {
      try plan.addRosterTables(byDepartment: byDepartment)
    } else {
      plan.tables.append { countTable(perDepartment) }
      try plan.addFormTables(departmentItem: departmentItem, byDepartment: byDepartment)
    }
    data.tally(plan.consumers)
    let departments = perDepartment.counts.filter { $0 > 0 }.count
    // The top level's name, when the codebook declares its levels (局・区); the 2010 survey's 部 are departments.
    let levels = survey.codebook.levels
    let topLevel = levels == Level.implicit ? "departments" : levels.first?.name ?? "departments"
    let summary = [
      "\(data.rowCount) \(plural(form.rowNoun)) in \(departments) \(topLevel) (\(data.file), \(data.encoding.rawValue))"
    ]
    let built = plan.tables.map { $0() }
    return ReportSection(heading: "\(form.title) (\(form.id))", summary: summary, tables: built)
  }

  /// The tables of one form, in order, each with the consumer that fills it as the rows go by.
  private struct SectionPlan {
    let data: FormData
    let organization: Organization
    let spill: FigureSpill?
    let options: TableOptions
    var consumers: [RowConsumer] = []
    var tables: [() -> Table] = []

    init(data: FormData, organization: Organization, options: TableOptions, spill: FigureSpill?) {
      self.data = data
      self.organization = organization
      self.spill = spill
      self.options = options
    }

    /// The roster's tables: answered per department for each free-text item, then each coded
    /// item's counts and its free-text items answered per code.
    mutating func addRosterTables(byDepartment: Categorization) throws(SurveyError) {
      let form = data.form
      for item in form.items where item.kind == .text {
        let answered = try categorization(of: item)
        let table = crosstab(answered, by: byDepartment)
        tables.append { StandardReport.answeredTable(table) }
      }
      for item in form.items where item.kind.isCoded {
        let coded = try categorization(of: item)
        let counts = frequency(coded)
        let options = options
        tables.append { counts.table(options) }
        for text in form.items where text.kind == .text {
          let answered = try categorization(of: text)
          let table = crosstab(answered, by: coded)
          tables.append { table.table(options) }
        }
      }
    }

    /// A questionnaire's tables: each coded item's counts, then each amount or start year by its
    /// breakdowns, with the reasons rows gave no figure.
    mutating func addFormTables(departmentItem: Item, byDepartment: Categorization) throws(SurveyError) {
      let form = data.form
      let options = options
      for item in form.items where item.kind.isCoded {
        let coded = try categorization(of: item)
        let counts = frequency(coded)
        tables.append { counts.table(options) }
      }
      // The top level is always a breakdown: flagged `breakdown` too, it is not printed twice.
      let breakdowns =
        [departmentItem] + form.items.filter { $0.isReportBreakdown && $0.id != departmentItem.id }
      for figureItem in form.items where figureItem.kind == .amount || figureItem.kind == .year {
        for breakdown in figureItem.kind == .amount ? breakdowns : [departmentItem] {
          let categories =
            breakdown.id == departmentItem.id ? byDepartment : try categorization(of: breakdown)
          let summary = try NumericSummary(
            accumulating: figureItem, by: categories, in: data, spillingInto: spill)
          consumers.append(summary.consumer)
          tables.append { summary.table(options) }
        }
        let reasons = try MissingFigureReasons(accumulating: figureItem, in: data)
        consumers.append(reasons.consumer)
        tables.append { reasons.table() }
      }
    }

    private func categorization(of item: Item) throws(SurveyError) -> Categorization {
      try Categorization(item: item, in: data, organization: organization)
    }

    private mutating func frequency(_ categorization: Categorization) -> Frequency {
      let frequency = Frequency(categorization, rowNoun: data.form.rowNoun)
      consumers.append(frequency.consumer)
      return frequency
    }

    private mutating func crosstab(_ item: Categorization, by breakdown: Categorization) -> Crosstab {
      let crosstab = Crosstab(item, by: breakdown, rowNoun: data.form.rowNoun)
      consumers.append(crosstab.consumer)
      return crosstab
    }
  }

  /// Rows per department: 全体 first, then each department, then rows without one.
  public static func countTable(_ frequency: Frequency) -> Table {
    let item = frequency.categorization.item
    var rows: [[Cell]] = [
      [
        .text("全体"), .count(frequency.rowCount),
        .percent(Percent(frequency.rowCount, of: frequency.rowCount)),
      ]
    ]
    for (category, count) in zip(frequency.categorization.categories, frequency.counts) {
      rows.append([.text(category.display), .count(count), .percent(Percent(count, of: frequency.rowCount))])
    }
    rows.append([
      .text(Category.notAnswered.label), .count(frequency.notAnswered),
      .percent(Percent(frequency.notAnswered, of: frequency.rowCount)),
    ])
    return Table(
      id: "\(item.formID).count-by-\(item.id)", title: "\(plural(frequency.rowNoun)) by \(item.displayName)",
      columns: [Column("row", item.title), Column("n"), Column("percent", "%")], rows: rows)
  }

  /// Answered and not answered per breakdown row, for a free-text item, on one line per row.
  public static func answeredTable(_ crosstab: Crosstab) -> Table {
    let item = crosstab.item.item
    var rows: [[Cell]] = []
    for line in [crosstab.total] + crosstab.lines {
      let answered = line.counts.first ?? 0
      rows.append([
        .text(line.category.display), .count(line.rowCount), .count(answered),
        .percent(Percent(answered, of: line.rowCount)),
        .count(line.notAnswered), .percent(Percent(line.notAnswered, of: line.rowCount)),
      ])
    }
    return Table(
      id: "\(item.id)-answered-by-\(crosstab.breakdown.item.id)",
      title: "\(item.displayName): answered by \(crosstab.breakdown.item.displayName)",
      columns: [
        Column("row", crosstab.breakdown.item.title), Column("n"), Column("answered", "回答あり"),
        Column("answered_percent", "%"),
        Column("not_answered", "無回答"), Column("not_answered_percent", "%"),
      ],
      rows: rows,
      notes: ["無回答 = blank or a non-answer such as 記入なし, 特になし, 該当なし (see the codebook's nonanswer list)."])
  }
}
