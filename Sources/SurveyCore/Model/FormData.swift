import Foundation

/// One row of an export, its cells read into typed values.
public struct Row: Sendable {
  /// The physical line where the row starts in its file.
  public var line: Int
  /// One value per item of the form, in the form's item order.
  public var values: [Value]
  /// The responding unit the row belongs to, or nil when the overall form does not list it.
  public var unit: UnitPath?

  public init(line: Int, values: [Value], unit: UnitPath? = nil) {
    self.line = line
    self.values = values
    self.unit = unit
  }
}

/// The rows of one questionnaire's export, typed according to the codebook.
///
/// Most exports are kept in memory. A large one (see `Survey.streamingThreshold`) is read again
/// from its file on each pass instead, a row at a time: tabulation then takes memory in proportion
/// to its categories, not to the rows.
public struct FormData: Sendable {
  public var form: Form
  /// The file name the rows came from, for messages.
  public var file: String
  /// The encoding of the file; for a streamed export, known for certain once a pass has read it.
  public var encoding: TextEncoding { stream?.check.encoding ?? headerEncoding }
  private let headerEncoding: TextEncoding
  private var stored: [Row]
  private var stream: RowStream?

  /// How many rows the export has (for a streamed export, known once a pass has read it).
  public var rowCount: Int { stream?.check.rowCount ?? stored.count }

  public init(form: Form, file: String, encoding: TextEncoding, rows: [Row]) {
    self.form = form
    self.file = file
    self.headerEncoding = encoding
    self.stored = rows
    self.stream = nil
  }

  /// An export read from its file on each pass.
  public init(form: Form, file: String, encoding: TextEncoding, stream: RowStream) {
    self.form = form
    self.file = file
    self.headerEncoding = encoding
    self.stored = []
    self.stream = stream
  }

  /// The problems of a streamed export, found by its first pass (made now when none has been).
  public func checked() -> [Diagnostic] {
    guard let stream else { return [] }
    if !stream.check.isDone { stream.forEach { _ in } }
    return stream.check.diagnostics
  }

  /// The same export, counted in parts of at most `partBytes`, or holding at most `combinations`
  /// before handing them over (tests count small files so).
  func counting(partBytes: Int? = nil, holding combinations: Int? = nil) -> FormData {
    var copy = self
    if let partBytes {
      copy.stream?.minimumPartBytes = 1
      copy.stream?.partBytes = partBytes
    }
    if let combinations { copy.stream?.combinationsHeld = combinations }
    return copy
  }

  /// The stream of a streamed export, for a counting pass.
  var streamForCounting: RowStream? { stream }

  /// Whether the rows are read from the file on each pass rather than kept.
  public var isStreamed: Bool { stream != nil }

  /// Every row, in file order. For a streamed export this reads the whole file into memory: passes
  /// over many rows should use `forEachRow`.
  public var rows: [Row] {
    get {
      guard let stream else { return stored }
      if let rows = stream.check.materialized { return rows }
      var rows: [Row] = []
      stream.forEach { rows.append($0) }
      stream.check.materialized = rows
      return rows
    }
    set {
      stored = newValue
    }
  }

  /// Hands every row to `body`, in file order, without keeping them.
  public func forEachRow(_ body: (Row) throws -> Void) rethrows {
    if let stream {
      try stream.forEach(body)
    } else {
      for row in stored { try body(row) }
    }
  }

  /// The position of an item in this form's rows, or nil when the item is another form's.
  public func index(of item: Item) -> Int? {
    form.items.firstIndex { $0.id == item.id }
  }

  /// The first item of a kind, such as the department column.
  public func index(of kind: ItemKind) -> Int? {
    form.items.firstIndex { $0.kind == kind }
  }

  /// The text a row holds for a hierarchy or identifier item, or "" when it has none.
  public func text(of kind: ItemKind, in row: Row) -> String {
    guard let index = index(of: kind) else { return "" }
    return row.values[index].text ?? ""
  }
}

