/// Reads one cell according to its item's kind.
public enum CellParser {
  /// Whether a cell says only that there is no answer. A coded cell that starts with a circled
  /// number, or that names an option (`特に無し` is an option of 課題), is an answer.
  static func isNonAnswer(_ cell: String, item: Item, codebook: Codebook) -> Bool {
    guard item.kind != .identifier, !item.kind.isHierarchy else { return false }
    if item.kind.isCoded {
      if let first = cell.unicodeScalars.first, CircledNumber.code(of: first) != nil { return false }
      if CodedAnswerParser.optionMatching(label: cell, in: item) != nil { return false }
    }
    return codebook.isNonAnswer(cell)
  }

  public static func parse(_ raw: String, item: Item, codebook: Codebook, at location: CellLocation) -> (
    value: Value, diagnostics: [Diagnostic]
  ) {
    let cell = raw.trimmingSpaces
    if cell.isEmpty { return (.blank, []) }
    if isNonAnswer(cell, item: item, codebook: codebook) { return (.nonAnswer(cell), []) }
    switch item.kind {
    case .department, .section, .unit, .level, .identifier, .text:
      return (.text(cell), [])
    case .single, .multiple:
      var (answers, diagnostics) = CodedAnswerParser.parse(cell, item: item, at: location)
      let distinct = Set(answers.map(\.code))
      if item.kind == .single, distinct.count > 1 {
        diagnostics.append(
          location.diagnostic(
            .warning,
            found:
              "\(distinct.count) codes (\(answers.map { CircledNumber.mark($0.code) }.joined())) in a single-choice item; the row is counted under each",
            expected: "one code"))
      }
      if answers.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
        diagnostics.append(
          location.diagnostic(
            .error, found: "'\(cell)' without a code", expected: CodedAnswerParser.expectedCodes(item)))
      }
      return (.codes(answers), diagnostics)
    case .amount, .year:
      var (answers, diagnostics) = CodedAnswerParser.parse(cell, item: item, at: location)
      guard let first = answers.first, !diagnostics.contains(where: { $0.severity == .error }) else {
        if answers.isEmpty && diagnostics.isEmpty {
          diagnostics.append(
            location.diagnostic(
              .error, found: "'\(cell)' without a code", expected: CodedAnswerParser.expectedCodes(item)))
        }
        return (.codes(answers), diagnostics)
      }
      if answers.count > 1 {
        diagnostics.append(
          location.diagnostic(
            .warning,
            found: "\(answers.count) answers in one \(item.kind.rawValue) cell; only the first is used",
            expected: "one answer"))
      }
      if item.kind == .amount {
        let (amount, amountDiagnostics) = AmountParser.parse(
          first, item: item, units: codebook.amountUnits, at: location)
        diagnostics += amountDiagnostics
        return (amount.map(Value.amount) ?? .codes(answers), diagnostics)
      }
      let (year, yearDiagnostics) = StartYearParser.parse(first, item: item, at: location)
      diagnostics += yearDiagnostics
      return (year.map(Value.year) ?? .codes(answers), diagnostics)
    }
  }
}
