import Foundation

/// Gathers the checks of `kyodo check` from the parts of a counting pass, part after part in file
/// order (`CountingPass` drains each part at its turn): it keeps the identifiers met so far, in
/// bounded memory for numbers (`IdentifierSet`), and the problems found, each list in file order
/// with its first `limit` kept and the rest counted.
///
/// An identifier used again is found at once; the line where it was first used is found after the
/// pass (`firstLines`), for the listed ones only, so that no line is kept per identifier.
///
/// Unchecked Sendable: a pass drains its parts one after another, in turns its pipeline orders.
final class CheckCollector: @unchecked Sendable {
  let form: Form
  let file: String
  let columns: [Int?]
  let referenceYear: Int
  let codebook: Codebook
  let organization: Organization?
  let limit: Int
  private let identifiers: [Int]
  private var sets: [IdentifierSet]
  /// The listed uses of identifiers met before: line, place in `identifiers`, key and text.
  private(set) var duplicates: [(line: Int, slot: Int, key: IdentifierKey, text: String)] = []
  /// The uses of identifiers met before beyond the listed ones.
  private(set) var omittedDuplicates = 0
  private(set) var implausibleYears: DiagnosticLog
  private(set) var withheldAmounts: DiagnosticLog
  private(set) var glyphs: DiagnosticLog
  private(set) var unlistedUnits: DiagnosticLog
  private let units: UnitLookup?
  /// What the pass read, once it has ended: its problems, its records, and whether it stopped
  /// at an error of the file itself.
  var log: DiagnosticLog?
  var rowsRead = 0
  var failed = false

  /// A collector for a form's export; `headerGlyphs` are the header's glyph errors, listed first.
  init(
    form: Form, file: String, columns: [Int?], referenceYear: Int, codebook: Codebook,
    organization: Organization?, limit: Int, headerGlyphs: [Diagnostic]
  ) {
    self.form = form
    self.file = file
    self.columns = columns
    self.referenceYear = referenceYear
    self.codebook = codebook
    self.organization = organization
    self.limit = limit
    identifiers = form.items.indices.filter { form.items[$0].kind == .identifier && columns[$0] != nil }
    sets = identifiers.map { _ in IdentifierSet() }
    implausibleYears = DiagnosticLog(limit: limit)
    withheldAmounts = implausibleYears.empty
    glyphs = implausibleYears.empty
    unlistedUnits = implausibleYears.empty
    glyphs.append(contentsOf: headerGlyphs)
    units = organization.map { UnitLookup($0, items: form.items) }
  }

  /// The checks for a new part (each part looks units up on its own).
  func partChecks() -> PartChecks {
    PartChecks(
      form: form, file: file, columns: columns, referenceYear: referenceYear, codebook: codebook,
      units: organization.map { UnitLookup($0, items: form.items) }, limit: limit)
  }

  /// Takes what a part has found since its last turn; its lines are moved by `lineShift` to the
  /// file's. A row whose identifier was met before is an error, and its unit needs no warning.
  func drain(_ part: inout FormReader, lineShift: Int) {
    guard var checks = part.rowChecks.take() else { return }
    var duplicateLines = Set<Int>()
    for row in checks.identifierRows where !sets[row.slot].insert(row.key) {
      duplicateLines.insert(row.line)
      if duplicates.count < limit {
        duplicates.append((row.line + lineShift, row.slot, row.key, row.text ?? Self.digits(of: row.key)))
      } else {
        omittedDuplicates += 1
      }
    }
    implausibleYears.absorb(checks.implausibleYears, lineShift: lineShift)
    withheldAmounts.absorb(checks.withheldAmounts, lineShift: lineShift)
    glyphs.absorb(checks.glyphs, lineShift: lineShift)
    if let units {
      for candidate in checks.unitCandidates where !duplicateLines.contains(candidate.line) {
        let row = PartChecks.hierarchyRow(
          line: candidate.line + lineShift, ids: candidate.ids, units: units, reader: part)
        unlistedUnits.append(units.warning(for: row, file: file))
      }
    }
    checks.dropFindings()
    part.rowChecks = checks
  }

  /// The text of a number key: its digits, with the zeros it starts with.
  static func digits(of key: IdentifierKey) -> String {
    switch key {
    case .number(let number, let digits):
      let written = String(number)
      return String(repeating: "0", count: max(0, digits - written.count)) + written
    case .text(let bytes):
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The errors for the identifiers used again, listed ones first, with the line where each was
  /// first used (`firstLines`, found by reading the export again).
  func duplicateErrors(firstLines: [[IdentifierKey: Int]]) -> DiagnosticLog {
    var log = DiagnosticLog(limit: limit)
    for duplicate in duplicates {
      let index = identifiers[duplicate.slot]
      log.append(
        CheckDiagnostics.duplicate(
          duplicate.text, firstLine: firstLines[duplicate.slot][duplicate.key] ?? 0, item: form.items[index],
          file: file, line: duplicate.line, column: columns[index].map { $0 + 1 }))
    }
    return log
  }

  /// For each identifier item, the keys of the listed uses again (their first line to be found).
  var wantedKeys: [Set<IdentifierKey>] {
    var wanted = identifiers.map { _ in Set<IdentifierKey>() }
    for duplicate in duplicates { wanted[duplicate.slot].insert(duplicate.key) }
    return wanted
  }

  /// The line where each wanted key is first used, read from `reader` (after the header): the
  /// first row (not ragged) whose identifier has that key.
  func firstLines(_ reader: inout TSVReader, headerCount: Int) -> [[IdentifierKey: Int]] {
    var wanted = wantedKeys
    var found: [[IdentifierKey: Int]] = identifiers.map { _ in [:] }
    var left = wanted.reduce(0) { $0 + $1.count }
    var spans: [FieldSpan] = []
    while left > 0, let line = try? reader.nextSpans(into: &spans) {
      guard spans.count == headerCount else { continue }
      reader.withBuffer { buffer in
        for (slot, index) in identifiers.enumerated() {
          guard let column = columns[index], let (key, _) = IdentifierKey.of(spans[column], in: buffer),
            wanted[slot].remove(key) != nil
          else { continue }
          found[slot][key] = line
          left -= 1
        }
      }
    }
    return found
  }
}
