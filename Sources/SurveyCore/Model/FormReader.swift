import Foundation

/// Reads the records of one export into the cells of its form's items: the one reader, for rows
/// kept in memory, rows read a pass at a time, and the parts of a counting pass alike.
///
/// Each distinct cell text of an item is parsed once (its `CellTable`); merged hierarchy cells are
/// filled down; a ragged row is an error and is skipped; every problem is logged with its line and
/// column, in file order. A reader made from a header gives whole rows (`next`); a counting reader
/// (`counting`) gives, for each group of tables, how many rows had each combination of the cells
/// the group reads, without making rows (`run`).
struct FormReader {
  let form: Form
  let file: String
  let codebook: Codebook
  /// The record reader, after the header (a counting pass reads the first part from it).
  private(set) var reader: TSVReader
  /// For each item of the form, the column (0-based) that holds it.
  private(set) var columns: [Int?]
  /// For each item spread over one column per option (by its index), its options' columns.
  private(set) var optionColumns: [Int: OptionColumns] = [:]
  /// The one cell of such an item, made from a row's option columns (kept to reuse its memory).
  private var spreadCell: [UInt8] = []
  /// The header's number of fields: a record with another number is a ragged row.
  private(set) var headerCount = 0
  /// The columns no item reads (nor an item's option columns): their bytes are only checked to be
  /// UTF-8, when the reader checks.
  private var undescribed: [Int] = []
  /// Whether a header row could be read.
  private(set) var hasHeader = false
  private var tables: [CellTable]
  private let names: [String]
  /// Items whose cells can give no diagnostic and that nothing reads: free text and identifiers.
  private var skipped: [Bool]
  private let fillsDown: [Bool]
  /// Whether an item names an optional level, whose cell may stay blank under a new name above.
  private let optionalLevel: [Bool]
  private var inherited: [Int32]
  private var ids: [Int32]
  /// Whether whole rows are made: the cells' values as parsed, not only their counting ids.
  private let makesRows: Bool
  private var values: [Value] = []
  private var inheritedValues: [Value] = []
  private var spans: [FieldSpan] = []
  private var counters: [TupleCounter] = []
  /// Items counted on their own (a group of one item): their table counts them, as it reads them.
  private var countedAlone: [Bool]
  /// The groups of several items (or none), counted by their `TupleCounter`.
  private var combinations: [Int] = []
  /// Every problem met so far.
  private(set) var log: DiagnosticLog
  /// Rows whose unit the overall form does not list (a counting reader that checks units).
  private(set) var units: DiagnosticLog
  /// The rows read, ragged ones left out.
  private(set) var rowCount = 0
  /// The records after the header, ragged ones included.
  private(set) var rowsRead = 0
  /// Set when reading stopped at an error of the file itself (encoding, unclosed quote).
  private(set) var failed = false
  /// Set when reading stopped because the combinations held grew past what `run` was given.
  private(set) var paused = false
  private var unitLookup: UnitLookup?
  /// When set, the reader checks UTF-8 itself (its chunks do not): the cells it parses, the cells
  /// it skips and ragged rows. A cell met before is the same bytes as one checked then.
  private var utf8: FileChunks?
  private var unitKnown: [Int64: Bool] = [:]
  /// A number for each path of ids met, for organisations deeper than two levels.
  private var unitPaths: [[Int32]: Int] = [:]
  private var checksUnits = false
  /// The stream offset of the bytes that stopped the reader for not being UTF-8.
  private var notUTF8At: Int?
  /// The chunks whose `rawStop` tells where a transcoded part stops (`run(followingStops:)`).
  private var stops: FileChunks?
  /// When set, `next` makes only the rows it keeps, reading the other cells of a row only then.
  private var filter: RowFilter?
  /// The items `filter` decides by (its own and every filled-down one), then the others.
  private var filterOrder: (first: [Int], rest: [Int]) = ([], [])
  /// Whether `filter` rejected the row just read.
  private var rejected = false
  /// The checks of `kyodo check`, when it reads with this reader: each record is handed to them.
  var rowChecks: PartChecks?

