import Foundation

/// How many times each distinct combination of cells came in a pass, in the order first met.
///
/// A combination is a tuple of counting-value ids (`CellTable`), one per item a group of
/// consumers reads. Memory grows with the combinations, not with the rows. (A group of one item is
/// counted by the item's `CellTable` instead.)
struct TupleCounter {
  /// The positions (in the form's items) whose ids make the key.
  let items: [Int]
  private var keys: [Int32] = []
  /// The count of each combination, in four bytes (there may be one per distinct figure and
  /// breakdown); a count that would pass UInt32.max carries into `carried`.
  private var counts: [UInt32] = []
  private var carried: [Int: Int] = [:]
  private var slots: [Int32] = []
  init(items: [Int]) {
    self.items = items
    slots = [Int32](repeating: -1, count: 256)
  }

  /// Counts the combination of `ids` (one id per item of the form) at `items`.
  mutating func add(_ ids: UnsafeBufferPointer<Int32>) {
    let hash = Self.hash(ids, at: items)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry < 0 { break }
      if matches(entry, ids) {
        if counts[entry] == UInt32.max {
          carried[entry, default: 0] += Int(UInt32.max)
          counts[entry] = 0
        }
        counts[entry] += 1
        return
      }
      slot = (slot + 1) & mask
    }
    slots[slot] = Int32(counts.count)
    for item in items { keys.append(ids[item]) }
    counts.append(1)
    if counts.count * 2 > slots.count { grow() }
  }

  @inline(__always) private func matches(_ entry: Int, _ ids: UnsafeBufferPointer<Int32>) -> Bool {
    var at = entry * items.count
    for item in items {
      if keys[at] != ids[item] { return false }
      at += 1
    }
    return true
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    keys.withUnsafeBufferPointer { keys in
      for entry in counts.indices {
        let key = UnsafeBufferPointer(rebasing: keys[(entry * items.count)..<((entry + 1) * items.count)])
        var slot = Int(truncatingIfNeeded: Self.hash(key, at: Array(key.indices))) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
      }
    }
  }

  /// The hash of the ids at `items`.
  @inline(__always) static func hash(_ ids: UnsafeBufferPointer<Int32>, at items: [Int]) -> UInt64 {
    var hash: UInt64
    if items.count == 2 {
      hash =
        (UInt64(UInt32(bitPattern: ids[items[0]])) << 32 | UInt64(UInt32(bitPattern: ids[items[1]])))
        &* 0x9E37_79B9_7F4A_7C15
    } else {
      hash = 0x2545_F491_4F6C_DD1D
      for item in items {
        hash = (hash ^ UInt64(UInt32(bitPattern: ids[item]))) &* 0x9E37_79B9_7F4A_7C15
      }
    }
    return hash ^ (hash >> 31)
  }

  /// How many combinations have been counted.
  var count: Int { counts.count }

  /// Each combination (its ids, in the order of `items`) and its count, in the order first met.
  func forEach(_ body: (UnsafeBufferPointer<Int32>, Int) -> Void) {
    keys.withUnsafeBufferPointer { keys in
      for entry in counts.indices {
        body(
          UnsafeBufferPointer(rebasing: keys[(entry * items.count)..<((entry + 1) * items.count)]),
          Int(counts[entry]) + (carried[entry] ?? 0))
      }
    }
  }
}

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
    self.units = DiagnosticLog(limit: log.limit)
    self.unitLookup = unitLookup
    self.checksUnits = checksUnits
  }

  /// Frees the cells read (their tables, and the counts), once the part has read its last row and
  /// handed its counts over; its rows, log and position remain.
  mutating func releaseCells() {
    tables = []
    counters = []
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

  /// Reads and counts records until the end, the reader's stop offset, or `cancelled`.
  mutating func run(stopAt stopOffset: Int?, cancelled: () -> Bool = { false }) {
    // The reader is moved out while rows are counted (and back at the end), so that a row's
    // buffer is lent to `countRow` without copying the reader.
    var reader = TSVReader(utf8: [], file: file)
    swap(&reader, &self.reader)
    defer { swap(&reader, &self.reader) }
    reader.stopOffset = stopOffset
    while true {
      if rowCount & 4095 == 0 && cancelled() { return }
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
    let index = span.start + bad
    log.append(
      utf8.invalidUTF8(
        Array(buffer[index..<min(buffer.count, index + 4)]),
        atStreamOffset: origin + index))
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

/// Work handed to another thread, and waited for. Unchecked Sendable: `run` is called once, on
/// that thread, and `wait` returns after it; the work touches only what the caller lent it.
private final class HandOverJob: @unchecked Sendable {
  private let work: () -> Void
  private let done = DispatchSemaphore(value: 0)

  init(_ work: @escaping () -> Void) {
    self.work = work
  }

  func run() {
    work()
    done.signal()
  }

  func wait() { done.wait() }
}

/// Tells a thread to stop early. Unchecked Sendable: the flag is read and written under a lock.
private final class Cancellation: @unchecked Sendable {
  private let lock = NSLock()
  private var cancelled = false
  var isCancelled: Bool { lock.withLock { cancelled } }
  func cancel() { lock.withLock { cancelled = true } }
}

/// A part counter handed to the thread that runs it. Unchecked Sendable: only that thread uses
/// the counter until the semaphore says it has finished.
private final class PartTask: @unchecked Sendable {
  var counter: PartCounter
  let chunks: FileChunks
  let done = DispatchSemaphore(value: 0)
  let cancellation = Cancellation()

  init(counter: PartCounter, chunks: FileChunks) {
    self.counter = counter
    self.chunks = chunks
  }
}

extension RowStream {
  /// Counts every row for the consumers in one pass: the file is read in two parts at once (the
  /// second from a record start near its middle) when it is large and there is a second core.
  /// Each part counts the combinations of cells the consumers read; the consumers then get each
  /// combination once, with its count, the first part's first. A pass that reaches the end
  /// records the rows and problems found, the same as a row-by-row pass.
  func count(_ consumers: [RowConsumer], form: Form) {
    guard let opened = open() else { return }
    let rowReader = opened.0
    let chunks = opened.1
    let lookup = units?()
    let unitItems = [lookup?.departmentIndex, lookup?.sectionIndex].compactMap { $0 }
    var groups: [[Int]] = []
    var groupConsumers: [[RowConsumer]] = []
    var groupPlaces: [Bool] = []
    for consumer in consumers {
      let items = Array(Set((consumer.reads.items ?? []) + (consumer.reads.unit ? unitItems : []))).sorted()
      if let index = groups.firstIndex(of: items) {
        // Placing a row in its unit costs nothing to a consumer that does not read the unit.
        groupConsumers[index].append(consumer)
        groupPlaces[index] = groupPlaces[index] || consumer.reads.unit
      } else {
        groups.append(items)
        groupConsumers.append([consumer])
        groupPlaces.append(consumer.reads.unit)
      }
    }
    let read = Set(groups.joined())
    let checking = !check.isDone
    func counter(_ reader: TSVReader, chunks: FileChunks, log: DiagnosticLog) -> PartCounter {
      chunks.leavesUTF8ToReader = true
      return PartCounter(
        form: form, file: rowReader.file, reader: reader, columns: rowReader.columns,
        headerCount: rowReader.headerCount, codebook: rowReader.codebook, groups: groups, read: read,
        log: log,
        unitLookup: units?(), checksUnits: checking && unitWarning != nil, checkingUTF8Of: chunks)
    }
    var first = counter(rowReader.reader, chunks: chunks, log: rowReader.log)

    var second: PartTask?
    var stop: Int?
    if let url, ProcessInfo.processInfo.activeProcessorCount > 1, !chunks.needsWholeFileDecoding,
      let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int,
      size >= 2 * minimumPartBytes,
      let boundary = Self.boundary(
        in: url, near: size * 45 / 100, headerCount: rowReader.headerCount,
        hierarchyColumns: form.items.indices.filter { form.items[$0].fillsDown }.compactMap {
          rowReader.columns[$0]
        }),
      boundary > chunks.firstOffset,
      let secondChunks = try? FileChunks(url: url, file: rowReader.file, startOffset: boundary)
    {
      let task = PartTask(
        counter: counter(
          TSVReader(source: secondChunks, file: rowReader.file), chunks: secondChunks,
          log: DiagnosticLog(limit: rowReader.log.limit)),
        chunks: secondChunks)
      let thread = Thread {
        task.counter.run(stopAt: nil) { task.cancellation.isCancelled }
        task.done.signal()
      }
      thread.stackSize = 8 << 20
      thread.start()
      second = task
      stop = boundary - chunks.firstOffset
    }

    /// Hands one group's combinations of a part to the group's consumers.
    func handOver(_ group: Int, of part: PartCounter) {
      let items = part.items(of: group)
      // One row is filled again for each combination: the group sets the same items every time.
      var row = Row(line: 0, values: [Value](repeating: .blank, count: form.items.count))
      part.forEachCombination(of: group) { key, count in
        for (position, item) in items.enumerated() {
          row.values[item] = part.value(item: item, id: key[position])
        }
        let counted = groupPlaces[group] ? place(row) : row
        for consumer in groupConsumers[group] { consumer.add(counted, count) }
      }
    }

    /// Hands a part's combinations to the consumers and frees them. With `onTwoThreads`, the
    /// groups of several items are shared between this thread and another, after the groups of
    /// one item (which meet every name), when no group needs the unit and every item of theirs
    /// is counted alone too: their consumers then share nothing that changes (the names of a
    /// hierarchy are all known). Otherwise group after group, in order.
    func handOver(_ part: inout PartCounter, onTwoThreads: Bool) {
      let alone = Set(groups.filter { $0.count == 1 }.joined())
      let several = groups.indices.filter { groups[$0].count != 1 }
      let shared =
        onTwoThreads && several.count > 1
        && several.allSatisfy { !groupPlaces[$0] && groups[$0].allSatisfy(alone.contains) }
      guard shared else {
        for group in groups.indices {
          handOver(group, of: part)
          part.dropCounts(group)
        }
        return
      }
      for group in groups.indices where groups[group].count == 1 {
        handOver(group, of: part)
        part.dropCounts(group)
      }
      // The largest groups first, each to the thread with less so far.
      var mine: [Int] = []
      var theirs: [Int] = []
      var load = (0, 0)
      for group in several.sorted(by: { part.combinations(of: $0) > part.combinations(of: $1) }) {
        if load.0 <= load.1 {
          mine.append(group)
          load.0 += part.combinations(of: group)
        } else {
          theirs.append(group)
          load.1 += part.combinations(of: group)
        }
      }
      // Each thread frees a group's counts once handed over: the other thread gets its groups
      // in a copy of the part, and this one lets go of them.
      var lent = part
      for group in theirs { part.dropCounts(group) }
      let job = HandOverJob {
        for group in theirs {
          handOver(group, of: lent)
          lent.dropCounts(group)
        }
      }
      let thread = Thread { job.run() }
      thread.stackSize = 8 << 20
      thread.start()
      for group in mine {
        handOver(group, of: part)
        part.dropCounts(group)
      }
      job.wait()
    }

    // The consumers get the first part's combinations before the second's, so that they meet
    // names and texts in file order; the first part's are handed over while the second is read.
    first.run(stopAt: stop)
    var parts = 1
    var secondPart: PartCounter?
    if let second, let stop {
      let aligned = !first.failed && first.position.offset == stop
      if aligned {
        handOver(&first, onTwoThreads: false)
      } else {
        second.cancellation.cancel()
      }
      second.done.wait()
      if aligned && !second.counter.failed && !second.chunks.needsWholeFileDecoding {
        secondPart = second.counter
        parts = 2
      } else if !first.failed {
        // The guess of a record start was wrong, or the second part met a damaged file: read on.
        first.run(stopAt: nil)
      }
    }
    handOver(&first, onTwoThreads: secondPart == nil)
    if var secondPart {
      // The first part has read its last row: its cells need not be kept while the second's are
      // handed over.
      first.releaseCells()
      handOver(&secondPart, onTwoThreads: true)
    }

    check.partsCounted = parts
    if checking {
      var log = first.log
      var unitsLog = first.units
      if let secondPart {
        let lineShift = first.position.line - 1
        log.absorb(secondPart.log, lineShift: lineShift)
        unitsLog.absorb(secondPart.units, lineShift: lineShift)
      }
      var diagnostics = log.diagnostics
      if let note = log.omissionNote(file: rowReader.file) { diagnostics.append(note) }
      if chunks.needsWholeFileDecoding {
        diagnostics.append(
          Diagnostic(
            .error, file: rowReader.file,
            found:
              "bytes that are not UTF-8 after a start that is only ASCII, in an export too large to decode whole",
            expected: "a UTF-8 export (or a CP932 one whose first megabyte has Japanese text)"))
      }
      check.finish(
        rowCount: first.rowCount + (secondPart?.rowCount ?? 0),
        diagnostics: diagnostics + unitsLog.diagnostics)
    }
  }

  /// The offset of a record start near `middle`: the first line start after it where two whole
  /// records follow with the header's number of fields, the first with its 部, 課 and 係 written
  /// (so that nothing is inherited across the parts). Nil when none is found nearby. The guess is
  /// checked when the first part reaches it.
  static func boundary(in url: URL, near middle: Int, headerCount: Int, hierarchyColumns: [Int]) -> Int? {
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard (try? handle.seek(toOffset: UInt64(middle))) != nil, let data = try? handle.read(upToCount: 1 << 20)
    else { return nil }
    let window = [UInt8](data)
    var index = 0
    while index < window.count, let newline = window[index...].firstIndex(of: 0x0A) {
      let start = newline + 1
      index = start
      guard start < window.count, window[start] != 0x0A, window[start] != 0x0D else { continue }
      let slice = Array(window[start..<min(window.count, start + (256 << 10))])
      var reader = TSVReader(utf8: slice, file: "")
      var spans: [FieldSpan] = []
      var plausible = true
      for record in 0..<2 {
        guard (try? reader.nextSpans(into: &spans)) != nil, spans.count == headerCount,
          reader.offset < slice.count
        else {
          plausible = false
          break
        }
        if record == 0
          && hierarchyColumns.contains(where: { reader.string(of: spans[$0]).trimmingSpaces.isEmpty })
        {
          plausible = false
          break
        }
      }
      if plausible { return middle + start }
    }
    return nil
  }
}
