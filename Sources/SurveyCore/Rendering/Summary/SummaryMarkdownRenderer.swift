/// Writes summaries as Markdown: a heading per target, each unit's and each project's answers as
/// a two-column table, the figures as a table, and the hearing questions as a task list.
public struct SummaryMarkdownRenderer: Sendable {
  public var options: RenderOptions

  public init(options: RenderOptions = RenderOptions()) {
    self.options = options
  }

  public func render(_ document: SummaryDocument) -> String {
    var out = ["# \(escape(document.title))"]
    for (index, summary) in document.summaries.enumerated() {
      out += render(summary, index: index, of: document.summaries.count, questions: document.questions)
    }
    return out.joined(separator: "\n") + "\n"
  }

  func render(_ summary: UnitSummary, index: Int, of count: Int, questions: HearingQuestions) -> [String] {
    var out = ["", "---", "", "## \(escape(summary.target.name))", ""]
    out.append(
      "\(SummaryWords.marker(index, of: count)) · \(escape(summary.target.path.joined(separator: " > ")))")
    if let roster = summary.rosterTitle {
      out += ["", "### \(escape(roster))"]
      for unit in summary.units {
        out += ["", "**\(escape(SummaryWords.unitPlace(unit.unit)))**", ""]
        out += answerTable(unit.answers)
      }
    }
    out += ["", "### \(SummaryWords.comparison)", ""]
    let table = summary.comparison.table
    out.append("| " + table.columns.map { escape($0.heading) }.joined(separator: " | ") + " |")
    out.append("|" + table.columns.indices.map { $0 == 0 ? "---|" : "---:|" }.joined())
    for row in table.rows {
      out.append(
        "| " + row.map { escape(SummaryWords.text($0, decimals: options.decimals)) }.joined(separator: " | ")
          + " |")
    }
    out.append("")
    out += summary.comparison.notes.map { "- " + escape($0) }
    for chart in summary.comparison.charts {
      out += [
        "",
        "**\(escape(chart.title))** (\(SummaryWords.target) n=\(chart.targetBase), \(SummaryWords.city) n=\(chart.cityBase))",
        "",
      ]
      out += ["| 選択肢 | \(SummaryWords.target) | \(SummaryWords.city) |", "|---|---:|---:|"]
      for bar in chart.bars {
        out.append(
          "| \(escape(bar.label)) | \(SummaryWords.share(bar.target, decimals: options.decimals)) | \(SummaryWords.share(bar.city, decimals: options.decimals)) |"
        )
      }
    }
    for form in summary.forms {
      out += ["", "### \(escape(SummaryWords.formHeading(form)))"]
      if form.entries.isEmpty { out += ["", SummaryWords.noEntries] }
      for entry in form.entries {
        out += [
          "", "#### \(escape(SummaryWords.entryHeading(entry)))", "", escape(SummaryWords.entryPlace(entry)),
          "",
        ]
        out += answerTable(entry.answers)
      }
    }
    if !questions.questions.isEmpty {
      out += ["", "### \(SummaryWords.hearing)", ""]
      for question in questions.questions {
        out.append(
          "- [ ] \(escape(question.number)). \(escape(question.text))<br>\(SummaryWords.notes):<br><br><br>")
      }
    }
    return out
  }

  func answerTable(_ answers: [DecodedAnswer]) -> [String] {
    var out = ["| 設問 | 回答 |", "|---|---|"]
    for answer in answers {
      let value = answer.lines.map(escape).joined(separator: "<br>")
      out.append("| \(escape(answer.label)) | \(answer.state == .answered ? value : "*\(value)*") |")
    }
    return out
  }

  func escape(_ text: String) -> String { text.markdownEscaped }
}
