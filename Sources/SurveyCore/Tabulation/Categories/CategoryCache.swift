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
    for item in items { hash = (hash ^ row.values[item].bytesHash) &* 0xFF51_AFD7_ED55_8CCD }
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
}
