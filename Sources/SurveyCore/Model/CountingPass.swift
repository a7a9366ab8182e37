import Foundation

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
    if let url, ProcessInfo.processInfo.activeProcessorCount > 1, !chunks.transcodes,
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
      let aligned = !first.failed && !chunks.transcodes && first.position.offset == stop
      if aligned {
        handOver(&first, onTwoThreads: false)
      } else {
        second.cancellation.cancel()
      }
      second.done.wait()
      if aligned && !second.counter.failed && !second.chunks.transcodes {
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
      check.finish(
        rowCount: first.rowCount + (secondPart?.rowCount ?? 0), log: log, units: unitsLog,
        file: rowReader.file,
        chunks: chunks)
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
