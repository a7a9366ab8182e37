/// Writes summaries as one self-contained HTML page for printing on A4: styles inside, no
/// external files, Japanese system fonts with generic fallbacks, each target starting a new page,
/// no project split across pages when it fits on one, and small inline SVG bars for the
/// multiple-choice items beside the city.
public struct SummaryHTMLRenderer: Sendable, SummaryPieces {
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

  func opening(_ document: SummaryDocument) -> [String] {
    [
      "<!DOCTYPE html>", "<html lang=\"ja\">", "<head>", "<meta charset=\"utf-8\">",
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
      "<title>\(escape(document.title))</title>", "<style>", SummaryHTMLRenderer.style, "</style>", "</head>",
      "<body>",
    ]
  }

  func head(_ summary: UnitSummary, index: Int, of count: Int) -> [String] {
    var out = ["<section class=\"target\">", "<header>"]
    out.append("<p class=\"marker\">\(escape(SummaryWords.marker(index, of: count)))</p>")
    out.append("<h1>\(escape(summary.target.name))</h1>")
    out.append("<p class=\"path\">\(escape(summary.target.path.joined(separator: " > ")))</p>")
    out.append("</header>")
    if let roster = summary.rosterTitle {
      out.append("<h2>\(escape(roster))</h2>")
      for unit in summary.units {
        out.append("<table class=\"answers unit\">")
        out.append(
          "<thead><tr><th colspan=\"4\" class=\"title\">\(escape(SummaryWords.unitPlace(unit.unit)))</th></tr></thead>"
        )
        out += answerRows(unit.answers)
        out.append("</table>")
      }
    }
    return out + comparison(summary.comparison)
  }

  func formHead(_ form: UnitSummary.FormEntries) -> [String] {
    ["<h2>\(escape(SummaryWords.formHeading(form)))</h2>"]
      + (form.count == 0 ? ["<p class=\"none\">\(SummaryWords.noEntries)</p>"] : [])
  }

  func entry(_ entry: UnitSummary.Entry) -> [String] {
    var out = ["<table class=\"answers entry\">"]
    out.append(
      "<thead><tr><th colspan=\"4\" class=\"title\"><span class=\"name\">\(escape(SummaryWords.entryHeading(entry)))</span>"
        + "<span class=\"place\">\(escape(SummaryWords.entryPlace(entry)))</span></th></tr></thead>")
    out += answerRows(entry.answers)
    out.append("</table>")
    return out
  }

  func tail(_ summary: UnitSummary, questions: HearingQuestions) -> [String] {
    var out: [String] = []
    if !questions.questions.isEmpty {
      out += [
        "<section class=\"hearing\">",
        "<h2>\(SummaryWords.hearing) <span class=\"of\">— \(escape(summary.target.name))</span></h2>",
        "<ol class=\"checklist\">",
      ]
      for question in questions.questions {
        out.append(
          "<li><span class=\"box\">☐</span><span class=\"number\">\(escape(question.number)).</span>"
            + "<span class=\"question\">\(escape(question.text))</span>"
            + "<span class=\"memo\">\(SummaryWords.notes)</span><span class=\"memo\"></span></li>")
      }
      out += ["</ol>", "</section>"]
    }
    out.append("</section>")
    return out
  }

  func closing() -> [String] { ["</body>", "</html>"] }

