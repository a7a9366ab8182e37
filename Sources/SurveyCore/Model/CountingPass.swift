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

/// The parts of a counting pass over a large file, read two at a time (one per thread) and
/// handed over to the consumers one after another in file order, so that only a few parts' counts
/// are held at once.
///
/// A part is read from a guessed record start to the next part's; its turn to hand over comes
/// after the part before it has handed over, and ends with a check that it stopped exactly where
/// the next part starts (the guess was a record start). When it did not, it reads on over the rest
/// of the file, and the later parts are dropped; so a part whose turn comes starts at a record.
///
/// Unchecked Sendable: `take` and `isFinished` hold the lock; the rest is touched only in turns,
/// which the semaphores order one after another.
private final class PartPipeline: @unchecked Sendable {
  /// Where each part starts, in stream offsets of the first part's reader (part 0 at 0).
  let starts: [Int]
  private let lock = NSLock()
  private var nextPart = 0
  private var finished = false
  private let turns: [DispatchSemaphore]
  let cancellation = Cancellation()
  var log: DiagnosticLog
  var units: DiagnosticLog
  var rowCount = 0
  var partsCounted = 0
  /// The line of the file where the next part starts.
  var nextLine = 1
  /// Whether the parts absorbed so far held only ASCII.
  var onlyASCII = true
  /// The encoding of the file, when a part found it other than the first part's.
  var encoding: TextEncoding?

  init(starts: [Int], log: DiagnosticLog) {
    self.starts = starts
    self.log = log.empty
    units = log.empty
    // Made at 0 and signalled: libdispatch traps on freeing a semaphore below its initial value.
    turns = starts.indices.map { _ in DispatchSemaphore(value: 0) }
    turns.first?.signal()
  }

  /// The next part to read, or nil when there is none or the pass has finished.
  func take() -> Int? {
    lock.withLock {
      guard !finished, nextPart < starts.count else { return nil }
      defer { nextPart += 1 }
      return nextPart
    }
  }

  var isFinished: Bool { lock.withLock { finished } }

  func finish() {
    lock.withLock { finished = true }
    cancellation.cancel()
  }

  /// Waits for part `index`'s turn, runs `body`, and lets the next part have its turn.
  func turn(_ index: Int, _ body: () -> Void) {
    turns[index].wait()
    body()
    if index + 1 < turns.count { turns[index + 1].signal() }
  }

  /// The stream offset where part `index` stops (nil: at the end of the file).
  func stop(of index: Int) -> Int? {
    index + 1 < starts.count ? starts[index + 1] - starts[index] : nil
  }

  /// Adds a part that read its last row to the totals, its lines shifted to the file's.
  func absorb(_ part: FormReader) {
    let shift = nextLine - 1
    log.absorb(part.log, lineShift: shift)
    units.absorb(part.units, lineShift: shift)
    rowCount += part.rowCount
    nextLine = part.position.line + shift
    partsCounted += 1
  }
}

extension RowStream {
  /// Counts every row for the consumers in one pass. A large file is read in parts of at most
  /// `partBytes`, each from a record start guessed near its place, two at a time when there is a
  /// second core. Each part counts the combinations of cells the consumers read; the consumers then
  /// get each combination once per part, with its count, part after part in file order. A pass
  /// that reaches the end records the rows and problems found, the same as a row-by-row pass.
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
    /// A counting reader over `chunks`; it checks UTF-8 itself unless the chunks are to find the
    /// encoding, as a whole file's reading does.
    func counter(_ reader: TSVReader, chunks: FileChunks, log: DiagnosticLog, findingEncoding: Bool = false)
      -> FormReader
    {
      chunks.leavesUTF8ToReader = !findingEncoding
      return rowReader.counting(
        reader: reader, log: log, groups: groups, read: read, unitLookup: units?(),
        checksUnits: checking && unitWarning != nil, checkingUTF8Of: findingEncoding ? nil : chunks)
    }

