/// How many times each distinct combination of cells came in a pass, in the order first met.
///
/// A combination is a tuple of counting-value ids (`CellTable`), one per item a group of
/// consumers reads. Memory grows with the combinations, not with the rows. (A group of one item is
/// counted by the item's `CellTable` instead.)
///
/// A pair (most groups: an amount and its breakdown) is kept in its slot, both ids in one word
/// beside its count, so that counting a row looks at one place; the order first met is kept as
/// the slots' order. Larger combinations are kept in order, and their slots point at them.
struct TupleCounter {
  /// The positions (in the form's items) whose ids make the key.
  let items: [Int]
  /// For a pair: each slot's ids (the first item's in the high half), or `emptyPair`; its count;
  /// the slots in the order first met; and the counts that passed UInt32.max, by their ids.
  private var pairKeys: [UInt64] = []
  private var pairCounts: [UInt32] = []
  private var pairOrder: [Int32] = []
  private var pairCarried: [UInt64: Int] = [:]
  private static let emptyPair = UInt64.max
  /// For larger combinations:
  private var keys: [Int32] = []
  /// The count of each combination, in four bytes (there may be one per distinct figure and
  /// breakdown); a count that would pass UInt32.max carries into `carried`.
  private var counts: [UInt32] = []
  private var carried: [Int: Int] = [:]
  private var slots: [Int32] = []
  init(items: [Int]) {
    self.items = items
    if items.count == 2 {
      pairKeys = [UInt64](repeating: Self.emptyPair, count: 256)
      pairCounts = [UInt32](repeating: 0, count: 256)
    } else {
      slots = [Int32](repeating: -1, count: 256)
    }
  }

  /// Counts the combination of `ids` (one id per item of the form) at `items`.
  mutating func add(_ ids: UnsafeBufferPointer<Int32>) {
    if items.count == 2 {
      return addPair(
        UInt64(UInt32(bitPattern: ids[items[0]])) << 32 | UInt64(UInt32(bitPattern: ids[items[1]])))
    }
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

  /// Counts a pair, given as its key. A hot loop (every row, for each pair): the slots are
  /// read by their buffers.
  private mutating func addPair(_ key: UInt64) {
    let found: Int? = pairKeys.withUnsafeBufferPointer { keys in
      let mask = keys.count - 1
      var slot = Self.pairSlot(key, mask: mask)
      while keys[slot] != key {
        if keys[slot] == Self.emptyPair { return -1 - slot }
        slot = (slot + 1) & mask
      }
      return slot
    }
    guard let found else { return }
    if found >= 0 {
      if pairCounts[found] == UInt32.max {
        pairCarried[key, default: 0] += Int(UInt32.max)
        pairCounts[found] = 0
      }
      pairCounts[found] += 1
      return
    }
    let slot = -1 - found
    pairKeys[slot] = key
    pairCounts[slot] = 1
    pairOrder.append(Int32(slot))
    if pairOrder.count * 2 > pairKeys.count { growPairs() }
  }

  /// The first slot to look at for a pair: the high bits of a multiplicative hash.
  @inline(__always) private static func pairSlot(_ key: UInt64, mask: Int) -> Int {
    let hash = (key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: hash >> 32) & mask
  }

  private mutating func growPairs() {
    let (keys, counts) = (pairKeys, pairCounts)
    pairKeys = [UInt64](repeating: Self.emptyPair, count: keys.count * 2)
    pairCounts = [UInt32](repeating: 0, count: keys.count * 2)
    let mask = pairKeys.count - 1
    for index in pairOrder.indices {
      let old = Int(pairOrder[index])
      var slot = Self.pairSlot(keys[old], mask: mask)
      while pairKeys[slot] != Self.emptyPair { slot = (slot + 1) & mask }
      pairKeys[slot] = keys[old]
      pairCounts[slot] = counts[old]
      pairOrder[index] = Int32(slot)
    }
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
  var count: Int { items.count == 2 ? pairOrder.count : counts.count }

  /// Each combination (its ids, in the order of `items`) and its count, in the order first met.
  func forEach(_ body: (UnsafeBufferPointer<Int32>, Int) -> Void) {
    if items.count == 2 {
      var pair: (Int32, Int32) = (0, 0)
      for slot in pairOrder {
        let key = pairKeys[Int(slot)]
        pair = (
          Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)),
          Int32(bitPattern: UInt32(truncatingIfNeeded: key))
        )
        let count = Int(pairCounts[Int(slot)]) + (pairCarried.isEmpty ? 0 : pairCarried[key] ?? 0)
        withUnsafeBytes(of: &pair) { body($0.bindMemory(to: Int32.self), count) }
      }
      return
    }
    keys.withUnsafeBufferPointer { keys in
      for entry in counts.indices {
        body(
          UnsafeBufferPointer(rebasing: keys[(entry * items.count)..<((entry + 1) * items.count)]),
          Int(counts[entry]) + (carried[entry] ?? 0))
      }
    }
  }
}
