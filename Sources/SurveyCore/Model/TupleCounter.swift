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