/// What reading one export produced: the rows that could be read and every problem met.
public struct ExportReading: Sendable {
  /// The typed rows, or nil when not even a header could be read.
  public var data: FormData?
  /// The records after the header, ragged ones included.
  public var rowsRead: Int
  /// For each item of the form, the column (0-based) that holds it.
  public var columns: [Int?]
  /// Every error and warning, in the order met (up to the limit `read` was given).
  public var diagnostics: [Diagnostic]
  /// Problems met beyond the limit: counted, not kept.
  public var omittedErrors = 0
  public var omittedWarnings = 0
  /// Whether the reading kept no warning, only counted them.
  public var warningsOnlyCounted = false

  /// The problems not kept, as one diagnostic for the end of a list, or nil when none were dropped.
  public func omissionNote(file: String) -> Diagnostic? {
    DiagnosticLog.omissionNote(
      file: file, listed: diagnostics.count, errors: omittedErrors, warnings: omittedWarnings,
      warningsOnlyCounted: warningsOnlyCounted)
  }
}

/// Reads an export's bytes into typed rows: detects the encoding, maps the header to items, fills
/// merged hierarchy cells down and parses every cell.
public enum ExportLoader {
  /// The form's rows and the warnings met; throws every error found, not just the first.
  /// With `warningsKept`, at most that many warnings are listed; the rest are counted in the
  /// note that ends the list.
  public static func load(
    _ form: Form, utf8 bytes: [UInt8], encoding: TextEncoding, file: String, codebook: Codebook,
    warningsKept: Int? = nil
  ) throws(SurveyError) -> (data: FormData, warnings: [Diagnostic]) {
    let reading = read(
      form, utf8: bytes, encoding: encoding, file: file, codebook: codebook,
      limit: DiagnosticLog.defaultLimit,
      warningLimit: warningsKept)
    var log = DiagnosticLog()
    log.append(contentsOf: reading.diagnostics)
    if let note = reading.omissionNote(file: file) { log.append(note) }
    try log.throwIfErrors()
    guard let data = reading.data else { throw SurveyError(log.diagnostics) }
    return (data, log.diagnostics)
  }

  /// Reads as far as the bytes allow and never throws: errors are returned with the rows, so that
  /// `kyodo check` can report them all. A quote that is never closed ends the reading there.
  /// With `limit`, at most that many diagnostics are kept; the rest are counted.
  public static func read(
    _ form: Form, utf8 bytes: [UInt8], encoding: TextEncoding, file: String, codebook: Codebook,
    limit: Int? = nil, warningLimit: Int? = nil
  ) -> ExportReading {
    var reader = RowReader(
      form, reader: TSVReader(utf8: bytes, file: file), file: file, codebook: codebook, limit: limit,
      warningLimit: warningLimit)
    guard reader.hasHeader else {
      return ExportReading(
        data: nil, rowsRead: 0, columns: reader.columns, diagnostics: reader.log.diagnostics)
    }
    var rows: [Row] = []
    while let row = reader.next() { rows.append(row) }
    return ExportReading(
      data: FormData(form: form, file: file, encoding: encoding, rows: rows), rowsRead: reader.rowsRead,
      columns: reader.columns, diagnostics: reader.log.diagnostics, omittedErrors: reader.log.omittedErrors,
      omittedWarnings: reader.log.omittedWarnings,
      warningsOnlyCounted: reader.log.warningLimit == 0)
  }

  /// For each item of the form, the column that holds it; a missing or doubled column is logged
  /// and the rows are still read, so that their problems are reported too.
  static func mapColumns(_ header: TSVRecord, form: Form, file: String, log: inout DiagnosticLog)
    -> [Int?]
  {
    var columns = [Int?](repeating: nil, count: form.items.count)
    for (column, name) in header.fields.enumerated() {
      let key = TextNormalization.matchKey(name)
      let match = form.items.firstIndex { item in
        [item.header, item.id, item.number + item.title].contains { TextNormalization.matchKey($0) == key }
      }
      guard let match else {
        log.append(
          Diagnostic(
            .warning, file: file, line: header.line, column: column + 1,
            found: "a column '\(name)' that the codebook does not describe; it is ignored",
            expected: "one of the \(form.title) items"))
        continue
      }
      if columns[match] != nil {
        log.append(
          Diagnostic(
            .error, file: file, line: header.line, column: column + 1, item: form.items[match].displayName,
            found: "a second column for this item", expected: "each item once"))
      }
      columns[match] = column
    }
    for (index, item) in form.items.enumerated() where columns[index] == nil {
      log.append(
        Diagnostic(
          .error, file: file, line: header.line, item: item.displayName,
          found: "no column for this item", expected: "a header cell '\(item.header)'"))
    }
    return columns
  }
}

