/// Distinct byte strings (cell texts), each numbered as first added: kept in one arena and found
/// by an open-addressing hash, so that a cell met before is found by its bytes without a string.
///
/// It takes no more strings past a number of entries or of arena bytes, so memory stays bounded
/// on any input.
struct ByteInterner {
  private var slots = [Int32](repeating: -1, count: 1024)
  private var hashes: [UInt64] = []
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var arena: [UInt8] = []
  private let entryLimit: Int
  private let arenaLimit: Int

  init(entryLimit: Int, arenaLimit: Int) {
    self.entryLimit = entryLimit
    self.arenaLimit = arenaLimit
  }

  /// The number of a string added before, or nil.
  func index(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = Self.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 {
      let entry = Int(slots[slot])
      if hashes[entry] == hash && lengths[entry] == bytes.count && matches(entry, bytes) { return entry }
      slot = (slot + 1) & mask
    }
    return nil
  }

  /// Adds a string not added before and returns its number, or nil past the limits.
  mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard starts.count < entryLimit && arena.count + bytes.count <= arenaLimit else { return nil }
    let hash = Self.hash(bytes)
    let entry = starts.count
    hashes.append(hash)
    starts.append(arena.count)
    lengths.append(bytes.count)
    arena.append(contentsOf: bytes)
    if starts.count * 2 > slots.count {
      grow()
    } else {
      place(entry)
    }
    return entry
  }

  private mutating func place(_ entry: Int) {
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = Int32(entry)
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    for entry in hashes.indices { place(entry) }
  }

  private func matches(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    return arena.withUnsafeBytes { arena in
      guard let stored = arena.baseAddress else { return false }
      let given = UnsafeRawPointer(base)
      let start = starts[entry]
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