  /// A reader of whole rows: reads the header now, logging its problems (`hasHeader` says whether
  /// there was one). Given the chunks `reader` reads, it checks UTF-8 cell by cell as a counting
  /// reader does, so that a damaged file gives the same problems to every pass.
  init(
    _ form: Form, reader: TSVReader, file: String, codebook: Codebook, limit: Int? = nil,
    warningLimit: Int? = nil, checkingUTF8Of chunks: FileChunks? = nil
  ) {
    self.init(
      form, reader: reader, file: file, codebook: codebook,
      log: DiagnosticLog(limit: limit, warningLimit: warningLimit),
      makesRows: true)
    chunks?.leavesUTF8ToReader = true
    utf8 = chunks
    do throws(SurveyError) {
      guard let header = try self.reader.next() else {
        log.append(
          Diagnostic(
            .error, file: file, line: 1, found: "an empty file",
            expected: "a header row naming the items of \(form.title)"))
        failed = true
        return
      }
      headerCount = header.fields.count
      hasHeader = true
      (columns, optionColumns) = ExportLoader.mapColumns(header, form: form, file: file, log: &log)
      let read = columns.compactMap { $0 } + optionColumns.values.flatMap { $0.columns.compactMap { $0 } }
      undescribed = Array(Set(0..<headerCount).subtracting(read)).sorted()
      makeTables()
    } catch {
      log.append(contentsOf: error.diagnostics)
      failed = true
    }
  }

  private init(
    _ form: Form, reader: TSVReader, file: String, codebook: Codebook, log: DiagnosticLog, makesRows: Bool
  ) {
    self.form = form
    self.file = file
    self.codebook = codebook
    self.reader = reader
    self.log = log
    self.units = log.empty
    self.makesRows = makesRows
    self.columns = [Int?](repeating: nil, count: form.items.count)
    self.tables = []
    self.names = form.items.map(\.displayName)
    self.fillsDown = form.items.map(\.fillsDown)
    self.optionalLevel = form.items.map { item in
      item.level.map { codebook.levels.indices.contains($0) && codebook.levels[$0].isOptional } ?? false
    }
    self.skipped = [Bool](repeating: false, count: form.items.count)
    self.countedAlone = [Bool](repeating: false, count: form.items.count)
    self.inherited = [Int32](repeating: -1, count: form.items.count)
    self.ids = [Int32](repeating: 0, count: form.items.count)
    if makesRows {
      values = [Value](repeating: .blank, count: form.items.count)
      inheritedValues = values
    }
    makeTables()
  }

  private mutating func makeTables(sharing parsedCells: ParsedCells? = nil) {
    tables = form.items.indices.map { index in
      CellTable(
        item: form.items[index], codebook: codebook, file: file, column: columns[index].map { $0 + 1 },
        keepsWholeValues: makesRows, shared: parsedCells.map { ($0, index) })
    }
  }

  /// A reader of the same export that counts combinations of cells instead of making rows: the
  /// items of each of `groups` (an item alone is counted by its table). `read` names the items
  /// some group reads; free text and identifiers that none reads are not parsed. It reads from
  /// `reader` (the first part: this reader's own, after the header) and logs into `log`. With
  /// `idsForChecks` every cell the reader parses gets its id, read or not: a check of the rows
  /// (`kyodo check`) judges amounts and years by them.
  func counting(
    reader: TSVReader, log: DiagnosticLog, groups: [[Int]], read: Set<Int>, unitLookup: UnitLookup?,
    checksUnits: Bool, checkingUTF8Of utf8: FileChunks? = nil, stoppingAtTheStopOf stops: FileChunks? = nil,
    idsForChecks: Bool = false, sharing parsedCells: ParsedCells? = nil
  ) -> FormReader {
    var part = FormReader(form, reader: reader, file: file, codebook: codebook, log: log, makesRows: false)
    part.columns = columns
    part.optionColumns = optionColumns
    part.headerCount = headerCount
    part.undescribed = undescribed
    part.hasHeader = hasHeader
    part.failed = failed
    part.makeTables(sharing: parsedCells)
    part.skipped = form.items.indices.map { index in
      let item = form.items[index]
      return (item.kind == .text || item.kind == .identifier) && !item.fillsDown && !read.contains(index)
    }
    let unitItems = unitLookup?.unitItems ?? []
    for index in form.items.indices
    where !idsForChecks && !read.contains(index) && !fillsDown[index] && !unitItems.contains(index) {
      part.tables[index].idsUnread = true
    }
    part.counters = groups.map { TupleCounter(items: $0) }
    part.countedAlone = form.items.indices.map { item in groups.contains([item]) }
    part.combinations = groups.indices.filter { groups[$0].count != 1 }
    part.unitLookup = unitLookup
    part.checksUnits = checksUnits
    part.utf8 = utf8
    part.stops = stops
    return part
  }