/// Remembers how cells were read, so that the same text in the same column is parsed once: real
/// exports repeat their coded cells (`①講座`, `②実行委`) on row after row.
///
/// Cells are looked up by their UTF-8 bytes, so a cell met before costs no string. Diagnostics are
/// kept without their place and given the place of each cell they are met in. The cache stops
/// growing at a fixed number of entries, so memory stays bounded on any input.
public final class CellCache: @unchecked Sendable {
  // Used by one reader at a time (one reading, or the passes of one export, one after another).
  /// For each item (by position), its texts met, and what parsing each gave.
  private var texts: [ByteInterner] = []
  private var parsed: [[(value: Value, diagnostics: [Diagnostic])]] = []
  private var count = 0
  static let capacity = 20_000

  public init() {}

  /// The value of a cell given by its text.
  func parse(_ raw: String, itemIndex: Int, item: Item, codebook: Codebook, at location: CellLocation)
    -> (value: Value, diagnostics: [Diagnostic])
  {
    var text = raw
    return text.withUTF8 { bytes in
      parse(bytes, itemIndex: itemIndex, item: item, codebook: codebook, at: location, text: raw)
    }
  }

  /// The value and the unplaced diagnostics of a cell met before, or nil.
  func lookup(_ bytes: UnsafeBufferPointer<UInt8>, itemIndex: Int) -> (
    value: Value, diagnostics: [Diagnostic]
  )? {
    guard itemIndex < texts.count, let entry = texts[itemIndex].index(of: bytes) else { return nil }
    return parsed[itemIndex][entry]
  }

  /// Diagnostics of a cell met before, given the place of this cell.
  func placed(_ diagnostics: [Diagnostic], at location: CellLocation) -> [Diagnostic] {
    diagnostics.map { $0.placed(file: location.file, line: location.line, column: location.column) }
  }

  /// The value of a cell given by its trimmed UTF-8 bytes (and its text, when already made).
  func parse(
    _ bytes: UnsafeBufferPointer<UInt8>, itemIndex: Int, item: Item, codebook: Codebook,
    at location: CellLocation, text: String? = nil
  ) -> (value: Value, diagnostics: [Diagnostic]) {
    if let hit = lookup(bytes, itemIndex: itemIndex) {
      return (hit.value, placed(hit.diagnostics, at: location))
    }
    let raw = text ?? String(decoding: bytes, as: UTF8.self)
    let result = CellParser.parse(raw, item: item, codebook: codebook, at: location)
    if count < CellCache.capacity {
      while texts.count <= itemIndex {
        texts.append(ByteInterner(entryLimit: CellCache.capacity, arenaLimit: 8 << 20))
        parsed.append([])
      }
      if texts[itemIndex].add(bytes) != nil {
        parsed[itemIndex].append(result)
        count += 1
      }
    }
    return result
  }
}

/// Reads the rows of one export one at a time: maps the header to items, fills merged hierarchy
/// cells down and parses every cell, logging each problem; rows are handed out, not kept.
public struct RowReader {
  public let form: Form
  public let file: String
  let codebook: Codebook
  var reader: TSVReader
  /// For each item of the form, the column (0-based) that holds it.
  public private(set) var columns: [Int?]
  /// Whether a header row could be read.
  public private(set) var hasHeader = false
  /// The records after the header, ragged ones included.
  public private(set) var rowsRead = 0
  /// Every problem met so far.
  public internal(set) var log: DiagnosticLog
  private(set) var headerCount = 0
  private var inherited: [String?]
  private let names: [String]
  private let cache: CellCache
  private var finished = false
  private var spans: [FieldSpan] = []
  private let itemCount: Int
  private let fillsDown: [Bool]

