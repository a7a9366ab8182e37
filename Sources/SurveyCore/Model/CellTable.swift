import Foundation

/// The distinct cells of one item met in a counting pass: each cell text is parsed once, and each
/// distinct counting value (`Value.counted(as:)`) gets a small id, numbered as first met.
///
/// Texts are kept by their UTF-8 bytes (`ByteInterner`) up to a fixed number or size; later new
/// texts are parsed each time they come, so memory stays bounded. Counting values are all kept:
/// they are the categories (codes, names, figures) the tables count by.
struct CellTable {
  let item: Item
  private let codebook: Codebook
  private let kind: ItemKind
  private var texts = ByteInterner(entryLimit: 1 << 16, arenaLimit: 8 << 20)
  /// The diagnostics of the texts that gave some when parsed, without their place. Each text's
  /// payload in `texts` is the id of its counting value (low half) and 1 + the index of its
  /// diagnostics here, or 0 (high half): one look finds both.
  private var textDiagnostics: [[Diagnostic]] = []
  /// For each id, the index of its value in `stored`; for a plain amount, −1 − its index in
  /// `plainYen` (a figure in 8 bytes rather than a `Value`: there may be one per distinct amount).
  private var places: [Int32] = []
  private var stored: [Value] = []
  private var storedIDs: [Int32] = []
  private var plainYen: [Int] = []
  /// Indexes into `stored` by the values' hash (open addressing), so that each value is stored once.
  private var valueSlots = [Int32](repeating: -1, count: 256)

  /// The file and column named in diagnostics.
  private let file: String
  private let column: Int?
  private let name: String

  /// Reads the usual amount cell straight from its bytes, for an amount item.
  private let plainAmounts: PlainAmountReader?
  /// The ids of the figures read by `plainAmounts`.
  private var figureIDs = FigureIDs()
  /// Set when no table reads this item's ids (a counting reader's item that no group reads): a
  /// plain amount, which gives no diagnostic, then needs no id, and `id(of:)` gives 0 for it.
  var idsUnread = false

  /// Whether each text's whole value is kept too (the text of free text, the notes after codes),
  /// for a reader that makes rows.
  private let keepsWholeValues: Bool
  private var entryWhole: [Value] = []
  /// The whole value of the cell `id(of:)` read last, when whole values are kept.
  private(set) var lastWhole = Value.blank

  /// Whether each distinct value gets its own id even when whole values are kept (a row filter
  /// tells rows apart by these ids: `FormReader.keepingOnly`).
  private let numbersEveryValue: Bool

  /// The cells the pass's other parts parsed, and this item's index among them.
  private let shared: (cells: ParsedCells, item: Int)?
  /// How many of this part's new cells were looked up in `shared`, and how many were found: a
  /// part whose new cells are seldom found there (every cell different) stops asking, and taking
  /// the lock, after a thousand.
  private var sharedLookups = 0
  private var sharedFinds = 0

  init(
    item: Item, codebook: Codebook, file: String, column: Int?, keepsWholeValues: Bool = false,
    numbersEveryValue: Bool = false, shared: (cells: ParsedCells, item: Int)? = nil
  ) {
    self.item = item
    self.shared = shared
    self.keepsWholeValues = keepsWholeValues
    self.numbersEveryValue = numbersEveryValue
    if keepsWholeValues && (item.kind == .text || item.kind == .identifier) {
      // Free texts seldom repeat, and each whole one is kept: a smaller cache bounds the memory.
      texts = ByteInterner(entryLimit: 1 << 12, arenaLimit: 1 << 20)
    }
    // A plain amount read from its bytes has no whole value: a reader of rows parses it.
    self.plainAmounts = keepsWholeValues ? nil : PlainAmountReader(item: item, units: codebook.amountUnits)
    self.file = file
    self.column = column
    self.name = item.displayName
    self.kind = item.kind
    self.codebook = codebook
  }

