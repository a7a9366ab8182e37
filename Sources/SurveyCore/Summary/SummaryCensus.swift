/// What `kyodo summary` counts of every form before it prints, whatever its targets: each distinct
/// combination of 部, 課 and 係 cells, first met first, with its number of rows, its amounts and
/// its multiple-choice answers. One counting pass over each form (in parts, on every core) gives
/// both the targets a survey offers (`SummaryTarget.all`) and every target's comparison with its
/// department and the city (`UnitSummary.outline`).
public struct SummaryCensus {
  /// The rows of one combination of 部, 課 and 係 cells.
  final class Group {
    /// A row holding only the combination's cells, placed in its unit.
    let row: Row
    private(set) var rows = 0
    /// Each amount item's sum in yen and the rows that gave one, in the form's order.
    private(set) var sums: [(yen: Int, given: Int)]
    /// Each multiple-choice item's answers, in the form's order.
    let multiples: [Frequency]

    init(row: Row, amounts: Int, multiples: [Frequency]) {
      self.row = row
      self.sums = [(yen: Int, given: Int)](repeating: (0, 0), count: amounts)
      self.multiples = multiples
    }

    func add(rows weight: Int) { rows += weight }

    func add(yen: Int, weight: Int, to position: Int) {
      sums[position].yen += yen * weight
      sums[position].given += weight
    }
  }

  /// One form's combinations, first met first.
  struct FormCensus {
    let data: FormData
    /// The positions of the form's amount items.
    let amountItems: [Int]
    /// The form's multiple-choice items and their categories.
    let multiples: [(item: Item, categories: Categorization)]
    var groups: [Group] = []
  }

  /// Every form's combinations, in the survey's order of forms.
  let forms: [FormCensus]

  /// Counts every form of a survey, each in one counting pass.
  public init(_ survey: Survey) throws(SurveyError) {
    var forms: [FormCensus] = []
    for data in survey.forms { forms.append(try Self.count(data, in: survey)) }
    self.forms = forms
  }

  /// Counts only the combinations of every form (no amounts or answers): the targets a survey
  /// offers, and no more.
  init(hierarchyOf survey: Survey) {
    forms = survey.forms.map { Self.count($0, in: survey, amountItems: [], multiples: []) }
  }

  /// The combinations of one form.
  func form(_ id: String) -> FormCensus? { forms.first { $0.data.form.id == id } }

  private static func count(_ data: FormData, in survey: Survey) throws(SurveyError) -> FormCensus {
    guard !data.form.isRoster else { return count(data, in: survey, amountItems: [], multiples: []) }
    let amountItems = data.form.items.indices.filter { data.form.items[$0].kind == .amount }
    var multiples: [(item: Item, categories: Categorization)] = []
    for item in data.form.items where item.kind == .multiple {
      multiples.append((item, try Categorization(item: item, in: data, organization: survey.organization)))
    }
    return count(data, in: survey, amountItems: amountItems, multiples: multiples)
  }

  /// The combinations of one form, with the sums of these amount items and the answers to these
  /// multiple-choice items.
  private static func count(
    _ data: FormData, in survey: Survey, amountItems: [Int],
    multiples: [(item: Item, categories: Categorization)]
  ) -> FormCensus {
    let hierarchy = UnitSummary.hierarchyItems(of: data, in: survey)
    let census = FormCensusBuilder(
      FormCensus(data: data, amountItems: amountItems, multiples: multiples), hierarchy: hierarchy)
    // The combinations alone come first: each part hands them over first, so that they are met
    // (and kept) in file order; the amounts' and answers' combinations then find theirs.
    var consumers = [
      RowConsumer(reads: RowReads(items: hierarchy, unit: true)) { row, weight in
        census.group(of: row).add(rows: weight)
      }
    ]
    for (position, index) in amountItems.enumerated() {
      consumers.append(
        RowConsumer(reads: RowReads(items: hierarchy + [index], unit: true)) { row, weight in
          guard case .amount(let amount) = row.values[index], let yen = amount.yen else { return }
          census.group(of: row).add(yen: yen, weight: weight, to: position)
        })
    }
    for (position, multiple) in multiples.enumerated() {
      let reads = RowReads(items: hierarchy + (multiple.categories.reads.items ?? []), unit: true)
      consumers.append(
        RowConsumer(reads: reads) { row, weight in
          census.group(of: row).multiples[position].add(row, weight: weight)
        })
    }
    data.tally(consumers)
    return census.census
  }
}
