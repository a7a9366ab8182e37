import Foundation

/// One counting pass over a streamed export (`RowStream.count(_:form:)`): the consumers in groups
/// by the items they read, and the parts of the file read and handed over to them.
///
/// Consumers that read the same items share a group, counted once. A small or transcoded file is
/// one part, read on to its end; a larger one is read in parts two at a time (one per thread) and
/// handed over in file order by a `PartPipeline`.
///
/// Used by one pass, from the thread that calls `run`: the parts' threads share only the pipeline,
/// which orders their turns, and `firstPart`, which only the thread that reads part 0 touches.
final class CountingPass {
  private let stream: RowStream
  private let form: Form
  /// The reader `RowStream.open` made, its header read: the first part's, and the model of the others.
  private let rowReader: FormReader
  private let chunks: FileChunks
  /// The items each group reads, sorted.
  private let groups: [[Int]]
  private let groupConsumers: [[RowConsumer]]
  /// Whether a group's rows are placed in their unit (some consumer of it reads the unit).
  private let groupPlaces: [Bool]
  /// Every item some group reads.
  private let read: Set<Int>
  /// Whether the pass records what it finds (the stream's first complete pass).
  private let checking: Bool
  /// Where each part starts, in stream offsets of the first part's reader.
  private let starts: [Int]
  private let pipeline: PartPipeline
  /// The first part's counting reader, until the thread that reads part 0 takes it.
  private var firstPart: FormReader?
  /// Whether the file is CP932, transcoded from its start: `starts` are then offsets in the file,
  /// and each part stops where its chunks reach the next part's start.
  private let transcoded: Bool
  /// The checks of `kyodo check`, made on each part and taken at its turn, when it runs the pass.
  private let checks: CheckCollector?
  /// The cells the parts have parsed, for the parts after them.
  private let parsedCells: ParsedCells

  init(
    _ stream: RowStream, form: Form, consumers: [RowConsumer], rowReader: FormReader, chunks: FileChunks,
    checks: CheckCollector? = nil
  ) {
    self.stream = stream
    self.checks = checks
    self.form = form
    self.rowReader = rowReader
    self.chunks = chunks
    parsedCells = ParsedCells(items: form.items)
    let unitItems = stream.units?().unitItems ?? []
    (groups, groupConsumers, groupPlaces) = Self.planGroups(consumers, unitItems: unitItems)
    read = Set(groups.joined())
    checking = !stream.check.isDone
    transcoded = chunks.transcodes
    starts = stream.partStarts(chunks: chunks, form: form, rowReader: rowReader)
    pipeline = PartPipeline(starts: starts, log: rowReader.log)
    if transcoded && starts.count > 1 { chunks.rawStop = chunks.firstOffset + starts[1] }
    firstPart = counter(rowReader.reader, chunks: chunks, log: rowReader.log)
  }

  /// The consumers grouped by the items they read (with the items of the levels for a consumer that
  /// reads the unit), in the order first met, and whether each group's rows are placed in units.
  private static func planGroups(_ consumers: [RowConsumer], unitItems: [Int]) -> (
    groups: [[Int]], consumers: [[RowConsumer]], places: [Bool]
  ) {
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
    return (groups, groupConsumers, groupPlaces)
  }

  /// Counts every row: the file in one part, or in parts on two threads; then records the rows and
  /// problems found when the pass is the stream's first complete one.
  func run() {
    if starts.count == 1 {
      guard var part = firstPart else { return }
      firstPart = nil
      readOn(&part)
      pipeline.absorb(part)
    } else {
      readInParts()
    }
    stream.check.partsCounted = pipeline.partsCounted
    if let checks {
      checks.log = pipeline.log
      checks.rowsRead = pipeline.rowsRead
      checks.failed = pipeline.failed
    }
    if checking {
      stream.check.finish(
        rowCount: pipeline.rowCount, log: pipeline.log, units: pipeline.units, file: rowReader.file,
        encoding: pipeline.encoding ?? chunks.encoding)
    }
  }

  /// A counting reader over `chunks`; it checks UTF-8 itself unless the chunks are to find the
  /// encoding, as a whole file's reading does.
  private func counter(
    _ reader: TSVReader, chunks: FileChunks, log: DiagnosticLog, findingEncoding: Bool = false
  ) -> FormReader {
    chunks.leavesUTF8ToReader = !findingEncoding && !transcoded
    var part = rowReader.counting(
      reader: reader, log: log, groups: groups, read: read, unitLookup: stream.units?(),
      checksUnits: checking && stream.unitWarning != nil,
      checkingUTF8Of: findingEncoding || transcoded ? nil : chunks,
      stoppingAtTheStopOf: transcoded ? chunks : nil, idsForChecks: checks != nil, sharing: parsedCells)
    part.rowChecks = checks?.partChecks()
    return part
  }

  // MARK: Handing counts over

