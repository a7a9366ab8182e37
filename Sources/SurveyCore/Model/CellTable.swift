import Foundation

/// The distinct cells of one item met in a counting pass: each cell text is parsed once, and each
/// distinct counting value (`Value.counted(as:)`) gets a small id, numbered as first met.
///
/// Texts are kept by their UTF-8 bytes in one arena and found by an open-addressing hash. The
/// texts stop being kept at a fixed number (or arena size); later new texts are parsed each time
/// they come, so memory stays bounded. Counting values are all kept: they are the categories
/// (codes, names, figures) the tables count by.
struct CellTable {
  let item: Item
  private let codebook: Codebook
  private let kind: ItemKind
  private var slots: [Int32]
  private var mask: Int
  private var hashes: [UInt64] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var arena: [UInt8] = []
  private var entryValue: [Int32] = []
  /// The diagnostics each text gave when parsed, without their place.
  private var entryDiagnostics: [[Diagnostic]] = []
  /// The counting values, by id.
  private(set) var values: [Value] = []
  private var valueIDs: [Value: Int32] = [:]
  static let entryLimit = 1 << 16
  static let arenaLimit = 8 << 20

  /// The file and column named in diagnostics.
  private let file: String
  private let column: Int?
  private let name: String

  init(item: Item, codebook: Codebook, file: String, column: Int?) {
    self.item = item
    self.file = file
    self.column = column
    self.name = item.displayName
    self.kind = item.kind
    self.codebook = codebook
    self.slots = [Int32](repeating: -1, count: 1024)
    self.mask = 1023
  }

  /// The id of a cell given by its trimmed bytes; its diagnostics are logged at its line.
  mutating func id(of bytes: UnsafeBufferPointer<UInt8>, line: Int, log: inout DiagnosticLog) -> Int32 {
    let hash = Self.hash(bytes)
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = Int(slots[slot])
      if entry < 0 { break }
      if hashes[entry] == hash && lengths[entry] == bytes.count && matches(entry, bytes) {
        if !entryDiagnostics[entry].isEmpty {
          for diagnostic in entryDiagnostics[entry] { log.append(placed(diagnostic, line: line)) }
        }
        return entryValue[entry]
      }
      slot = (slot + 1) & mask
    }
    let location = CellLocation(file: file, line: line, column: column, item: name)
    let (value, diagnostics) = CellParser.parse(
      String(decoding: bytes, as: UTF8.self), item: item, codebook: codebook, at: location)
    log.append(contentsOf: diagnostics)
    let id = valueID(value.counted(as: kind))
    if starts.count < Self.entryLimit && arena.count + bytes.count <= Self.arenaLimit {
      let entry = starts.count
      hashes.append(hash)
      starts.append(arena.count)
      lengths.append(bytes.count)
      arena.append(contentsOf: bytes)
      entryValue.append(id)
      entryDiagnostics.append(diagnostics)
      slots[slot] = Int32(entry)
      if starts.count * 2 > slots.count { grow() }
    }
    return id
  }

  /// The id of a cell given by its trimmed text.
  mutating func id(ofText text: String, line: Int, log: inout DiagnosticLog) -> Int32 {
    var text = text
    return text.withUTF8 { id(of: $0, line: line, log: &log) }
  }

  private mutating func valueID(_ value: Value) -> Int32 {
    if let id = valueIDs[value] { return id }
    let id = Int32(values.count)
    values.append(value)
    valueIDs[value] = id
    return id
  }

  private func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return arena.withUnsafeBufferPointer { arena in
      guard let stored = arena.baseAddress else { return false }
      return memcmp(stored + starts[entry], base, bytes.count) == 0
    }
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for entry in hashes.indices {
      var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(entry)
    }
  }

  private func placed(_ diagnostic: Diagnostic, line: Int) -> Diagnostic {
    var placed = diagnostic
    placed.line = line
    placed.column = column
    placed.file = file
    return placed
  }

  /// A hash of a cell's bytes, eight at a time.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
    guard let base = bytes.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var index = 0
    while index + 8 <= bytes.count {
      hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      index += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while index < bytes.count {
      tail |= UInt64(base[index]) << shift
      shift += 8
      index += 1
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 29)
  }
}

extension Value {
  /// The part of a value that tables count by, for a cell of an item of this kind.
  ///
  /// Free text counts only as answered or not; a coded answer by its code, not by the note written
  /// after it (`⑧その他（…）`); a figure by its number, its reason, or what was written instead of
  /// it. Hierarchy names and identifiers are kept whole. Cells with the same counting value are
  /// counted together, so a pass keeps one entry per category, not one per row.
  func counted(as kind: ItemKind) -> Value {
    switch self {
    case .blank: return .blank
    case .nonAnswer: return .nonAnswer("")
    case .text: return kind == .text ? .text("") : self
    case .codes(let answers): return .codes(answers.map(\.counted))
    case .amount(var amount):
      amount.answer = amount.answer.counted
      return .amount(amount)
    case .year(var year):
      year.answer = year.answer.counted
      return .year(year)
    }
  }
}

extension CodedAnswer {
  /// The answer without its text.
  fileprivate var counted: CodedAnswer {
    var answer = self
    answer.text = ""
    return answer
  }
}
