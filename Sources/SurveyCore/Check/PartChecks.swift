import Foundation

/// The checks of `kyodo check` made while one part of a counting pass is read, a record at a
/// time: the glyph errors of every record, and, of every row, the start years after the reference
/// year, the "no amount" codes followed by an amount, the identifiers and the units.
///
/// What needs the parts before (an identifier used twice, and so whether a row's unit warning
/// stands) is only gathered here, with the part's own lines; `CheckCollector` settles it when the
/// part's turn comes, in file order. Years and amounts are judged once per counting id. Every
/// check reads the cells as written: a filled-down cell is judged on the row where it is written,
/// not again on the rows that inherit it.
struct PartChecks {
  let form: Form
  let file: String
  let columns: [Int?]
  let referenceYear: Int
  let codebook: Codebook
  /// The identifier items that have a column.
  let identifiers: [Int]
  private let years: [Int]
  private let amounts: [(index: Int, figure: Option?)]
  /// For each column, its item (for the glyph errors).
  private let itemOfColumn: [Int: Item]
  private let units: UnitLookup?
  /// Per year item, per counting id: 0 not judged yet, 1 plausible, 2 after the reference year.
  private var yearStates: [[UInt8]]
  /// Per amount item, per counting id: 0 not judged yet, 1 not withheld, 2 a "no amount" code.
  private var amountStates: [[UInt8]]
  /// The warning a withheld amount's cell gives (nil for none), by its text, for up to 4,096 texts.
  private var withheldNotes: [String: Diagnostic?] = [:]
  /// Whether the overall form lists a unit, by its 部 and 課 ids.
  private var unitKnown: [Int64: Bool] = [:]

