/// Draws summaries for a terminal: each target under a ruled heading, every answer beside its item
/// with the labels aligned by display width, the figures as an aligned table, and the hearing
/// questions as a checklist.
public struct SummaryTextRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  public func render(_ document: SummaryDocument) -> String {
    var out: [String] = []
    for (index, summary) in document.summaries.enumerated() {
      if index > 0 { out.append("") }
      out += render(summary, index: index, of: document.summaries.count, questions: document.questions)
    }
    return out.joined(separator: "\n") + "\n"
  }

  func render(_ summary: UnitSummary, index: Int, of count: Int, questions: HearingQuestions) -> [String] {
    let rule = String(repeating: "=", count: 72)
    var out = [rule, "\(SummaryWords.marker(index, of: count))  \(summary.target.name)"]
    out.append(summary.target.path.joined(separator: " > "))
    out.append(rule)
    if let roster = summary.rosterTitle {
      out += ["", "■ \(roster)"]
      for unit in summary.units {
        out.append("  \(SummaryWords.unitPlace(unit.unit))")
        out += answerLines(unit.answers, indent: 4)
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
    for form in summary.forms {
      out += ["", "■ \(SummaryWords.formHeading(form))"]
      if form.entries.isEmpty { out.append("  \(SummaryWords.noEntries)") }
      for entry in form.entries {
        out += ["", "  [\(SummaryWords.entryHeading(entry))]", "    \(SummaryWords.entryPlace(entry))"]
        out += answerLines(entry.answers, indent: 4)
      }
    }
    if !questions.questions.isEmpty {
      out += ["", "■ \(SummaryWords.hearing)"]
      for question in questions.questions {
        out += ["  [ ] \(question.number). \(question.text)", "      \(SummaryWords.notes):", ""]
      }
      out.removeLast()
    }
    return out
  }

  /// Each item's label, then its answer; an answer's further lines under its first.
  func answerLines(_ answers: [DecodedAnswer], indent: Int) -> [String] {
    let width = answers.map { DisplayWidth.of($0.label, ambiguousIsWide: options.ambiguousIsWide) }.max() ?? 0
    let margin = String(repeating: " ", count: indent)
    var out: [String] = []
    for answer in answers {
      let label = DisplayWidth.pad(
        answer.label, to: width, alignRight: false, ambiguousIsWide: options.ambiguousIsWide)
      for (line, text) in answer.lines.enumerated() {
        let head = line == 0 ? label : String(repeating: " ", count: width)
        out.append((margin + head + "  " + text).trailingSpacesTrimmed)
      }
    }
    return out
  }
}