  /// Reads the header; problems with it are logged, and `hasHeader` says whether there was one.
  public init(
    _ form: Form, reader: TSVReader, file: String, codebook: Codebook, limit: Int? = nil,
    warningLimit: Int? = nil, cache: CellCache = CellCache()
  ) {
    self.form = form
    self.file = file
    self.codebook = codebook
    self.reader = reader
    self.log = DiagnosticLog(limit: limit, warningLimit: warningLimit)
    self.columns = [Int?](repeating: nil, count: form.items.count)
    self.inherited = [String?](repeating: nil, count: form.items.count)
    self.names = form.items.map(\.displayName)
    self.cache = cache
    self.itemCount = form.items.count
    self.fillsDown = form.items.map(\.fillsDown)
    do throws(SurveyError) {
      guard let header = try self.reader.next() else {
        log.append(
          Diagnostic(
            .error, file: file, line: 1, found: "an empty file",
            expected: "a header row naming the items of \(form.title)"))
        finished = true
        return
      }
      headerCount = header.fields.count
      hasHeader = true
      columns = ExportLoader.mapColumns(header, form: form, file: file, log: &log)
    } catch {
      log.append(contentsOf: error.diagnostics)
      finished = true
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

  /// The next row that could be read, or nil at the end of the export (or at a quote that is never
  /// closed). Ragged rows are logged and skipped.
  public mutating func next() -> Row? {
    while !finished {
      let line: Int?
      do throws(SurveyError) {
        line = try reader.nextSpans(into: &spans)
      } catch {
        log.append(contentsOf: error.diagnostics)
        finished = true
        return nil
      }
      guard let line else {
        finished = true
        return nil
      }
      rowsRead += 1
      if spans.count != headerCount {
        log.append(Self.raggedRow(file: file, line: line, fields: spans.count, expected: headerCount))
        // Its hierarchy cells still stand above the rows that inherit them.
        for (itemIndex, item) in form.items.enumerated() where item.fillsDown {
          if let column = columns[itemIndex], column < spans.count {
            let raw = reader.string(of: spans[column]).trimmingSpaces
            if !raw.isEmpty { inherited[itemIndex] = raw }
          }
        }
        continue
      }
      return row(line: line)
    }
    return nil
  }

  private mutating func row(line: Int) -> Row {
    var values = [Value](repeating: .blank, count: form.items.count)
    // A merged cell leaves the rows below it blank; a new value above resets what is inherited.
    var changedLevel: Item?
    for itemIndex in 0..<itemCount {
      guard let column = columns[itemIndex] else { continue }
      let span = spans[column]
      if !fillsDown[itemIndex] && span.isVerbatim {
        // The hot path: a cell met before costs one lookup by its bytes.
        if let hit = reader.withBytes(of: span, { cache.lookup(CellBytes.trimmed($0), itemIndex: itemIndex) })
        {
          values[itemIndex] = hit.value
          if !hit.diagnostics.isEmpty {
            let location = CellLocation(file: file, line: line, column: column + 1, item: names[itemIndex])
            log.append(contentsOf: cache.placed(hit.diagnostics, at: location))
          }
          continue
        }
      }
      let item = form.items[itemIndex]
      let location = CellLocation(file: file, line: line, column: column + 1, item: names[itemIndex])
      if !item.fillsDown && span.isVerbatim {
        let parsed = reader.withBytes(of: span) { bytes in
          cache.parse(
            CellBytes.trimmed(bytes), itemIndex: itemIndex, item: item, codebook: codebook, at: location)
        }
        values[itemIndex] = parsed.value
        log.append(contentsOf: parsed.diagnostics)
        continue
      }
      var raw = reader.string(of: span).trimmingSpaces
      if item.fillsDown {
        if !raw.isEmpty {
          if changedLevel == nil, raw != inherited[itemIndex] { changedLevel = item }
        } else if let changedLevel {
          log.append(Self.blankLevel(item, startingNew: changedLevel, at: location))
        } else if let above = inherited[itemIndex] {
          raw = above
        } else {
          log.append(Self.blankLevel(item, startingNew: nil, at: location))
        }
        inherited[itemIndex] = raw
      }
      let (value, diagnostics) = cache.parse(
        raw, itemIndex: itemIndex, item: item, codebook: codebook, at: location)
      values[itemIndex] = value
      log.append(contentsOf: diagnostics)
    }
    return Row(line: line, values: values)
  }
}

/// White space at the edges of a cell's UTF-8 bytes, found without making a string: the same
/// characters as `trimmingSpaces` (Unicode's White_Space: U+0009–000D, U+0020, U+0085, U+00A0,
/// U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000).
enum CellBytes {
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, let length = spaceLength(bytes, from: start, to: end) { start += length }
    while start < end, let length = spaceLength(bytes, endingAt: end, from: start) { end -= length }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// The length of the white-space character that starts at `index`, or nil.
  private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, to end: Int) -> Int? {
    let first = bytes[index]
    if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) ? 1 : nil }
    guard index + 1 < end else { return nil }
    let second = bytes[index + 1]
    if first == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : nil }
    guard index + 2 < end, first == 0xE1 || first == 0xE2 || first == 0xE3 else { return nil }
    return isSpace(first, second, bytes[index + 2]) ? 3 : nil
  }

  /// The length of the white-space character that ends just before `end`, or nil.
  private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, from start: Int)
    -> Int?
  {
    let last = bytes[end - 1]
    if last < 0x80 { return last == 0x20 || (0x09...0x0D).contains(last) ? 1 : nil }
    if end - 2 >= start, bytes[end - 2] == 0xC2, last == 0x85 || last == 0xA0 { return 2 }
    guard end - 3 >= start else { return nil }
    return isSpace(bytes[end - 3], bytes[end - 2], last) ? 3 : nil
  }

  private static func isSpace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    switch (first, second) {
    case (0xE3, 0x80): third == 0x80
    case (0xE1, 0x9A): third == 0x80
    case (0xE2, 0x80): (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF
    case (0xE2, 0x81): third == 0x9F
    default: false
    }
  }
}

