/// The checks of `kyodo check` that reading a cell alone cannot make: they need a whole form, a
/// reference year, or the raw text of every cell.
enum FormChecks {
  /// An identifier (a project number) used on a second row is an error at each later row.
  static func duplicateIdentifiers(_ data: FormData, columns: [Int?]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (index, item) in data.form.items.enumerated() where item.kind == .identifier {
      var firstLine: [String: Int] = [:]
      for row in data.rows {
        guard let text = row.values[index].text else { continue }
        let key = TextNormalization.matchKey(text)
        if let first = firstLine[key] {
          diagnostics.append(
            Diagnostic(
              .error, file: data.file, line: row.line, column: columns[index].map { $0 + 1 },
              item: item.displayName, found: "'\(text)', already used on line \(first)",
              expected: "each \(item.title) once"))
        } else {
          firstLine[key] = row.line
        }
      }
    }
    return diagnostics
  }

  /// A start year after the reference year is an error: no running project starts in the future.
  /// (A year before 明治 is already an error of the year parser.)
  static func implausibleYears(_ data: FormData, columns: [Int?], referenceYear: Int) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (index, item) in data.form.items.enumerated() where item.kind == .year {
      for row in data.rows {
        guard case .year(let start) = row.values[index], let year = start.year, year > referenceYear else {
          continue
        }
        diagnostics.append(
          Diagnostic(
            .error, file: data.file, line: row.line, column: columns[index].map { $0 + 1 },
            item: item.displayName,
            found: "start year \(year) in '\(start.answer.text)', after \(referenceYear)",
            expected: "a year from \(Era.meijiFirstYear) to \(referenceYear)"))
      }
    }
    return diagnostics
  }

  /// A code that says there is no amount (無し, 不明, 算定不能) but is followed by one, as in
  /// `②無し（１２０千円）`, is a warning: the amount is not counted.
  static func amountsWithWithheldCodes(_ data: FormData, columns: [Int?], codebook: Codebook) -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    for (index, item) in data.form.items.enumerated() where item.kind == .amount {
      let figure = item.options.first { $0.role == .figure }
      for row in data.rows {
        guard case .amount(let amount) = row.values[index], case .withheld(let option) = amount.status,
          containsAmount(amount.answer.text, units: codebook.amountUnits)
        else { continue }
        let figureCode = figure.map { "\($0.display) with the amount" } ?? "the amount's code"
        diagnostics.append(
          Diagnostic(
            .warning, file: data.file, line: row.line, column: columns[index].map { $0 + 1 },
            item: item.displayName,
            found:
              "'\(option.mark)\(amount.answer.text)': code \(option.display) followed by an amount, which is not counted",
            expected: "\(figureCode), or \(option.mark) alone"))
      }
    }
    return diagnostics
  }

  /// Whether a text holds a number followed by one of the amount units, e.g. `（１２０千円）`.
  static func containsAmount(_ text: String, units: [AmountUnit]) -> Bool {
    let written = Array(TextNormalization.halfWidth(text).filter { !$0.isWhitespace && $0 != "," })
    for unit in units {
      let suffix = Array(TextNormalization.halfWidth(unit.suffix))
      guard !suffix.isEmpty, written.count > suffix.count else { continue }
      for start in 1...(written.count - suffix.count)
      where written[start - 1].isASCII && written[start - 1].isNumber
        && Array(written[start..<(start + suffix.count)]) == suffix
      {
        return true
      }
    }
    return false
  }

  /// The glyphs that a PDF's text layer puts for another character (实 for 実, 尐 for 少).
  static let glyphErrors: [(wrong: Character, right: Character)] = [("实", "実"), ("尐", "少")]

  /// A text-layer glyph error in any cell, the header included, is a warning: the data was copied
  /// from a PDF and the character is almost certainly wrong.
  static func glyphErrors(_ utf8: [UInt8], form: Form, columns: [Int?], file: String) -> [Diagnostic] {
    var itemOfColumn: [Int: Item] = [:]
    for (index, column) in columns.enumerated() {
      if let column { itemOfColumn[column] = form.items[index] }
    }
    var diagnostics: [Diagnostic] = []
    var reader = TSVReader(utf8: utf8, file: file)
    // A quote that is never closed is reported by the reading itself; the records before it count.
    while let record = try? reader.next() {
      for (column, field) in record.fields.enumerated() {
        for glyph in glyphErrors where field.contains(glyph.wrong) {
          let scalar =
            glyph.wrong.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? ""
          diagnostics.append(
            Diagnostic(
              .warning, file: file, line: record.line, column: column + 1,
              item: itemOfColumn[column]?.displayName,
              found: "'\(glyph.wrong)' (U+\(scalar)), a glyph error of a PDF's text layer",
              expected: "'\(glyph.right)'"))
        }
      }
    }
    return diagnostics
  }
}
