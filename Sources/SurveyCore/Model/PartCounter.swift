import Foundation

/// One part of a streamed export read and counted on one thread: every cell is checked as the
/// row-by-row reader checks it (the same diagnostics, in the same order), and the rows are
/// counted by the combinations the consumers read.
struct PartCounter {
  private let form: Form
  private let file: String
  private var reader: TSVReader
  private let columns: [Int?]
  private let headerCount: Int
  private var tables: [CellTable]
  private let names: [String]
  /// Items whose cells can give no diagnostic and that nothing reads: free text and identifiers.
  private let skipped: [Bool]
  private let fillsDown: [Bool]
  private var inherited: [Int32]
  private var ids: [Int32]
  private var spans: [FieldSpan] = []
  private var counters: [TupleCounter]
  /// Items counted on their own (a group of one item): their table counts them, as it reads them.
  private let countedAlone: [Bool]
  /// The groups of several items (or none), counted by their `TupleCounter`.
  private let combinations: [Int]
  private(set) var log: DiagnosticLog
  private(set) var units: DiagnosticLog
  private(set) var rowCount = 0
  /// Set when reading stopped at an error of the file itself (encoding, unclosed quote).
  private(set) var failed = false
  /// Set when reading stopped because the combinations held grew past what `run` was given.
  private(set) var paused = false
  private let unitLookup: UnitLookup?
  /// When set, the part checks UTF-8 itself (its chunks are not): the cells it parses, the cells it
  /// skips and ragged rows. A cell met before is the same bytes as one checked then.
  private let utf8: FileChunks?
  private var unitKnown: [Int64: Bool] = [:]
  private let checksUnits: Bool

