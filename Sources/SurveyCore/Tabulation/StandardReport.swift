/// The report `kyodo tabulate` prints with no item: every form of the survey, tabulated the way
/// the secretariat reports to the committee. It is built from the codebook alone: item kinds
/// decide which tables each form gets.
public enum StandardReport {
  public static func make(_ survey: Survey, options: TableOptions = TableOptions()) throws(SurveyError)
    -> Report
  {
    var sections: [ReportSection] = []
    for data in survey.forms {
      sections.append(
        try section(for: data, in: survey, isRoster: data.form.rowNoun == "unit", options: options))
    }
    return Report(title: "kyodo standard report", sections: sections)
  }

  /// One form's tables, all filled in one pass over its rows.
  private static func section(for data: FormData, in survey: Survey, isRoster: Bool, options: TableOptions)
    throws(SurveyError) -> ReportSection
  {
    let form = data.form
    let organization = survey.organization
    let rowNoun = form.rowNoun
    guard let departmentItem = form.items.first(where: { $0.kind == .department }) else {
      return ReportSection(
        heading: form.title, summary: ["\(data.rowCount) \(plural(form.rowNoun))"], tables: [])
    }
    let byDepartment = try Categorization(item: departmentItem, in: data, organization: organization)
    let perDepartment = Frequency(byDepartment, rowNoun: rowNoun)
    var consumers: [RowConsumer] = [perDepartment.consumer]
    var tables: [() -> Table] = []
    func frequency(_ categorization: Categorization) -> Frequency {
      let frequency = Frequency(categorization, rowNoun: rowNoun)
      consumers.append(frequency.consumer)
      return frequency
    }
    func crosstab(_ item: Categorization, by breakdown: Categorization) -> Crosstab {
      let crosstab = Crosstab(item, by: breakdown, rowNoun: rowNoun)
      consumers.append(crosstab.consumer)
      return crosstab
    }

    if isRoster {
      for item in form.items where item.kind == .text {
        let answered = try Categorization(item: item, in: data, organization: organization)
        let table = crosstab(answered, by: byDepartment)
        tables.append { answeredTable(table) }
      }
      for item in form.items where item.kind.isCoded {
        let coded = try Categorization(item: item, in: data, organization: organization)
        let counts = frequency(coded)
        tables.append { counts.table(options) }
        for text in form.items where text.kind == .text {
          let answered = try Categorization(item: text, in: data, organization: organization)
          let table = crosstab(answered, by: coded)
          tables.append { table.table(options) }
        }
      }
    } else {
      tables.append { countTable(perDepartment) }
      for item in form.items where item.kind.isCoded {
        let coded = try Categorization(item: item, in: data, organization: organization)
        let counts = frequency(coded)
        tables.append { counts.table(options) }
      }
      let breakdowns = [departmentItem] + form.items.filter(\.isReportBreakdown)
      for figureItem in form.items where figureItem.kind == .amount || figureItem.kind == .year {
        for breakdown in figureItem.kind == .amount ? breakdowns : [departmentItem] {
          let categories =
            breakdown.id == departmentItem.id
            ? byDepartment : try Categorization(item: breakdown, in: data, organization: organization)
          let summary = try NumericSummary(accumulating: figureItem, by: categories, in: data)
          consumers.append(summary.consumer)
          tables.append { summary.table(options) }
        }
        let reasons = try MissingFigureReasons(accumulating: figureItem, in: data)
        consumers.append(reasons.consumer)
        tables.append { reasons.table() }
      }
    }
    data.tally(consumers)
    let departments = perDepartment.counts.filter { $0 > 0 }.count
    let summary = [
      "\(data.rowCount) \(plural(form.rowNoun)) in \(departments) departments (\(data.file), \(data.encoding.rawValue))"
    ]
    let built = tables.map { $0() }
    return ReportSection(heading: "\(form.title) (\(form.id))", summary: summary, tables: built)
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
