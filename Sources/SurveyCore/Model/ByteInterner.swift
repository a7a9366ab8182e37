/// Distinct byte strings (cell texts), each numbered as first added: kept in one arena and found
/// by an open-addressing hash, so that a cell met before is found by its bytes without a string.
///
/// It takes no more strings past a number of entries or of arena bytes, so memory stays bounded
/// on any input.
struct ByteInterner {
  /// For each slot, the high half of its string's hash over its number, or `empty`: a slot whose
  /// hash differs is passed over without looking at the string.
  private var slots = [UInt64](repeating: ByteInterner.empty, count: 1024)
  /// For each string, where it starts in `arena`, its length and the payload it was added with:
  /// one place to look once the slot matches.
  private var entries: [(start: Int32, length: Int32, payload: UInt64)] = []
  private var arena: [UInt8] = []
  private let entryLimit: Int
  private let arenaLimit: Int
  private static let empty = UInt64.max

  init(entryLimit: Int, arenaLimit: Int) {
    // Numbers and offsets are kept in 32 bits.
    self.entryLimit = min(entryLimit, 1 << 30)
    self.arenaLimit = min(arenaLimit, 1 << 30)
  }

  /// The number of a string added before and the payload it was added with, or nil.
  @inline(__always) func find(_ bytes: UnsafeBufferPointer<UInt8>) -> (entry: Int, payload: UInt64)? {
    let hash = Self.hash(bytes)
    let tag = hash >> 32
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != Self.empty {
        if slots[slot] >> 32 == tag {
          let entry = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF)
          let stored = entries[entry]
          if Int(stored.length) == bytes.count && matches(Int(stored.start), bytes) {
            return (entry, stored.payload)
          }
        }
        slot = (slot + 1) & mask
      }
      return nil
    }
  }

  /// Adds a string not added before, with a payload `find` gives back, and returns its number, or
  /// nil past the limits.
  @discardableResult
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, payload: UInt64 = 0) -> Int? {
    guard entries.count < entryLimit && arena.count + bytes.count <= arenaLimit else { return nil }
    let entry = entries.count
    entries.append((Int32(arena.count), Int32(bytes.count), payload))
    arena.append(contentsOf: bytes)
    if entries.count * 2 > slots.count {
      slots = [UInt64](repeating: Self.empty, count: slots.count * 2)
      for entry in entries.indices { place(entry) }
    } else {
      place(entry)
    }
    return entry
  }

  private mutating func place(_ entry: Int) {
    let (start, length, _) = entries[entry]
    let hash = arena.withUnsafeBufferPointer { arena in
      Self.hash(UnsafeBufferPointer(rebasing: arena[Int(start)..<(Int(start) + Int(length))]))
    }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != Self.empty { slot = (slot + 1) & mask }
    slots[slot] = (hash >> 32) << 32 | UInt64(entry)
  }

  /// Whether the arena's bytes from `start` are `bytes` (whose length is known to be the same).
  @inline(__always) private func matches(_ start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return arena.withUnsafeBytes { arena in
      guard let stored = arena.baseAddress else { return false }
      let given = UnsafeRawPointer(base)
      var index = 0
      while index + 8 <= bytes.count {
        if stored.loadUnaligned(fromByteOffset: start + index, as: UInt64.self)
          != given.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        {
          return false
        }
        index += 8
      }
      guard index < bytes.count else { return true }
      if bytes.count >= 8 {
        let last = bytes.count - 8
        return stored.loadUnaligned(fromByteOffset: start + last, as: UInt64.self)
          == given.loadUnaligned(fromByteOffset: last, as: UInt64.self)
      }
      while index < bytes.count {
        if stored.load(fromByteOffset: start + index, as: UInt8.self) != base[index] { return false }
        index += 1
      }
      return true
    }
  }

  /// A hash of a string's bytes, eight at a time.
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
    if index < bytes.count {
      if bytes.count >= 8 {
        // The last eight bytes, overlapping those already taken.
        tail = raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self)
      } else {
        var shift: UInt64 = 0
        while index < bytes.count {
          tail |= UInt64(base[index]) << shift
          shift += 8
          index += 1
        }
      }
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 29)
  }
}