  /// Makes `next` give only the rows `filter` keeps: of the others it reads only the cells the
  /// filter and the filling down need. For a pass over an export already checked (the cells of
  /// the rows left out are neither parsed nor checked).
  mutating func keepingOnly(_ filter: RowFilter) {
    let first = Set(filter.items).union(form.items.indices.filter { fillsDown[$0] })
    filterOrder = (first.sorted(), form.items.indices.filter { !first.contains($0) })
    self.filter = filter
    // The filter remembers its answers by the ids of its cells: each distinct value needs its own.
    for item in filter.items {
      tables[item] = CellTable(
        item: form.items[item], codebook: codebook, file: file, column: columns[item].map { $0 + 1 },
        keepsWholeValues: makesRows, numbersEveryValue: true)
    }
  }

  /// The error for a row whose number of fields is not the header's.
  static func raggedRow(file: String, line: Int, fields: Int, expected: Int) -> Diagnostic {
    Diagnostic(
      .error, file: file, line: line, found: "a row of \(fields) fields (a ragged row)",
      expected: "\(expected) fields, as in the header")
  }

  /// The error for a blank hierarchy cell that cannot inherit: on a row that starts a new higher
  /// level (`startingNew`), or with no row above.
  static func blankLevel(_ item: Item, startingNew level: Item?, at location: CellLocation) -> Diagnostic {
    let found =
      level.map { "a blank \(item.title) on a row that starts a new \($0.title)" }
      ?? "a blank \(item.title) with no row above to inherit it from"
    return location.diagnostic(.error, found: found, expected: "the \(item.title) of the row")
  }

  /// The next row, or nil at the end of the export (or where the file itself stops the reading:
  /// a quote never closed, bytes of no supported encoding). Ragged rows are logged and skipped.
  mutating func next() -> Row? {
    // The reader is moved out while a row is read (and back at the end), so that its buffer is
    // lent to `decode` without copying the reader.
    var reader = TSVReader(utf8: [], file: file)
    swap(&reader, &self.reader)
    defer { swap(&reader, &self.reader) }
    while let line = record(from: &reader) {
      guard let decoded = decoded(line: line, from: reader) else { return nil }
      guard decoded, !rejected else { continue }
      rowCount += 1
      return Row(line: line, values: values)
    }
    return nil
  }

  /// Reads and counts records until the end, the reader's stop offset, or `cancelled`; with
  /// `pausingAbove`, also once the combinations held pass that many (`paused` is then set, and
  /// `run` goes on from there).
  /// With `followingStops`, the reader stops where its chunks' `rawStop` maps to, once known: a
  /// transcoded part's end, whose stream offset no one knows before the chunks reach it.
  mutating func run(
    stopAt stopOffset: Int?, pausingAbove held: Int? = nil, followingStops: Bool = false,
    cancelled: () -> Bool = { false }
  ) {
    paused = false
    var reader = TSVReader(utf8: [], file: file)
    swap(&reader, &self.reader)
    defer { swap(&reader, &self.reader) }
    reader.stopOffset = stopOffset
    while true {
      if followingStops, reader.stopOffset == nil, let stop = stops?.stopStreamOffset {
        reader.stopOffset = stop
      }
      if rowCount & 4095 == 0 && cancelled() { return }
      if let held, rowCount & 1023 == 0,
        combinations.reduce(0, { $0 + counters[$1].count }) > held || rowChecks?.pending ?? 0 > held
      {
        paused = true
        return
      }
      guard let line = record(from: &reader), let decoded = decoded(line: line, from: reader) else { return }
      if rowChecks != nil { checkRecord(line: line, isRow: decoded, reader: reader) }
      guard decoded else { continue }
      count(line: line)
      rowCount += 1
    }
  }

  /// Hands the record just read to the checks of `kyodo check`, with its cells' ids when it is a row.
  private mutating func checkRecord(line: Int, isRow: Bool, reader: TSVReader) {
    guard var checks = rowChecks.take() else { return }
    let hadError = log.lastErrorLine == line
    reader.withBuffer { buffer in
      checks.check(
        line: line, spans: spans, buffer: buffer, ids: isRow ? ids : nil, hadError: hadError, reader: self)
    }
    rowChecks = checks
  }