/// How a streamed export's rows are read again: a new reader over the file for each pass, the
/// unit each row belongs to, and what the first complete pass found wrong.
public struct RowStream: Sendable {
  let open: @Sendable () -> (RowReader, FileChunks)?
  let place: @Sendable (Row) -> Row
  let unitWarning: (@Sendable (Row) -> Diagnostic)?
  let check = StreamCheck()
  /// The file, for reading it in parts (`count`).
  let url: URL?
  /// A new lookup of units, one per thread that reads rows.
  let units: (@Sendable () -> UnitLookup)?
  /// The smallest part of a file worth a thread of its own.
  var minimumPartBytes = 4 << 20
  /// The largest part a counting pass reads: what a part counts is held until its turn to hand it
  /// over, so this bounds the memory of a pass.
  var partBytes = 40 << 20
  /// The most combinations a part counts before handing them over, when it may (a part read alone:
  /// a small file, one read in one part, or the part that reads on after a wrong guess).
  var combinationsHeld = 1 << 16

  public init(
    open: @escaping @Sendable () -> (RowReader, FileChunks)?, place: @escaping @Sendable (Row) -> Row,
    unitWarning: (@Sendable (Row) -> Diagnostic)?
  ) {
    self.init(open: open, place: place, unitWarning: unitWarning, url: nil, units: nil)
  }

  init(
    open: @escaping @Sendable () -> (RowReader, FileChunks)?, place: @escaping @Sendable (Row) -> Row,
    unitWarning: (@Sendable (Row) -> Diagnostic)?, url: URL?, units: (@Sendable () -> UnitLookup)?
  ) {
    self.open = open
    self.place = place
    self.unitWarning = unitWarning
    self.url = url
    self.units = units
  }