  /// Hands one group's combinations of a part to the group's consumers.
  private func handOver(_ group: Int, of part: FormReader) {
    let items = part.items(of: group)
    // One row is filled again for each combination: the group sets the same items every time.
    var row = Row(line: 0, values: [Value](repeating: .blank, count: form.items.count))
    part.forEachCombination(of: group) { key, count in
      for (position, item) in items.enumerated() {
        row.values[item] = part.value(item: item, id: key[position])
      }
      let counted = groupPlaces[group] ? stream.place(row) : row
      for consumer in groupConsumers[group] { consumer.add(counted, count) }
    }
  }

  /// Hands a part's combinations to the consumers and frees them. With `onTwoThreads`, the
  /// groups of several items are shared between this thread and another, after the groups of
  /// one item (which meet every name), when no group needs the unit and every item of theirs
  /// is counted alone too: their consumers then share nothing that changes (the names of a
  /// hierarchy are all known). Otherwise group after group, in order.
  private func handOver(_ part: inout FormReader, onTwoThreads: Bool) {
    // A part hands over in its turn: the lines before it are known.
    checks?.drain(&part, lineShift: pipeline.nextLine - 1)
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
    handOverOnTwoThreads(several, of: &part)
  }

  /// Hands the groups `several` of a part over, the largest first, each to the thread (this one or
  /// another) with fewer combinations so far.
  private func handOverOnTwoThreads(_ several: [Int], of part: inout FormReader) {
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
        self.handOver(group, of: lent)
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
  private func readOn(_ part: inout FormReader) {
    while true {
      part.run(stopAt: nil, pausingAbove: stream.combinationsHeld)
      guard part.paused else { break }
      handOver(&part, onTwoThreads: false)
    }
    handOver(&part, onTwoThreads: true)
  }

  // MARK: Reading in parts

  /// Reads the parts on this thread and, when there is a second core, on another, and waits for both.
  private func readInParts() {
    let twoThreads = ProcessInfo.processInfo.activeProcessorCount > 1
    let helper = HandOverJob { self.work() }
    if twoThreads {
      let thread = Thread { helper.run() }
      thread.stackSize = 8 << 20
      thread.start()
    }
    work()
    if twoThreads { helper.wait() }
  }

  /// Reads the parts this thread takes and hands each over at its turn.
  private func work() {
    while let index = pipeline.take() {
      let part = readPart(index)
      pipeline.turn(index) { takeTurn(index, part) }
    }
  }

  /// Part `index` read to its end (nil when its file could not be opened again).
  private func readPart(_ index: Int) -> FormReader? {
    var part: FormReader
    if index == 0, let taken = firstPart {
      part = taken
      firstPart = nil
    } else {
      guard let opened = reopened(index) else { return nil }
      part = opened.0
    }
    part.run(stopAt: transcoded ? nil : pipeline.stop(of: index), followingStops: transcoded) {
      pipeline.cancellation.isCancelled
    }
    return part
  }

  /// A reader of the file from part `index`'s start (nil when the file cannot be opened again).
  private func reopened(_ index: Int, findingEncoding: Bool = false) -> (FormReader, FileChunks)? {
    guard let url = stream.url,
      let opened = try? FileChunks(
        url: url, file: rowReader.file, startOffset: chunks.firstOffset + starts[index],
        encoding: transcoded ? chunks.encoding : nil)
    else { return nil }
    if transcoded && index + 1 < starts.count { opened.rawStop = chunks.firstOffset + starts[index + 1] }
    let part = counter(
      TSVReader(source: opened, file: rowReader.file), chunks: opened, log: rowReader.log.empty,
      findingEncoding: findingEncoding)
    return (part, opened)
  }

  /// Part `index`'s turn (the part before stopped where it starts): hand it over, then check
  /// that it stopped where the next one starts; when it did not (the next guess was not a
  /// record start), it reads on over the rest of the file and the later parts are dropped.
  /// A part that met a damaged file ends the pass there, as a row-by-row reading would.
  private func takeTurn(_ index: Int, _ read: FormReader?) {
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
      transcoded
      ? part.stoppedAtTheStop
      : !(index == 0 && chunks.transcodes) && part.position.offset == pipeline.stop(of: index)
    if !part.failed && !last && !stoppedAtNext { readOn(&part) }
    pipeline.absorb(part)
    if part.failed || last || !stoppedAtNext { pipeline.finish() }
  }

  /// Reads the file again from part `index`'s start, letting its bytes tell the encoding (the
  /// parts before held only ASCII, which CP932 reads the same), to its end, alone; false when
  /// the file cannot be opened again.
  private func readOnFindingEncoding(from index: Int) -> Bool {
    guard let reading = reopened(index, findingEncoding: true) else { return false }
    var part = reading.0
    readOn(&part)
    pipeline.absorb(part)
    pipeline.encoding = reading.1.encoding
    pipeline.finish()
    return true
  }

  /// Ends the pass with the error of a file that could not be opened again at part `index`'s start.
  private func cannotReopen(_ index: Int) {
    pipeline.failed = true
    pipeline.log.append(
      Diagnostic(
        .error, file: rowReader.file,
        found: "a file that could not be opened again at byte offset \(chunks.firstOffset + starts[index])",
        expected: "a file that stays readable while kyodo reads it"))
    pipeline.finish()
  }
}
