import Foundation

/// The checks of `kyodo check` that reading a cell alone cannot make, made a row at a time: they
/// need the rows before (identifiers used twice), a reference year, the overall form's units, or
/// the raw text of every cell.
///
/// Each check keeps its own list, in file order and up to the checker's limit (the rest counted),
/// so that a file of any size is checked in the same memory; only the identifiers seen are kept.
struct FormChecks {
  let form: Form
  let file: String
  let columns: [Int?]
  let referenceYear: Int
  let codebook: Codebook
  /// For each identifier item (by position), the line where each identifier was first met.
  private var firstLines: [Int: [String: Int]] = [:]
  private let identifiers: [Int]
  private let years: [Int]
  private let amounts: [(index: Int, figure: Option?)]
  private let units: UnitLookup?
  /// Whether each note after a "no amount" code met so far holds an amount: the same few notes
  /// come on row after row.
  private var notesHoldingAmounts: [String: Bool] = [:]
  /// The problems found, one log per check, in the order a whole-file check lists them.
  private(set) var duplicates: DiagnosticLog
  private(set) var implausibleYears: DiagnosticLog
  private(set) var withheldAmounts: DiagnosticLog
  private(set) var unlistedUnits: DiagnosticLog

  /// Checks for the rows of a form; with `units`, a row whose unit the overall form does not list
  /// is a warning.
  init(
    form: Form, file: String, columns: [Int?], referenceYear: Int, codebook: Codebook, units: UnitLookup?,
    limit: Int
  ) {
    self.form = form
    self.file = file
    self.columns = columns
    self.referenceYear = referenceYear
    self.codebook = codebook
    self.units = units
    identifiers = form.items.indices.filter { form.items[$0].kind == .identifier }
    years = form.items.indices.filter { form.items[$0].kind == .year }
    amounts = form.items.indices.filter { form.items[$0].kind == .amount }.map { index in
      (index, form.items[index].options.first { $0.role == .figure })
    }
    duplicates = DiagnosticLog(limit: limit)
    implausibleYears = duplicates.empty
    withheldAmounts = duplicates.empty
    unlistedUnits = duplicates.empty
  }

  private func column(_ index: Int) -> Int? { columns[index].map { $0 + 1 } }

  /// Checks one row; `hadErrors` says whether reading it logged an error (its unit then needs no
  /// second report).
  mutating func check(_ row: Row, hadErrors: Bool) {
    var errors = hadErrors
    // An identifier (a project number) used on a second row is an error at each later row.
    for index in identifiers {
      guard let text = row.values[index].text else { continue }
      let key = TextNormalization.matchKey(text)
      if let first = firstLines[index]?[key] {
        duplicates.append(
          Self.duplicate(
            text, firstLine: first, item: form.items[index], file: file, line: row.line, column: column(index)
          ))
        errors = true
      } else {
        firstLines[index, default: [:]][key] = row.line
      }
    }
    // A start year after the reference year is an error: no running project starts in the future.
    // (A year before 明治 is already an error of the year parser.)
    for index in years {
      guard case .year(let start) = row.values[index], let year = start.year, year > referenceYear else {
        continue
      }
      implausibleYears.append(
        Self.implausibleYear(
          year, in: start, referenceYear: referenceYear, item: form.items[index], file: file, line: row.line,
          column: column(index)))
      errors = true
    }
    // A code that says there is no amount (無し, 不明, 算定不能) but is followed by one, as in
    // `②無し（１２０千円）`, is a warning: the amount is not counted.
    for (index, figure) in amounts {
      guard case .amount(let amount) = row.values[index], case .withheld(let option) = amount.status,
        holdsAmount(amount.answer.text)
      else { continue }
      withheldAmounts.append(
        Self.withheldAmount(
          amount, option: option, figure: figure, item: form.items[index], file: file, line: row.line,
          column: column(index)))
    }
    // A row whose 部 or 課 is already an error (a blank with nothing to inherit) needs no second report.
    if let units, !errors, units.unit(of: row) == nil {
      unlistedUnits.append(units.warning(for: row, file: file))
    }
  }

