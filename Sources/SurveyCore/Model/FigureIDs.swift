import Foundation

/// The ids of figures (yen), by open addressing: found with one multiplication and, mostly, one
/// comparison, on every amount cell of a pass.
struct FigureIDs {
  private var figures = [Int](repeating: 0, count: 1024)
  private var ids = [Int32](repeating: -1, count: 1024)
  private var count = 0

  func id(of figure: Int) -> Int32? {
    let mask = ids.count - 1
    var slot = Self.slot(of: figure, mask: mask)
    while ids[slot] >= 0 {
      if figures[slot] == figure { return ids[slot] }
      slot = (slot + 1) & mask
    }
    return nil
  }

  mutating func insert(_ figure: Int, id: Int32) {
    if (count + 1) * 4 > ids.count * 3 { grow() }
    let mask = ids.count - 1
    var slot = Self.slot(of: figure, mask: mask)
    while ids[slot] >= 0 { slot = (slot + 1) & mask }
    figures[slot] = figure
    ids[slot] = id
    count += 1
  }

  private mutating func grow() {
    let old = (figures, ids)
    figures = [Int](repeating: 0, count: old.1.count * 2)
    ids = [Int32](repeating: -1, count: old.1.count * 2)
    count = 0
    for index in old.1.indices where old.1[index] >= 0 { insert(old.0[index], id: old.1[index]) }
  }

  @inline(__always) private static func slot(of figure: Int, mask: Int) -> Int {
    let hash = UInt64(bitPattern: Int64(figure)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: hash >> 32) & mask
  }
}