  /// The next record's first line, its fields in `spans`; nil at the end or at an error of the
  /// file (logged, and `failed` set).
  private mutating func record(from reader: inout TSVReader) -> Int? {
    guard !failed else { return nil }
    do throws(SurveyError) {
      guard let line = try reader.nextSpans(into: &spans) else { return nil }
      rowsRead += 1
      return line
    } catch {
      log.append(contentsOf: error.diagnostics)
      failed = true
      return nil
    }
  }

  /// Reads the record in `spans` into `ids` (and `values`): true for a row, false for a ragged
  /// record (logged), nil when its bytes are not UTF-8 (logged; the reading stops).
  private mutating func decoded(line: Int, from reader: TSVReader) -> Bool? {
    let origin = reader.offset(ofBufferIndex: 0)
    if spans.count != headerCount {
      guard reader.withBuffer({ buffer in spans.allSatisfy { checked($0, in: buffer, origin: origin) } })
      else { return nil }
      ragged(line: line, reader: reader)
      return false
    }
    if reader.withBuffer({ buffer in isBlank(buffer) }) {
      // Excel leaves such rows below formatted cells: no data, and not a row to count or inherit.
      log.append(
        Diagnostic(
          .warning, file: file, line: line, found: "a row of empty cells; it is skipped",
          expected: "a row of the export's data"))
      return false
    }
    guard reader.withBuffer({ buffer in decode(line: line, buffer: buffer, origin: origin) }) else {
      return nil
    }
    // Once the file has shown UTF-8 text, its chunks leave UTF-8 to the reader: every cell's bytes.
    if utf8 != nil && !undescribed.isEmpty {
      let valid = reader.withBuffer { buffer in
        undescribed.allSatisfy { checked(spans[$0], in: buffer, origin: origin) }
      }
      guard valid else { return nil }
    }
    return true
  }

