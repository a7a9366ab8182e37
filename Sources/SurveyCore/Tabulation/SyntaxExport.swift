/// Writes a crosstab's cases as a PSPP/SPSS syntax file with its data inline, so that PSPP's
/// CROSSTABS can check kyodo's statistics on exactly the same cases.
///
/// The cases are those the tests of independence use: rows with one answer to each item. Each
/// category is written as its position (1, 2, …) with a value label.
public enum SyntaxExport {
  /// The syntax file of a two-item query, with the warnings of the data.
  public static func crosstab(_ query: Query, on survey: Survey) throws(SurveyError) -> Outcome<String> {
    guard query.breakdown != nil else {
      throw SurveyError.usage("a syntax export needs two items", expected: "ITEM --by ITEM")
    }
    let (item, breakdown, rows) = try query.variables(on: survey)
    guard !item.isMultiple, !breakdown.isMultiple else {
      throw SurveyError.usage(
        "\(item.isMultiple ? item.id : breakdown.id) is multiple choice", expected: "two single-choice items")
    }
    let cases = IndependenceTest.cases(item, by: breakdown, rows: rows)
    var lines = [
      "* kyodo: \(item.name) by \(breakdown.name).",
      "* \(cases.counts.joined().reduce(0, +)) cases with one answer to each item.",
      "DATA LIST LIST /row col.",
      "BEGIN DATA.",
    ]
    for (r, line) in cases.counts.enumerated() {
      for (c, count) in line.enumerated() where count > 0 {
        lines += [String](repeating: "\(r + 1) \(c + 1)", count: count)
      }
    }
    lines.append("END DATA.")
    lines.append("VARIABLE LABELS row \(quoted(breakdown.name)) col \(quoted(item.name)).")
    lines.append("VALUE LABELS row " + valueLabels(breakdown) + " /col " + valueLabels(item) + ".")
    lines.append("CROSSTABS /TABLES=row BY col /STATISTICS=CHISQ PHI.")
    return try Outcome(lines.joined(separator: "\n") + "\n", readFrom: survey)
  }

  private static func valueLabels(_ variable: Categorization) -> String {
    variable.categories.enumerated().map { "\($0.offset + 1) \(quoted($0.element.display))" }.joined(
      separator: " ")
  }

  private static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }
}
