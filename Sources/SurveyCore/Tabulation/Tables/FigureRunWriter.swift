/// Sorted runs (a figure and its count) packed as `FigureCounts` keeps them: each the step from
/// the figure before and the count, in LEB128.
struct FigureRunWriter {
  private(set) var bytes: [UInt8] = []
  private(set) var distinct = 0
  private(set) var lowest = Int.max
  private(set) var highest = Int.min

  /// Appends a run whose figure is above the last's.
  mutating func append(_ figure: Int, _ count: Int) {
    append(UInt(bitPattern: figure &- (distinct == 0 ? 0 : highest)))
    append(UInt(bitPattern: count))
    if distinct == 0 { lowest = figure }
    highest = figure
    distinct += 1
  }

  /// Empties the bytes written, keeping the figure the next step is from (a segment written a
  /// chunk at a time).
  mutating func removeBytes() { bytes.removeAll(keepingCapacity: true) }

  private mutating func append(_ number: UInt) {
    var number = number
    while number >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: number) | 0x80)
      number >>= 7
    }
    bytes.append(UInt8(number))
  }
}
