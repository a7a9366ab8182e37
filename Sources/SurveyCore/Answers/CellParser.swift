/// Reads one cell according to its item's kind.
public enum CellParser {
  /// Whether a cell says only that there is no answer. A coded cell that starts with a circled
  /// number or a plain-number code (`2.無し`), or that names an option (`特に無し` is an option of
  /// 課題), is an answer.
  static func isNonAnswer(_ cell: String, item: Item, codebook: Codebook) -> Bool {
    guard item.kind != .identifier, !item.kind.isHierarchy else { return false }
    if item.kind.isCoded {
      if let first = cell.unicodeScalars.first, CircledNumber.code(of: first) != nil { return false }
      if CodedAnswerParser.optionMatching(label: cell, in: item) != nil { return false }
      // `2.無し` names option ②無し by a plain number: an answer, though 無し alone is a non-answer.
      if let line = cell.cellLines.first, PlainNumberCode.leading(line, item: item) != nil { return false }
    }
    return codebook.isNonAnswer(cell)
  }

  /// Whether a cell holds only characters that show nothing (U+200B, U+FEFF …) and spaces.
  static func isInvisible(_ cell: String) -> Bool {
    cell.unicodeScalars.allSatisfy { $0.isSpace || CellWords.invisibles.contains($0) }
  }

  /// The answers of an amount or year cell. A cell without any circled number that names no option
  /// but holds a figure is that figure, written without its code (`１，１８０` under
  /// `事業費（千円）`, `Ｈ２５`); any other such cell keeps the parser's error.
  static func figureAnswers(_ cell: String, item: Item, codebook: Codebook, at location: CellLocation) -> (
    answers: [CodedAnswer], diagnostics: [Diagnostic]
  ) {
    let parsed = CodedAnswerParser.parse(cell, item: item, at: location)
    guard parsed.answers.isEmpty, let figure = item.options.first(where: { $0.role == .figure }),
      !cell.unicodeScalars.contains(where: { CircledNumber.code(of: $0) != nil })
    else { return parsed }
    let written = TextNormalization.halfWidth(CodedAnswer.split(cell).label)
    let holdsFigure =
      item.kind == .amount
      ? AmountParser.hasFigure(
        CellWords.strippingApproximateMarkers(written).text.filter { !$0.isWhitespace && $0 != "," },
        units: codebook.amountUnits)
      : StartYearParser.eraYear(in: written) != nil || StartYearParser.westernYear(in: written) != nil
    guard holdsFigure else { return parsed }
    return ([CodedAnswer(code: figure.code, text: cell, codeInferred: true)], [])
  }

  public static func parse(_ raw: String, item: Item, codebook: Codebook, at location: CellLocation) -> (
    value: Value, diagnostics: [Diagnostic]
  ) {
    let cell = raw.trimmingSpaces
    if cell.isEmpty || isInvisible(cell) { return (.blank, []) }
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
      var (answers, diagnostics) = figureAnswers(cell, item: item, codebook: codebook, at: location)
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