  /// Hands every row to `body`. The rows are read, parsed and placed on a second thread while
  /// `body` runs on this one, batch by batch, so that a pass uses both cores.
  func forEach(_ body: (Row) throws -> Void) rethrows {
    let channel = RowChannel()
    let done = DispatchSemaphore(value: 0)
    let producer = Thread { [self] in
      read(into: channel)
      done.signal()
    }
    producer.stackSize = 8 << 20
    producer.start()
    defer {
      channel.cancel()
      done.wait()
    }
    while let batch = channel.take() {
      for row in batch { try body(row) }
    }
  }

  /// Reads the rows into the channel; a pass that reaches the end also records what it found.
  private func read(into channel: RowChannel) {
    defer { channel.finish() }
    guard let opened = open() else { return }
    var reader = opened.0
    let chunks = opened.1
    let checking = !check.isDone
    var count = 0
    var units = reader.log.empty
    var batch: [Row] = []
    batch.reserveCapacity(RowChannel.batchSize)
    while let row = reader.next() {
      let placed = place(row)
      if checking {
        count += 1
        if placed.unit == nil, let unitWarning { units.append(unitWarning(row)) }
      }
      batch.append(placed)
      if batch.count == RowChannel.batchSize {
        guard channel.put(batch) else { return }
        batch.removeAll(keepingCapacity: true)
      }
    }
    if !batch.isEmpty {
      guard channel.put(batch) else { return }
    }
    guard checking else { return }
    check.finish(rowCount: count, log: reader.log, units: units, file: reader.file, chunks: chunks)
  }
}

/// Batches of rows passed from the thread that reads them to the thread that counts them; at most
/// a few batches wait, so memory stays bounded.
///
/// Unchecked Sendable: every access to its state holds the condition's lock.
final class RowChannel: @unchecked Sendable {
  static let batchSize = 512
  private static let capacity = 4
  private let condition = NSCondition()
  private var batches: [[Row]] = []
  private var finished = false
  private var cancelled = false

  /// Adds a batch, waiting while the channel is full; false when the reader is no longer wanted.
  func put(_ batch: [Row]) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while batches.count >= Self.capacity && !cancelled { condition.wait() }
    guard !cancelled else { return false }
    batches.append(batch)
    condition.broadcast()
    return true
  }

  /// The next batch, waiting for one; nil when the reader has finished and all were taken.
  func take() -> [Row]? {
    condition.lock()
    defer { condition.unlock() }
    while batches.isEmpty && !finished { condition.wait() }
    guard !batches.isEmpty else { return nil }
    let batch = batches.removeFirst()
    condition.broadcast()
    return batch
  }

  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  func cancel() {
    condition.lock()
    cancelled = true
    condition.broadcast()
    condition.unlock()
  }
}

/// What the first complete pass over a streamed export found: its rows and its problems.
///
/// Unchecked Sendable: written at the end of a pass, by the thread that waits for it, before anyone
/// reads it.
final class StreamCheck: @unchecked Sendable {
  /// The rows, once something asked for all of them (`FormData.rows`), so that it reads them once.
  var materialized: [Row]?
  private(set) var isDone = false
  /// How many parts the last counting pass was read in (1 when its guess of a record start failed).
  var partsCounted = 0
  private(set) var rowCount = 0
  private(set) var diagnostics: [Diagnostic] = []
  /// The encoding the whole file turned out to be in (an ASCII start may be followed by CP932).
  private(set) var encoding: TextEncoding?

  /// Records what a pass that reached the end found: the reader's problems (and a line for those
  /// not kept), then the rows whose unit is not listed, and the file's encoding.
  func finish(rowCount: Int, log: DiagnosticLog, units: DiagnosticLog, file: String, chunks: FileChunks) {
    guard !isDone else { return }
    var diagnostics = log.diagnostics
    if let note = log.omissionNote(file: file) { diagnostics.append(note) }
    self.rowCount = rowCount
    encoding = chunks.encoding
    self.diagnostics = diagnostics + units.diagnostics
    isDone = true
  }
}