  /// Whether a note holds an amount, remembered for at most 4,096 notes.
  private mutating func holdsAmount(_ note: String) -> Bool {
    if let known = notesHoldingAmounts[note] { return known }
    let holds = Self.containsAmount(note, units: codebook.amountUnits)
    if notesHoldingAmounts.count < 4096 { notesHoldingAmounts[note] = holds }
    return holds
  }

  /// The lists of every check, in the order a whole-file check makes them.
  var logs: [DiagnosticLog] { [duplicates, implausibleYears, withheldAmounts] }

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

  /// Whether UTF-8 text holds one of the wrong glyphs: a file is read record by record for them
  /// only when it does. (Both start with the byte E5, which memchr finds fast.)
  static func holdsGlyphError(_ bytes: [UInt8]) -> Bool {
    let patterns = glyphErrors.map { Array(String($0.wrong).utf8) }
    return bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      var index = 0
      while index < buffer.count, let found = memchr(base + index, 0xE5, buffer.count - index) {
        let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if at + 2 < buffer.count
          && patterns.contains(where: { $0[0] == 0xE5 && $0[1] == buffer[at + 1] && $0[2] == buffer[at + 2] })
        {
          return true
        }
        index = at + 1
      }
      return false
    }
  }

  /// The glyphs that a PDF's text layer puts for another character (实 for 実, 尐 for 少).
  static let glyphErrors: [(wrong: Character, right: Character)] = [("实", "実"), ("尐", "少")]

  /// A text-layer glyph error in any cell, the header included, is a warning: the data was copied
  /// from a PDF and the character is almost certainly wrong.
  static func glyphErrors(_ reader: TSVReader, form: Form, columns: [Int?], file: String, limit: Int)
    -> DiagnosticLog
  {
    let itemOfColumn = form.itemsByColumn(columns)
    var diagnostics = DiagnosticLog(limit: limit)
    var reader = reader
    // A quote that is never closed is reported by the reading itself; the records before it count.
    while let record = try? reader.next() {
      for (column, field) in record.fields.enumerated() {
        diagnostics.append(
          contentsOf: glyphErrors(
            in: field, file: file, line: record.line, column: column + 1, item: itemOfColumn[column]))
      }
    }
    return diagnostics
  }

  /// The warnings for the glyph errors in one cell's text, in the order of `glyphErrors`.
  static func glyphErrors(in field: String, file: String, line: Int, column: Int, item: Item?) -> [Diagnostic]
  {
    glyphErrors.filter { field.contains($0.wrong) }.map { glyph in
      let scalar = glyph.wrong.unicodeScalars.first.map { String($0.value, radix: 16, uppercase: true) } ?? ""
      return Diagnostic(
        .warning, file: file, line: line, column: column, item: item?.displayName,
        found: "'\(glyph.wrong)' (U+\(scalar)), a glyph error of a PDF's text layer",
        expected: "'\(glyph.right)'")
    }
  }

  /// The error for an identifier met before, on line `firstLine`.
  static func duplicate(_ text: String, firstLine: Int, item: Item, file: String, line: Int, column: Int?)
    -> Diagnostic
  {
    Diagnostic(
      .error, file: file, line: line, column: column, item: item.displayName,
      found: "'\(text)', already used on line \(firstLine)", expected: "each \(item.title) once")
  }

  /// The error for a start year after the reference year.
  static func implausibleYear(
    _ year: Int, in start: StartYear, referenceYear: Int, item: Item, file: String, line: Int, column: Int?
  ) -> Diagnostic {
    Diagnostic(
      .error, file: file, line: line, column: column, item: item.displayName,
      found: "start year \(year) in '\(start.answer.text)', after \(referenceYear)",
      expected: "a year from \(Era.meijiFirstYear) to \(referenceYear)")
  }

  /// The warning for a "no amount" code followed by an amount; `figure` is the item's code for
  /// an amount, if it has one.
  static func withheldAmount(
    _ amount: Amount, option: Option, figure: Option?, item: Item, file: String, line: Int, column: Int?
  ) -> Diagnostic {
    let figureCode = figure.map { "\($0.display) with the amount" } ?? "the amount's code"
    return Diagnostic(
      .warning, file: file, line: line, column: column, item: item.displayName,
      found:
        "'\(option.mark)\(amount.answer.text)': code \(option.display) followed by an amount, which is not counted",
      expected: "\(figureCode), or \(option.mark) alone")
  }
}