  /// The id of a cell given by its trimmed bytes; its diagnostics are logged at its line. With
  /// `checkingUTF8`, a cell not met before is checked first, and −1 says that it is not UTF-8.
  mutating func id(
    of bytes: UnsafeBufferPointer<UInt8>, line: Int, log: inout DiagnosticLog, checkingUTF8: Bool = false
  ) -> Int32 {
    if let plainAmounts, let yen = plainAmounts.read(bytes)?.yen {
      if idsUnread { return 0 }
      if let id = figureIDs.id(of: yen) { return id }
      // A parsed cell of the same figure has its own id: counts of equal values simply add up.
      let id = Int32(places.count)
      places.append(-1 - Int32(plainYen.count))
      plainYen.append(yen)
      figureIDs.insert(yen, id: id)
      return id
    }
    if let (entry, payload) = texts.find(bytes) {
      if payload >> 32 != 0 {
        for diagnostic in textDiagnostics[Int(payload >> 32) - 1] {
          log.append(diagnostic.placed(file: file, line: line, column: column))
        }
      }
      if keepsWholeValues { lastWhole = entryWhole[entry] }
      return Int32(truncatingIfNeeded: payload)
    }
    if checkingUTF8 && TextDecoding.firstInvalidUTF8Offset(bytes) != nil { return -1 }
    let (value, diagnostics) = parse(bytes, line: line)
    log.append(contentsOf: diagnostics)
    // A reader of rows needs no counting ids but for the cells filled down (which compare them):
    // an identifier would otherwise keep a value for every row.
    let id = keepsWholeValues && !item.fillsDown && !numbersEveryValue ? 0 : valueID(value.counted(as: kind))
    if keepsWholeValues { lastWhole = value }
    let listed = diagnostics.isEmpty ? 0 : UInt64(textDiagnostics.count + 1)
    if texts.add(bytes, payload: listed << 32 | UInt64(UInt32(bitPattern: id))) != nil {
      if !diagnostics.isEmpty { textDiagnostics.append(diagnostics) }
      if keepsWholeValues { entryWhole.append(value) }
    }
    return id
  }

  /// What a cell not met before in this part says: as another part of the pass parsed it, or
  /// parsed now.
  private mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> (
    value: Value, diagnostics: [Diagnostic]
  ) {
    let asking = shared != nil && (sharedLookups < 1024 || sharedFinds * 8 >= sharedLookups)
    if asking, let shared {
      sharedLookups += 1
      if let found = shared.cells.find(item: shared.item, bytes) {
        sharedFinds += 1
        return (found.value, found.diagnostics.map { $0.placed(file: file, line: line, column: column) })
      }
    }
    let location = CellLocation(file: file, line: line, column: column, item: name)
    let parsed = CellParser.parse(
      String(decoding: bytes, as: UTF8.self), item: item, codebook: codebook, at: location)
    if asking, let shared {
      shared.cells.keep(item: shared.item, bytes, value: parsed.value, diagnostics: parsed.diagnostics)
    }
    return parsed
  }

  /// The id of a cell given by its trimmed text.
  mutating func id(ofText text: String, line: Int, log: inout DiagnosticLog) -> Int32 {
    var text = text
    return text.withUTF8 { id(of: $0, line: line, log: &log) }
  }

  /// How many rows gave each id, when the item is counted on its own, and the ids in the order
  /// first counted.
  private var counts: [Int] = []
  private var countOrder: [Int32] = []

  /// Counts a row with this id.
  mutating func count(_ id: Int32) {
    let index = Int(id)
    if index >= counts.count { counts += [Int](repeating: 0, count: max(16, index + 1 - counts.count)) }
    if counts[index] == 0 { countOrder.append(id) }
    counts[index] += 1
  }

  /// How many different ids have been counted.
  var countedIDs: Int { countOrder.count }

  /// Each id counted and its count, in the order first counted.
  func forEachCount(_ body: (UnsafeBufferPointer<Int32>, Int) -> Void) {
    var key: Int32 = 0
    for id in countOrder {
      key = id
      withUnsafePointer(to: &key) { body(UnsafeBufferPointer(start: $0, count: 1), counts[Int(id)]) }
    }
  }

  /// Forgets the counts once handed over.
  mutating func dropCounts() {
    counts = []
    countOrder = []
  }

  /// The id of the blank cell, once one has come.
  private var blankID: Int32 = -1

  /// Whether an id stands for a blank cell.
  func isBlank(_ id: Int32) -> Bool { id == blankID }

  /// The counting value an id stands for.
  func value(_ id: Int32) -> Value {
    let place = Int(places[Int(id)])
    if place >= 0 { return stored[place] }
    let code = plainAmounts?.figureCode ?? 0
    return .amount(
      Amount(answer: CodedAnswer(code: code, text: ""), status: .given(yen: plainYen[-1 - place])))
  }

  private mutating func valueID(_ value: Value) -> Int32 {
    var slot = value.hashValue & (valueSlots.count - 1)
    while valueSlots[slot] >= 0 {
      let index = Int(valueSlots[slot])
      if stored[index] == value { return storedIDs[index] }
      slot = (slot + 1) & (valueSlots.count - 1)
    }
    let id = Int32(places.count)
    if value == .blank { blankID = id }
    places.append(Int32(stored.count))
    valueSlots[slot] = Int32(stored.count)
    storedIDs.append(id)
    stored.append(value)
    if stored.count * 2 > valueSlots.count {
      valueSlots = [Int32](repeating: -1, count: valueSlots.count * 2)
      for (index, value) in stored.enumerated() {
        var slot = value.hashValue & (valueSlots.count - 1)
        while valueSlots[slot] >= 0 { slot = (slot + 1) & (valueSlots.count - 1) }
        valueSlots[slot] = Int32(index)
      }
    }
    return id
  }

}