  /// Each row's identifiers, in file order: the row's line, the item's place in `identifiers`,
  /// the key, and the cell's text unless it is just the digits of a number key.
  private(set) var identifierRows: [(line: Int, slot: Int, key: IdentifierKey, text: String?)] = []
  /// The rows with no error so far whose unit the overall form does not list: their line and 部
  /// and 課 ids.
  private(set) var unitCandidates: [(line: Int, ids: [Int32])] = []
  /// Paths of more than two levels, numbered to key `unitKnown`.
  private var unitPaths: [[Int32]: Int] = [:]
  private(set) var implausibleYears: DiagnosticLog
  private(set) var withheldAmounts: DiagnosticLog
  private(set) var glyphs: DiagnosticLog

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
    identifiers = form.items.indices.filter { form.items[$0].kind == .identifier && columns[$0] != nil }
    years = form.items.indices.filter { form.items[$0].kind == .year }
    amounts = form.items.indices.filter { form.items[$0].kind == .amount }.map { index in
      (index, form.items[index].options.first { $0.role == .figure })
    }
    itemOfColumn = form.itemsByColumn(columns)
    yearStates = years.map { _ in [] }
    amountStates = amounts.map { _ in [] }
    implausibleYears = DiagnosticLog(limit: limit)
    withheldAmounts = implausibleYears.empty
    glyphs = implausibleYears.empty
  }

  /// What the part holds for its turn: rows of identifiers and unit candidates.
  var pending: Int { identifierRows.count + unitCandidates.count }

  /// Forgets what the part's turn has taken (the judgements of ids are kept).
  mutating func dropFindings() {
    identifierRows.removeAll(keepingCapacity: true)
    unitCandidates.removeAll(keepingCapacity: true)
    implausibleYears = implausibleYears.empty
    withheldAmounts = implausibleYears.empty
    glyphs = implausibleYears.empty
  }

  private func column(_ index: Int) -> Int? { columns[index].map { $0 + 1 } }

  /// Checks the record just read (its fields `spans` index `buffer`); `ids` are its cells'
  /// counting ids when it is a row (not ragged, not blank), and `hadError` says whether reading
  /// it logged an error. `reader` gives the values of ids.
  mutating func check(
    line: Int, spans: [FieldSpan], buffer: UnsafeBufferPointer<UInt8>, ids: [Int32]?, hadError: Bool,
    reader: borrowing FormReader
  ) {
    checkGlyphs(line: line, spans: spans, buffer: buffer)
    guard let ids else { return }
    for (slot, index) in identifiers.enumerated() {
      guard let column = columns[index], column < spans.count,
        let (key, text) = IdentifierKey.of(spans[column], in: buffer)
      else { continue }
      // The text of a number key written in as many bytes as it has digits is those digits.
      if case .number(_, let digits) = key, text.utf8.count == digits {
        identifierRows.append((line, slot, key, nil))
      } else {
        identifierRows.append((line, slot, key, text))
      }
    }
    var errors = hadError
    for (slot, index) in years.enumerated() where yearState(slot, id: ids[index], reader: reader) == 2 {
      guard let column = columns[index],
        case .year(let start) = parsed(index, span: spans[column], buffer: buffer, line: line),
        let year = start.year
      else { continue }
      implausibleYears.append(
        CheckDiagnostics.implausibleYear(
          year, in: start, referenceYear: referenceYear, item: form.items[index], file: file, line: line,
          column: column + 1))
      errors = true
    }
    for slot in amounts.indices where amountState(slot, id: ids[amounts[slot].index], reader: reader) == 2 {
      checkWithheld(slot, spans: spans, buffer: buffer, line: line)
    }
    if !errors { checkUnit(line: line, ids: ids, reader: reader) }
  }

  /// Whether a year id is after the reference year (2) or not (1), judged once.
  private mutating func yearState(_ slot: Int, id: Int32, reader: borrowing FormReader) -> UInt8 {
    let index = Int(id)
    if index < yearStates[slot].count, yearStates[slot][index] != 0 { return yearStates[slot][index] }
    var state: UInt8 = 1
    if case .year(let start) = reader.value(item: years[slot], id: id), let year = start.year,
      year > referenceYear
    {
      state = 2
    }
    if index >= yearStates[slot].count {
      yearStates[slot] += [UInt8](repeating: 0, count: index + 1 - yearStates[slot].count)
    }
    yearStates[slot][index] = state
    return state
  }

  /// Whether an amount id is a "no amount" code (2) or not (1), judged once.
  private mutating func amountState(_ slot: Int, id: Int32, reader: borrowing FormReader) -> UInt8 {
    let index = Int(id)
    if index < amountStates[slot].count, amountStates[slot][index] != 0 { return amountStates[slot][index] }
    var state: UInt8 = 1
    if case .amount(let amount) = reader.value(item: amounts[slot].index, id: id),
      case .withheld = amount.status
    {
      state = 2
    }
    if index >= amountStates[slot].count {
      amountStates[slot] += [UInt8](repeating: 0, count: index + 1 - amountStates[slot].count)
    }
    amountStates[slot][index] = state
    return state
  }

  /// The whole value of a cell (the counting id drops the notes after codes).
  private func parsed(_ index: Int, span: FieldSpan, buffer: UnsafeBufferPointer<UInt8>, line: Int) -> Value {
    let location = CellLocation(
      file: file, line: line, column: column(index), item: form.items[index].displayName)
    return CellParser.parse(
      TSVReader.string(of: span, in: buffer), item: form.items[index], codebook: codebook, at: location
    ).value
  }

  /// A "no amount" code followed by an amount, as in `②無し（１２０千円）`, is a warning.
  private mutating func checkWithheld(
    _ slot: Int, spans: [FieldSpan], buffer: UnsafeBufferPointer<UInt8>, line: Int
  ) {
    let (index, figure) = amounts[slot]
    guard let column = columns[index] else { return }
    let text = TSVReader.string(of: spans[column], in: buffer)
    var warning: Diagnostic?
    if let known = withheldNotes[text] {
      warning = known
    } else {
      if case .amount(let amount) = parsed(index, span: spans[column], buffer: buffer, line: line),
        case .withheld(let option) = amount.status,
        CheckDiagnostics.containsAmount(amount.answer.text, units: codebook.amountUnits)
      {
        warning = CheckDiagnostics.withheldAmount(
          amount, option: option, figure: figure, item: form.items[index], file: file, line: line,
          column: column + 1)
      }
      if withheldNotes.count < 4096 { withheldNotes[text] = .some(warning) }
    }
    guard var warning else { return }
    warning.line = line
    withheldAmounts.append(warning)
  }

  /// Keeps a row whose unit the overall form does not list, for its turn.
  private mutating func checkUnit(line: Int, ids: [Int32], reader: borrowing FormReader) {
    guard let units else { return }
    let path = units.unitItems.map { ids[$0] }
    // Two levels (部 and 課) fit one key; deeper organisations are keyed by their ids' list.
    let key: Int64
    if path.count <= 2 {
      let first = path.first.map(Int64.init) ?? -1
      let second = path.count == 2 ? Int64(path[1]) : -1
      key = first << 32 | (second & 0xFFFF_FFFF)
    } else {
      key = Int64(unitPaths[path] ?? unitPaths.count)
      unitPaths[path] = Int(key)
    }
    if unitKnown[key] == nil {
      let row = Self.hierarchyRow(line: line, ids: path, units: units, reader: reader)
      unitKnown[key] = units.unit(of: row) != nil
    }
    if unitKnown[key] == false { unitCandidates.append((line, path)) }
  }

  /// A row with only its levels' values (部 and 課 …), for the unit lookup and its warning.
  static func hierarchyRow(line: Int, ids: [Int32], units: UnitLookup, reader: borrowing FormReader) -> Row {
    var values = [Value](repeating: .blank, count: reader.form.items.count)
    for (index, id) in zip(units.unitItems, ids) { values[index] = reader.value(item: index, id: id) }
    return Row(line: line, values: values)
  }

  /// A text-layer glyph error in any cell is a warning. A cell is read as text only when its
  /// record holds one of the glyphs' three bytes.
  private mutating func checkGlyphs(line: Int, spans: [FieldSpan], buffer: UnsafeBufferPointer<UInt8>) {
    guard let first = spans.first, let last = spans.last, first.start < last.end,
      Self.holdsGlyph(UnsafeBufferPointer(rebasing: buffer[first.start..<last.end]))
    else { return }
    for (column, span) in spans.enumerated() {
      let field = TSVReader.string(of: span, in: buffer)
      for warning in CheckDiagnostics.glyphErrors(
        in: field, file: file, line: line, column: column + 1, item: itemOfColumn[column])
      {
        glyphs.append(warning)
      }
    }
  }

  /// The UTF-8 bytes of the wrong glyphs: 实 is E5 AE 9E, 尐 E5 B0 90.
  private static let glyphBytes: [[UInt8]] = CheckDiagnostics.glyphErrors.map { Array(String($0.wrong).utf8) }

  /// Whether bytes hold the UTF-8 of one of the wrong glyphs. Each is looked for by its last byte,
  /// which memchr finds fast: in Japanese text E5, their first byte, comes every 15 bytes or so,
  /// 9E and 90 every 500 and 150 (the 100k-row synthetic export).
  static func holdsGlyph(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return false }
    for glyph in glyphBytes where glyph.count == 3 {
      var index = 2
      while index < bytes.count, let found = memchr(base + index, Int32(glyph[2]), bytes.count - index) {
        let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        if bytes[at - 2] == glyph[0] && bytes[at - 1] == glyph[1] { return true }
        index = at + 1
      }
    }
    return false
  }
}
