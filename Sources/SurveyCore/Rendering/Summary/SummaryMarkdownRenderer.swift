/// Writes summaries as Markdown: a heading per target, each unit's and each project's answers as
/// a two-column table, the figures as a table, and the hearing questions as a task list.
public struct SummaryMarkdownRenderer: Sendable, SummaryPieces {
  public var options: RenderOptions

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

  func opening(_ document: SummaryDocument) -> [String] { ["# \(escape(document.title))"] }

  func head(_ summary: UnitSummary, index: Int, of count: Int) -> [String] {
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
    return out
  }

  func formHead(_ form: UnitSummary.FormEntries) -> [String] {
    ["", "### \(escape(SummaryWords.formHeading(form)))"]
      + (form.count == 0 ? ["", SummaryWords.noEntries] : [])
  }

  func entry(_ entry: UnitSummary.Entry) -> [String] {
    [
      "", "#### \(escape(SummaryWords.entryHeading(entry)))", "", escape(SummaryWords.entryPlace(entry)),
      "",
    ] + answerTable(entry.answers)
  }

  func tail(_ summary: UnitSummary, questions: HearingQuestions) -> [String] {
    guard !questions.questions.isEmpty else { return [] }
    var out = ["", "### \(SummaryWords.hearing)", ""]
    for question in questions.questions {
      out.append(
        "- [ ] \(escape(question.number)). \(escape(question.text))<br>\(SummaryWords.notes):<br><br><br>")
    }
    return out
  }

  func closing() -> [String] { [] }

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