    /// Hands one group's combinations of a part to the group's consumers.
    func handOver(_ group: Int, of part: FormReader) {
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
    func handOver(_ part: inout FormReader, onTwoThreads: Bool) {
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

    /// Reads a part to the end of the file, handing its counts over whenever they grow large, so
    /// that memory stays bounded; the last are handed over on two threads.
    func readOn(_ part: inout FormReader) {
      while true {
        part.run(stopAt: nil, pausingAbove: combinationsHeld)
        guard part.paused else { break }
        handOver(&part, onTwoThreads: false)
      }
      handOver(&part, onTwoThreads: true)
    }

    let first = counter(rowReader.reader, chunks: chunks, log: rowReader.log)
    let starts = partStarts(chunks: chunks, form: form, rowReader: rowReader)
    let pipeline = PartPipeline(starts: starts, log: rowReader.log)
    if starts.count == 1 {
      var part = first
      readOn(&part)
      pipeline.absorb(part)
    } else {
      var firstPart: FormReader? = first
      /// A reader of the file from part `index`'s start (nil when the file cannot be opened again).
      func reopened(_ index: Int, findingEncoding: Bool = false) -> (FormReader, FileChunks)? {
        guard let url,
          let opened = try? FileChunks(
            url: url, file: rowReader.file, startOffset: chunks.firstOffset + starts[index])
        else { return nil }
        let part = counter(
          TSVReader(source: opened, file: rowReader.file), chunks: opened, log: rowReader.log.empty,
          findingEncoding: findingEncoding)
        return (part, opened)
      }
      /// Part `index` read to its end (nil when its file could not be opened again).
      func read(_ index: Int) -> FormReader? {
        var part: FormReader
        if index == 0, let taken = firstPart {
          part = taken
          firstPart = nil
        } else {
          guard let opened = reopened(index) else { return nil }
          part = opened.0
        }
        part.run(stopAt: pipeline.stop(of: index)) { pipeline.cancellation.isCancelled }
        return part
      }
      /// Reads the file again from part `index`'s start, letting its bytes tell the encoding (the
      /// parts before held only ASCII, which CP932 reads the same), to its end, alone; false when
      /// the file cannot be opened again.
      func readOnFindingEncoding(from index: Int) -> Bool {
        guard var (part, opened) = reopened(index, findingEncoding: true) else { return false }
        readOn(&part)
        pipeline.absorb(part)
        pipeline.encoding = opened.encoding
        pipeline.finish()
        return true
      }
      func cannotReopen(_ index: Int) {
        pipeline.log.append(
          Diagnostic(
            .error, file: rowReader.file,
            found:
              "a file that could not be opened again at byte offset \(chunks.firstOffset + starts[index])",
            expected: "a file that stays readable while kyodo reads it"))
        pipeline.finish()
      }
      /// Part `index`'s turn (the part before stopped where it starts): hand it over, then check
      /// that it stopped where the next one starts; when it did not (the next guess was not a
      /// record start), it reads on over the rest of the file and the later parts are dropped.
      /// A part that met a damaged file ends the pass there, as a row-by-row reading would.
      func turn(_ index: Int, _ read: FormReader?) {
        guard !pipeline.isFinished else { return }
        guard var part = read else { return cannotReopen(index) }
        if index > 0 && pipeline.onlyASCII && part.stoppedAfterOnlyASCII {
          // A file of ASCII first and CP932 after: read from here as a whole file's reading does.
          if !readOnFindingEncoding(from: index) { cannotReopen(index) }
          return
        }
        if let stop = pipeline.stop(of: index), !part.readOnlyASCII(before: stop) {
          pipeline.onlyASCII = false
        }
        let last = index + 1 == starts.count
        handOver(&part, onTwoThreads: last)
        // The first part's offsets are not the file's when it turned out to be CP932.
        let stoppedAtNext =
          !(index == 0 && chunks.transcodes) && part.position.offset == pipeline.stop(of: index)
        if !part.failed && !last && !stoppedAtNext { readOn(&part) }
        pipeline.absorb(part)
        if part.failed || last || !stoppedAtNext { pipeline.finish() }
      }
      /// Reads the parts this thread takes and hands each over at its turn.
      func work() {
        while let index = pipeline.take() {
          let part = read(index)
          pipeline.turn(index) { turn(index, part) }
        }
      }
      let twoThreads = ProcessInfo.processInfo.activeProcessorCount > 1
      let helper = HandOverJob { work() }
      if twoThreads {
        let thread = Thread { helper.run() }
        thread.stackSize = 8 << 20
        thread.start()
      }
      work()
      if twoThreads { helper.wait() }
    }

    check.partsCounted = pipeline.partsCounted
    if checking {
      check.finish(
        rowCount: pipeline.rowCount, log: pipeline.log, units: pipeline.units, file: rowReader.file,
        encoding: pipeline.encoding ?? chunks.encoding)
    }
  }

  /// Where the parts of a counting pass start, in stream offsets of the first part's reader: only
  /// 0 (one part) for a small or transcoded file, or when no record start can be guessed.
  private func partStarts(chunks: FileChunks, form: Form, rowReader: FormReader) -> [Int] {
    guard let url, !chunks.transcodes,
      let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int,
      size >= 2 * minimumPartBytes
    else { return [0] }
    let parts = max(2, (size + partBytes - 1) / partBytes)
    let hierarchyColumns = form.items.indices.filter { form.items[$0].fillsDown }.compactMap {
      rowReader.columns[$0]
    }
    var starts = [0]
    for part in 1..<parts {
      guard
        let boundary = Self.boundary(
          in: url, near: size / parts * part, headerCount: rowReader.headerCount,
          hierarchyColumns: hierarchyColumns),
        boundary - chunks.firstOffset > max(starts.last ?? 0, rowReader.reader.offset)
      else { continue }
      starts.append(boundary - chunks.firstOffset)
    }
    return starts
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