  /// Whether every cell of the record in `spans` is empty or white space (checked from the first
  /// cell, so a row of data costs one look).
  private func isBlank(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    spans.allSatisfy { span in
      span.start == span.end
        || (span.isVerbatim
          && CellBytes.trimmed(UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])).isEmpty)
    }
  }

  private func location(_ item: Int, line: Int) -> CellLocation {
    CellLocation(file: file, line: line, column: columns[item].map { $0 + 1 }, item: names[item])
  }

  private mutating func ragged(line: Int, reader: TSVReader) {
    log.append(Self.raggedRow(file: file, line: line, fields: spans.count, expected: headerCount))
    // Its hierarchy cells still stand above the rows that inherit them.
    for item in form.items.indices where fillsDown[item] {
      guard let column = columns[item], column < spans.count else { continue }
      let raw = reader.string(of: spans[column]).trimmingSpaces
      if !raw.isEmpty {
        inherited[item] = tables[item].id(ofText: raw, line: line, log: &log)
        if makesRows { inheritedValues[item] = tables[item].lastWhole }
      }
    }
  }

  /// Whether a span's bytes are UTF-8 (always, when the reader does not check); the error is
  /// logged and the reader stops when they are not.
  private mutating func checked(_ span: FieldSpan, in buffer: UnsafeBufferPointer<UInt8>, origin: Int)
    -> Bool
  {
    guard let utf8,
      let bad = TextDecoding.firstInvalidUTF8Offset(
        UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]))
    else { return true }
    log.append(utf8.invalidUTF8(atStreamOffset: origin + span.start + bad))
    notUTF8At = origin + span.start + bad
    failed = true
    return false
  }

  /// Whether the reader (which checks UTF-8 itself) stopped at bytes that are not UTF-8 with only
  /// ASCII before them: bytes of CP932, which reads ASCII the same, may follow.
  var stoppedAfterOnlyASCII: Bool { notUTF8At.map(readOnlyASCII(before:)) ?? false }

  /// Whether the bytes the reader was given, before stream offset `end`, are all ASCII.
  func readOnlyASCII(before end: Int) -> Bool {
    guard let utf8 else { return false }
    return (utf8.firstNonASCIIOffset ?? .max) >= utf8.firstOffset + end
  }

  /// Reads one row's cells (its spans index `buffer`, whose first byte is at stream offset
  /// `origin`); false when a cell is not UTF-8 (the reader then stops). The tables are moved out
  /// meanwhile, and lent by their buffer: this runs for every row. With a filter, the cells it
  /// decides by come first, and the others only when it keeps the row (`rejected` says).
  private mutating func decode(line: Int, buffer: UnsafeBufferPointer<UInt8>, origin: Int) -> Bool {
    var tables: [CellTable] = []
    swap(&tables, &self.tables)
    defer { swap(&tables, &self.tables) }
    return tables.withUnsafeMutableBufferPointer { tables in
      guard filter != nil else {
        var changedLevel: Int?
        for item in tables.indices {
          guard
            decode(
              item, line: line, buffer: buffer, origin: origin, tables: tables, changedLevel: &changedLevel)
          else { return false }
        }
        return true
      }
      return decodeFiltered(line: line, buffer: buffer, origin: origin, tables: tables)
    }
  }

  /// Reads the cells `filter` decides by, then the others when it keeps the row.
  private mutating func decodeFiltered(
    line: Int, buffer: UnsafeBufferPointer<UInt8>, origin: Int, tables: UnsafeMutableBufferPointer<CellTable>
  ) -> Bool {
    var changedLevel: Int?
    for item in filterOrder.first {
      guard
        decode(item, line: line, buffer: buffer, origin: origin, tables: tables, changedLevel: &changedLevel)
      else { return false }
    }
    rejected = filter?.keeps(ids: ids, values: values, formItems: form.items.count) == false
    guard !rejected else { return true }
    for item in filterOrder.rest {
      guard
        decode(item, line: line, buffer: buffer, origin: origin, tables: tables, changedLevel: &changedLevel)
      else { return false }
    }
    return true
  }

  /// Reads one cell of a row into `ids` (and `values`) with `tables`, filling it down when its
  /// item does; `changedLevel` is the first filled-down item of the row whose value changed. False
  /// when the cell is not UTF-8. A hot loop's body (every cell of every row): whole values are
  /// touched only when rows are made.
  @inline(__always)
  private mutating func decode(
    _ item: Int, line: Int, buffer: UnsafeBufferPointer<UInt8>, origin: Int,
    tables: UnsafeMutableBufferPointer<CellTable>, changedLevel: inout Int?
  ) -> Bool {
    guard let column = columns[item] else {
      return decodeWithoutColumn(item, line: line, buffer: buffer, origin: origin, tables: tables)
    }
    let span = spans[column]
    if skipped[item] {
      return utf8 == nil || checked(span, in: buffer, origin: origin)
    }
    var id: Int32
    if span.isVerbatim {
      let bytes = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
      id = tables[item].id(of: CellBytes.trimmed(bytes), line: line, log: &log, checkingUTF8: utf8 != nil)
      if id < 0 {
        _ = checked(span, in: buffer, origin: origin)
        return false
      }
    } else {
      if utf8 != nil && !checked(span, in: buffer, origin: origin) { return false }
      id = tables[item].id(
        ofText: TSVReader.string(of: span, in: buffer).trimmingSpaces, line: line, log: &log)
    }
    guard fillsDown[item] else {
      ids[item] = id
      if makesRows { values[item] = tables[item].lastWhole }
      return true
    }
    // A merged cell leaves the rows below it blank; a new value above resets what is inherited.
    var inherits = false
    if tables[item].isBlank(id) {
      if let changedLevel {
        // A unit with no name at an optional level (a 会計室 with no 部) stays blank.
        if !optionalLevel[item] {
          log.append(
            Self.blankLevel(
              form.items[item], startingNew: form.items[changedLevel], at: location(item, line: line)))
        }
      } else if inherited[item] >= 0 {
        id = inherited[item]
        inherits = true
      } else if !optionalLevel[item] {
        log.append(Self.blankLevel(form.items[item], startingNew: nil, at: location(item, line: line)))
      }
    } else if changedLevel == nil && id != inherited[item] {
      changedLevel = item
    }
    inherited[item] = id
    ids[item] = id
    if makesRows {
      if !inherits { inheritedValues[item] = tables[item].lastWhole }
      values[item] = inheritedValues[item]
    }
    return true
  }

  /// Reads the cell of an item with no column of its own: blank when the header lacks it, or made
  /// from its option columns for an item spread over one column per option, and then read as
  /// `decode` reads any cell (such an item is never filled down). False when a cell is not UTF-8.
  /// Kept out of `decode`, so that the hot loop's code stays as small as without such items.
  @inline(never)
  private mutating func decodeWithoutColumn(
    _ item: Int, line: Int, buffer: UnsafeBufferPointer<UInt8>, origin: Int,
    tables: UnsafeMutableBufferPointer<CellTable>
  ) -> Bool {
    guard let spread = optionColumns[item] else {
      ids[item] = tables[item].id(ofText: "", line: line, log: &log)
      if makesRows { values[item] = .blank }
      return true
    }
    if utf8 != nil {
      for case let column? in spread.columns where column < spans.count {
        guard checked(spans[column], in: buffer, origin: origin) else { return false }
      }
    }
    spread.cell(of: spans, in: buffer, into: &spreadCell, at: location(item, line: line), log: &log)
    ids[item] = spreadCell.withUnsafeBufferPointer { tables[item].id(of: $0, line: line, log: &log) }
    if makesRows { values[item] = tables[item].lastWhole }
    return true
  }

  /// Counts the row just read: each item counted alone, its unit, each combination.
  private mutating func count(line: Int) {
    for item in form.items.indices where countedAlone[item] { tables[item].count(ids[item]) }
    if checksUnits { checkUnit(line: line) }
    ids.withUnsafeBufferPointer { ids in
      counters.withUnsafeMutableBufferPointer { counters in
        for index in combinations { counters[index].add(ids) }
      }
    }
  }

  /// Frees a group's counts once they are handed over.
  mutating func dropCounts(_ group: Int) {
    let items = counters[group].items
    if items.count == 1 {
      tables[items[0]].dropCounts()
    } else {
      counters[group] = TupleCounter(items: items)
    }
  }

  /// Each combination of a group (its ids, in the order of the group's items) and its count, in
  /// the order first met.
  func forEachCombination(of group: Int, _ body: (UnsafeBufferPointer<Int32>, Int) -> Void) {
    let items = counters[group].items
    if items.count == 1 {
      tables[items[0]].forEachCount(body)
    } else {
      counters[group].forEach(body)
    }
  }

  /// How many combinations a group has counted.
  func combinations(of group: Int) -> Int {
    let items = counters[group].items
    return items.count == 1 ? tables[items[0]].countedIDs : counters[group].count
  }

  /// The items of a group.
  func items(of group: Int) -> [Int] { counters[group].items }

  /// The value an id stands for in an item's table.
  func value(item: Int, id: Int32) -> Value { tables[item].value(id) }

  /// Whether the reader stopped exactly where its chunks' `rawStop` maps to.
  var stoppedAtTheStop: Bool { stops?.stopStreamOffset == reader.offset }

  /// Where reading stands: the stream offset and line of the next record.
  var position: (offset: Int, line: Int) { (reader.offset, reader.currentLine) }

  /// Logs the row's unit when the overall form does not list it (remembered by the ids of its
  /// cells at each level).
  private mutating func checkUnit(line: Int) {
    guard let unitLookup else { return }
    let items = unitLookup.unitItems
    // Two levels (部 and 課) fit one key; deeper organisations are keyed by their ids' list.
    let key: Int64
    if items.count <= 2 {
      let first = items.first.map { Int64(ids[$0]) } ?? -1
      let second = items.count == 2 ? Int64(ids[items[1]]) : -1
      key = first << 32 | (second & 0xFFFF_FFFF)
    } else {
      let path = items.map { ids[$0] }
      key = Int64(unitPaths[path] ?? unitPaths.count)
      unitPaths[path] = Int(key)
    }
    let known = unitKnown[key]
    if known == true { return }
    let row = Row(line: line, values: hierarchyValues())
    if known == nil {
      let listed = unitLookup.unit(of: row) != nil
      unitKnown[key] = listed
      if listed { return }
    }
    units.append(unitLookup.warning(for: row, file: file))
  }

  private func hierarchyValues() -> [Value] {
    var values = [Value](repeating: .blank, count: form.items.count)
    for index in unitLookup?.unitItems ?? [] {
      values[index] = tables[index].value(ids[index])
    }
    return values
  }
}
