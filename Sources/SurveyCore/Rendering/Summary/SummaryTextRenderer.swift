/// Draws summaries for a terminal: each target under a ruled heading, every answer beside its item
/// with the labels aligned by display width, the figures as an aligned table, and the hearing
/// questions as a checklist.
public struct SummaryTextRenderer: Sendable, SummaryPieces {
  public var options: RenderOptions
  /// The labels of the last row printed, padded: every row of a form has the same.
  private var column: LabelColumn?

  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  public func render(_ document: SummaryDocument) -> String { rendered(document) }

  /// Writes a document to `sink` a piece at a time, reading an outline's rows as it goes.
  public func write<Failure: Error>(
    _ document: SummaryDocument, to sink: (String) throws(Failure) -> Void
  ) throws(Failure) {
    try writePieces(of: document, to: sink)
  }

  func opening(_ document: SummaryDocument) -> [String] { [] }

  func head(_ summary: UnitSummary, index: Int, of count: Int) -> [String] {
    let rule = String(repeating: "=", count: 72)
    var out = index > 0 ? [""] : []
    out += [rule, "\(SummaryWords.marker(index, of: count))  \(summary.target.name)"]
    out.append(summary.target.path.joined(separator: " > "))
    out.append(rule)
    if let roster = summary.rosterTitle {
      out += ["", "■ \(roster)"]
      var column: LabelColumn?
      for unit in summary.units {
        out.append("  \(SummaryWords.unitPlace(unit.unit))")
        out += answerLines(unit.answers, indent: 4, column: &column)
      }
    }
    out += ["", "■ \(SummaryWords.comparison)"]
    out += TextRenderer(options: options).render(
      Table(
        id: summary.comparison.table.id, title: "", columns: summary.comparison.table.columns,
        rows: summary.comparison.table.rows)
    ).dropFirst()
    out += summary.comparison.notes.map { "  " + $0 }
    for chart in summary.comparison.charts {
      out += [
        "",
        "  \(chart.title)  \(SummaryWords.target) n=\(chart.targetBase)  \(SummaryWords.city) n=\(chart.cityBase)",
      ]
      let width =
        chart.bars.map { DisplayWidth.of($0.label, ambiguousIsWide: options.ambiguousIsWide) }.max() ?? 0
      for bar in chart.bars {
        let label = DisplayWidth.pad(
          bar.label, to: width, alignRight: false, ambiguousIsWide: options.ambiguousIsWide)
        let own = SummaryWords.share(bar.target, decimals: options.decimals)
        let city = SummaryWords.share(bar.city, decimals: options.decimals)
        out.append("    \(label)  \(SummaryWords.target) \(own)  \(SummaryWords.city) \(city)")
      }
    }
    return out
  }

  func formHead(_ form: UnitSummary.FormEntries) -> [String] {
    ["", "■ \(SummaryWords.formHeading(form))"] + (form.count == 0 ? ["  \(SummaryWords.noEntries)"] : [])
  }

  mutating func entry(_ entry: UnitSummary.Entry) -> [String] {
    ["", "  [\(SummaryWords.entryHeading(entry))]", "    \(SummaryWords.entryPlace(entry))"]
      + answerLines(entry.answers, indent: 4, column: &column)
  }

  func tail(_ summary: UnitSummary, questions: HearingQuestions) -> [String] {
    guard !questions.questions.isEmpty else { return [] }
    var out = ["", "■ \(SummaryWords.hearing)"]
    for question in questions.questions {
      out += ["  [ ] \(question.number). \(question.text)", "      \(SummaryWords.notes):", ""]
    }
    out.removeLast()
    return out
  }

  func closing() -> [String] { [] }

  /// Each item's label, then its answer; an answer's further lines under its first. `column` is
  /// the last list of labels laid out, used again when these are the same.
  func answerLines(_ answers: [DecodedAnswer], indent: Int, column: inout LabelColumn?) -> [String] {
    let laidOut: LabelColumn
    if let column, column.matches(answers, indent: indent) {
      laidOut = column
    } else {
      laidOut = LabelColumn(answers, indent: indent, ambiguousIsWide: options.ambiguousIsWide)
      column = laidOut
    }
    var out: [String] = []
    out.reserveCapacity(answers.count)
    for (answer, head) in zip(answers, laidOut.heads) {
      for (line, text) in answer.lines.enumerated() {
        out.append(((line == 0 ? head : laidOut.continuation) + text).trailingSpacesTrimmed)
      }
    }
    return out
  }
}