  init(
    form: Form, file: String, reader: TSVReader, columns: [Int?], headerCount: Int, codebook: Codebook,
    groups: [[Int]], read: Set<Int>, log: DiagnosticLog, unitLookup: UnitLookup?, checksUnits: Bool,
    checkingUTF8Of utf8: FileChunks? = nil
  ) {
    self.utf8 = utf8
    self.form = form
    self.file = file
    self.reader = reader
    self.columns = columns
    self.headerCount = headerCount
    self.tables = form.items.indices.map { index in
      CellTable(
        item: form.items[index], codebook: codebook, file: file, column: columns[index].map { $0 + 1 })
    }
    self.names = form.items.map(\.displayName)
    self.fillsDown = form.items.map(\.fillsDown)
    self.skipped = form.items.indices.map { index in
      let item = form.items[index]
      return (item.kind == .text || item.kind == .identifier) && !item.fillsDown && !read.contains(index)
    }
    self.inherited = [Int32](repeating: -1, count: form.items.count)
    self.ids = [Int32](repeating: 0, count: form.items.count)
    self.counters = groups.map { TupleCounter(items: $0) }
    self.countedAlone = form.items.indices.map { item in groups.contains([item]) }
    self.combinations = groups.indices.filter { groups[$0].count != 1 }
    self.log = log
    self.units = log.empty
    self.unitLookup = unitLookup
    self.checksUnits = checksUnits
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

  /// Where reading stands: the stream offset and line of the next record.
  var position: (offset: Int, line: Int) { (reader.offset, reader.currentLine) }

  /// Reads and counts records until the end, the reader's stop offset, or `cancelled`; with
  /// `pausingAbove`, also once the combinations held pass that many (`paused` is then set, and
  /// `run` goes on from there).
  mutating func run(stopAt stopOffset: Int?, pausingAbove held: Int? = nil, cancelled: () -> Bool = { false })
  {
    paused = false
    // The reader is moved out while rows are counted (and back at the end), so that a row's
    // buffer is lent to `countRow` without copying the reader.
    var reader = TSVReader(utf8: [], file: file)
    swap(&reader, &self.reader)
    defer { swap(&reader, &self.reader) }
    reader.stopOffset = stopOffset
    while true {
      if rowCount & 4095 == 0 && cancelled() { return }
      if let held, rowCount & 1023 == 0, combinations.reduce(0, { $0 + counters[$1].count }) > held {
        paused = true
        return
      }
      let line: Int?
      do throws(SurveyError) {
        line = try reader.nextSpans(into: &spans)
      } catch {
        log.append(contentsOf: error.diagnostics)
        failed = true
        return
      }
      guard let line else { return }
      if spans.count != headerCount {
        let origin = reader.offset(ofBufferIndex: 0)
        guard reader.withBuffer({ buffer in spans.allSatisfy { checked($0, in: buffer, origin: origin) } })
        else {
          return
        }
        ragged(line: line, reader: reader)
        continue
      }
      let origin = reader.offset(ofBufferIndex: 0)
      guard reader.withBuffer({ buffer in countRow(line: line, buffer: buffer, origin: origin) }) else {
        return
      }
      rowCount += 1
    }
  }

  private func location(_ item: Int, line: Int) -> CellLocation {
    CellLocation(file: file, line: line, column: columns[item].map { $0 + 1 }, item: names[item])
  }

  private mutating func ragged(line: Int, reader: TSVReader) {
    log.append(RowReader.raggedRow(file: file, line: line, fields: spans.count, expected: headerCount))
    // Its hierarchy cells still stand above the rows that inherit them.
    for item in form.items.indices where fillsDown[item] {
      guard let column = columns[item], column < spans.count else { continue }
      let raw = reader.string(of: spans[column]).trimmingSpaces
      if !raw.isEmpty { inherited[item] = tables[item].id(ofText: raw, line: line, log: &log) }
    }
  }

  /// Whether a span's bytes are UTF-8 (always, when the part does not check); the error is
  /// logged and the part stops when they are not.
  private mutating func checked(_ span: FieldSpan, in buffer: UnsafeBufferPointer<UInt8>, origin: Int)
    -> Bool
  {
    guard let utf8,
      let bad = TextDecoding.firstInvalidUTF8Offset(
        UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]))
    else { return true }
    log.append(utf8.invalidUTF8(atStreamOffset: origin + span.start + bad))
    failed = true
    return false
  }

  /// Counts one row (its spans index `buffer`, whose first byte is at stream offset `origin`);
  /// false when a cell is not UTF-8 (the part then stops).
  private mutating func countRow(line: Int, buffer: UnsafeBufferPointer<UInt8>, origin: Int) -> Bool {
    var changedLevel: Int?
    for item in form.items.indices {
      guard let column = columns[item] else {
        ids[item] = tables[item].id(ofText: "", line: line, log: &log)
        if countedAlone[item] { tables[item].count(ids[item]) }
        continue
      }
      let span = spans[column]
      if skipped[item] {
        if utf8 != nil && !checked(span, in: buffer, origin: origin) { return false }
        continue
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
      if fillsDown[item] {
        // A merged cell leaves the rows below it blank; a new value above resets what is inherited.
        if tables[item].isBlank(id) {
          if let changedLevel {
            log.append(
              RowReader.blankLevel(
                form.items[item], startingNew: form.items[changedLevel], at: location(item, line: line)))
          } else if inherited[item] >= 0 {
            id = inherited[item]
          } else {
            log.append(
              RowReader.blankLevel(form.items[item], startingNew: nil, at: location(item, line: line)))
          }
        } else if changedLevel == nil && id != inherited[item] {
          changedLevel = item
        }
        inherited[item] = id
      }
      ids[item] = id
      if countedAlone[item] { tables[item].count(id) }
    }
    if checksUnits { checkUnit(line: line) }
    ids.withUnsafeBufferPointer { ids in
      counters.withUnsafeMutableBufferPointer { counters in
        for index in combinations { counters[index].add(ids) }
      }
    }
    return true
  }

  /// Logs the row's unit when the overall form does not list it (remembered by its 部 and 課 ids).
  private mutating func checkUnit(line: Int) {
    guard let unitLookup else { return }
    let department = unitLookup.departmentIndex.map { Int64(ids[$0]) } ?? -1
    let section = unitLookup.sectionIndex.map { Int64(ids[$0]) } ?? -1
    let key = department << 32 | (section & 0xFFFF_FFFF)
    var row = Row(line: line, values: [])
    if unitKnown[key] == nil {
      row.values = hierarchyValues()
      unitKnown[key] = unitLookup.unit(of: row) != nil
    }
    if unitKnown[key] == false {
      if row.values.isEmpty { row.values = hierarchyValues() }
      units.append(unitLookup.warning(for: row, file: file))
    }
  }

  private func hierarchyValues() -> [Value] {
    var values = [Value](repeating: .blank, count: form.items.count)
    for index in [unitLookup?.departmentIndex, unitLookup?.sectionIndex].compactMap({ $0 }) {
      values[index] = tables[index].value(ids[index])
    }
    return values
  }
}