  /// The answers as table rows: two short answers side by side, a long one across the table.
  func answerRows(_ answers: [DecodedAnswer]) -> [String] {
    var out = ["<tbody>"]
    var pending: DecodedAnswer?
    func cells(_ answer: DecodedAnswer, span: Bool) -> String {
      let kind = answer.state == .answered ? (answer.isList ? " class=\"list\"" : "") : " class=\"none\""
      let value =
        answer.isList
        ? answer.lines.map { "<span class=\"code\">\(escape($0))</span>" }.joined(separator: " ")
        : answer.lines.map(escape).joined(separator: "<br>")
      return "<th>\(escape(answer.label))</th><td\(kind)\(span ? " colspan=\"3\"" : "")>\(value)</td>"
    }
    for answer in answers {
      if SummaryHTMLRenderer.isShort(answer) {
        if let first = pending {
          out.append("<tr>" + cells(first, span: false) + cells(answer, span: false) + "</tr>")
          pending = nil
        } else {
          pending = answer
        }
        continue
      }
      if let first = pending { out.append("<tr>" + cells(first, span: true) + "</tr>") }
      pending = nil
      out.append("<tr>" + cells(answer, span: true) + "</tr>")
    }
    if let first = pending { out.append("<tr>" + cells(first, span: true) + "</tr>") }
    out.append("</tbody>")
    return out
  }

  /// Whether an answer fits in half a row: one line of at most 18 characters.
  static func isShort(_ answer: DecodedAnswer) -> Bool {
    answer.lines.count == 1 && (answer.lines.first?.count ?? 0) <= 18
  }

  func comparison(_ comparison: SummaryComparison) -> [String] {
    var out = ["<h2>\(SummaryWords.comparison)</h2>", "<table class=\"figures\">", "<thead><tr>"]
    for column in comparison.table.columns { out.append("<th>\(escape(column.heading))</th>") }
    out += ["</tr></thead>", "<tbody>"]
    for row in comparison.table.rows {
      let cells = row.enumerated().map { index, cell in
        let text = escape(SummaryWords.text(cell, decimals: options.decimals))
        return index == 0 ? "<th>\(text)</th>" : "<td class=\"num\">\(text)</td>"
      }
      out.append("<tr>" + cells.joined() + "</tr>")
    }
    out += ["</tbody>", "</table>"]
    if !comparison.notes.isEmpty {
      out.append(
        "<ul class=\"notes\">" + comparison.notes.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
    }
    guard !comparison.charts.isEmpty else { return out }
    out.append(
      "<p class=\"legend\"><svg width=\"10\" height=\"8\" aria-hidden=\"true\"><rect width=\"10\" height=\"8\" class=\"own\"/></svg> \(SummaryWords.target)"
        + "　<svg width=\"10\" height=\"8\" aria-hidden=\"true\"><rect width=\"10\" height=\"8\" class=\"city\"/></svg> \(SummaryWords.city)"
        + "（複数回答: 回答した件数に対する割合）</p>")
    out.append("<div class=\"charts\">")
    for chart in comparison.charts { out += self.chart(chart) }
    out.append("</div>")
    return out
  }

  /// One chart: a row per option, its label, two bars (target above, city below) and both shares.
  func chart(_ chart: SummaryComparison.Chart) -> [String] {
    var out = ["<table class=\"chart\">"]
    out.append(
      "<caption>\(escape(chart.title)) <span class=\"bases\">\(SummaryWords.target) n=\(chart.targetBase) / \(SummaryWords.city) n=\(chart.cityBase)</span></caption>"
    )
    out.append("<tbody>")
    for bar in chart.bars {
      let own = bar.target.formatted(decimals: options.decimals) ?? "0"
      let city = bar.city.formatted(decimals: options.decimals) ?? "0"
      let svg =
        "<svg class=\"bars\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"\(SummaryWords.target) \(own)% \(SummaryWords.city) \(city)%\">"
        + "<rect x=\"0\" y=\"0.5\" width=\"\(own)\" height=\"6.5\" class=\"own\"/>"
        + "<rect x=\"0\" y=\"7.5\" width=\"\(city)\" height=\"4\" class=\"city\"/></svg>"
      out.append(
        "<tr><th>\(escape(bar.label))</th><td class=\"bar\">\(svg)</td>"
          + "<td class=\"num\">\(own)%</td><td class=\"num citynum\">\(city)%</td></tr>")
    }
    out += ["</tbody>", "</table>"]
    return out
  }

  /// Text safe in HTML content and attribute values.
  func escape(_ text: String) -> String {
    // Most texts hold none of these: each is a byte of its own in UTF-8.
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 })
    else { return text }
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }

  /// The page's styles: A4 print layout and Japanese fonts found on Windows, macOS and Linux.
  static let style = """
    @page { size: A4; margin: 14mm 13mm 15mm 13mm; }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    html {
      font-family: "Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic", YuGothic, Meiryo,
        "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic", "IPAGothic", "IPAPGothic", sans-serif;
      font-size: 9pt; line-height: 1.45; color: #111;
    }
    body { margin: 0; }
    @media screen { body { max-width: 184mm; margin: 1em auto; padding: 0 1em; } }
    section.target { break-before: page; }
    section.target:first-of-type { break-before: auto; }
    header { border-bottom: 1.5pt solid #223; margin-bottom: 6pt; }
    .marker { margin: 0; font-size: 8pt; color: #555; }
    h1 { font-size: 16pt; margin: 0; }
    .path { margin: 0 0 3pt; }
    h2 { font-size: 11pt; margin: 10pt 0 4pt; padding: 1pt 0 1pt 5pt; border-left: 4pt solid #2b4c7e;
      break-after: avoid; }
    table { border-collapse: collapse; width: 100%; margin: 0 0 6pt; }
    th, td { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left;
      overflow-wrap: anywhere; word-break: break-word; }
    table.answers { break-inside: avoid; }
    table.answers tr { break-inside: avoid; }
    table.answers tbody th { width: 9.5em; background: #f2f2f2; font-weight: normal; }
    table.answers thead th.title { background: #dfe6f0; font-weight: bold; }
    th.title .place { float: right; font-weight: normal; font-size: 8pt; color: #333; }
    td.list .code { display: inline-block; margin-right: 0.8em; }
    td.none, p.none { color: #666; font-style: italic; }
    table.figures th { background: #f2f2f2; font-weight: normal; }
    table.figures thead th { text-align: center; font-weight: bold; }
    td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    ul.notes { margin: 0 0 6pt; padding-left: 1.4em; font-size: 8.5pt; }
    p.legend { margin: 4pt 0; font-size: 8pt; }
    .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 0 10pt; }
    table.chart { break-inside: avoid; font-size: 8pt; }
    table.chart caption { text-align: left; font-weight: bold; padding: 2pt 0; }
    table.chart .bases { font-weight: normal; color: #555; }
    table.chart th { width: 40%; font-weight: normal; border: none; border-bottom: 0.5pt solid #ddd; }
    table.chart td { border: none; border-bottom: 0.5pt solid #ddd; padding: 1pt 3pt; }
    table.chart td.bar { width: 34%; vertical-align: middle; }
    svg.bars { display: block; width: 100%; height: 12px; background: #fafafa; }
    rect.own { fill: #2b4c7e; }
    rect.city { fill: #a9b9d3; }
    .citynum { color: #667; }
    section.hearing { break-before: page; }
    section.hearing h2 .of { font-weight: normal; }
    ol.checklist { list-style: none; padding: 0; margin: 0; }
    ol.checklist li { break-inside: avoid; margin: 0 0 4pt; padding: 2pt 0; }
    ol.checklist .box { font-size: 11pt; margin-right: 4pt; }
    ol.checklist .number { margin-right: 3pt; font-weight: bold; }
    ol.checklist .memo { display: block; height: 9mm; border-bottom: 0.5pt dotted #777; margin-left: 1.6em;
      font-size: 7.5pt; color: #777; }
    """
}
