/// The categories of the combinations a table was handed lately, by the values of its variable's
/// items: a counting pass hands each table every combination of a part's cells, in which the same
/// few names and codes come again and again (an amount's figures by 部), and classifying one
/// (hashing its Japanese names for the registry) costs more than finding it here.
///
/// Each table keeps its own: a table is filled by one thread at a time, a variable by several.
/// A class, so that a table lends it without copying the variable it asks.
/// Only what a variable's indexes depend on is the key, so a hit gives what classifying gives.
final class CategoryCache {
  private var entries: [(values: [Value], indexes: [Int])?] = Array(repeating: nil, count: 256)

  /// The indexes `classify` gives a row, by the values of `items` (all it reads).
  func indexes(of row: Row, items: [Int], classify: (Row) -> [Int]) -> [Int] {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    for item in items { hash = (hash ^ Self.hash(row.values[item])) &* 0xFF51_AFD7_ED55_8CCD }
    let slot = Int(truncatingIfNeeded: hash >> 56)
    if let entry = entries[slot], Self.matches(entry.values, row, items) { return entry.indexes }
    let indexes = classify(row)
    entries[slot] = (items.map { row.values[$0] }, indexes)
    return indexes
  }

  /// Whether a row's values of `items` are `values` (the same strings are found equal at once:
  /// a part hands over the values it keeps).
  private static func matches(_ values: [Value], _ row: Row, _ items: [Int]) -> Bool {
    guard values.count == items.count else { return false }
    for (value, item) in zip(values, items) where value != row.values[item] { return false }
    return true
  }

  /// A hash of a value by its bytes and codes, without the Unicode normalization of `Hasher`:
  /// equal values hash alike, since a name's bytes are the same where it is the same string.
  static func hash(_ value: Value) -> UInt64 {
    switch value {
    case .blank: 1
    case .nonAnswer(let text), .text(let text): hash(text)
    case .codes(let answers):
      answers.reduce(2) { ($0 ^ UInt64(bitPattern: Int64($1.code))) &* 0x100_0000_01B3 }
    case .amount(let amount):
      if case .given(let yen) = amount.status {
        3 ^ UInt64(bitPattern: Int64(yen)) << 8
      } else {
        5 ^ UInt64(bitPattern: Int64(amount.answer.code)) << 8
      }
    case .year(let year): 4 ^ UInt64(bitPattern: Int64(year.year ?? -year.answer.code)) << 8
    }
  }

  private static func hash(_ text: String) -> UInt64 {
    text.utf8.withContiguousStorageIfAvailable { ByteInterner.hash($0) } ?? UInt64(text.utf8.count)
  }
}
