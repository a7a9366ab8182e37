/// How many rows gave each distinct figure, kept as sorted runs (a figure and its count) packed in
/// bytes: each run is the step from the figure before and the count, in LEB128 (a byte per seven
/// bits), so that a figure takes three or four bytes, not a dictionary's thirty or so. Exact
/// quartiles need every distinct figure, and at 10M rows there may be a million of them.
///
/// Figures added are held in a short list, each packed with its weight in one word, sorted by
/// their figures and merged into the runs (the runs are read and written again once) when it
/// holds half as many (or 64): in the memory of the runs, each addition costs a few comparisons
/// and bytes. Weights may be negative (counts taken away, as `add(contentsOf:)` is told); a
/// figure whose count comes to 0 is dropped.
struct FigureCounts: Sendable {
  /// The runs, in increasing order of the figures.
  private var runs: [UInt8] = []
  /// How many runs there are.
  private var distinct = 0
  /// The smallest and the largest figure of the runs.
  private var lowest = Int.max
  private var highest = Int.min
  /// Figures added since the last merge, in the order added, each in one word: the figure in the
  /// high 40 bits (amounts are at most 1兆円, under 2^40 yen), its weight in the low 24 (a larger
  /// weight is added in several words).
  private var pending: [UInt64] = []
  /// Figures added since the last merge that do not fit a word (below 0, or from 2^40): none of
  /// an amount's or a year's, but any Int is counted.
  private var unpacked: [(figure: Int, weight: Int)] = []
  private static let weightBits: UInt64 = 24
  private static let largestPackedWeight = 1 << Int(weightBits) - 1

  /// Counts `weight` rows that gave `figure`.
  mutating func add(_ figure: Int, weight: Int) {
    if figure >= 0 && figure < 1 << 40 && weight >= 0 {
      var left = weight
      repeat {
        let part = Swift.min(left, Self.largestPackedWeight)
        pending.append(UInt64(figure) << Self.weightBits | UInt64(part))
        left -= part
      } while left > 0
    } else {
      unpacked.append((figure, weight))
    }
    if pending.count + unpacked.count >= max(64, distinct / 2) { merge() }
  }

  /// Whether no figure has been added.
  var isEmpty: Bool { distinct == 0 && pending.isEmpty && unpacked.isEmpty }

  /// The smallest figure, or nil.
  var minimum: Int? {
    let packed = pending.min().map { Int($0 >> Self.weightBits) } ?? .max
    let smallest = unpacked.reduce(Swift.min(lowest, packed)) { Swift.min($0, $1.figure) }
    return isEmpty ? nil : smallest
  }

  /// The largest figure, or nil.
  var maximum: Int? {
    let packed = pending.max().map { Int($0 >> Self.weightBits) } ?? .min
    let largest = unpacked.reduce(Swift.max(highest, packed)) { Swift.max($0, $1.figure) }
    return isEmpty ? nil : largest
  }

  /// The figures added since the last merge, with their weights, in increasing order of the
  /// figures: the words sorted by their figures, then, only when some did not fit, sorted again
  /// with those.
  private mutating func sortedAdditions() -> [(figure: Int, weight: Int)] {
    Self.sortByFigure(&pending)
    let mask = UInt64(Self.largestPackedWeight)
    var additions = pending.map { (figure: Int($0 >> Self.weightBits), weight: Int($0 & mask)) }
    if !unpacked.isEmpty {
      additions += unpacked
      additions.sort { $0.figure < $1.figure }
    }
    return additions
  }

  /// Each distinct figure and how many rows gave it, in increasing order of the figures.
  var occurrences: [(value: Int, count: Int)] {
    var merged = self
    merged.merge()
    var result: [(value: Int, count: Int)] = []
    result.reserveCapacity(merged.distinct)
    merged.forEachRun { result.append(($0, $1)) }
    return result
  }

  /// Merges the pending figures into the runs (reading them then copies nothing).
  mutating func settle() { merge() }

  /// The counts of `parts` added up, less those of `taken` (each of whose counts is at most the
  /// parts'): merged two by two, then two sums by two, so that each run is read a few times (the
  /// logarithm of the parts' number), in little more memory than the runs' own.
  static func sum(_ parts: [FigureCounts], less taken: FigureCounts) -> FigureCounts {
    var level = parts
    while level.count > 1 {
      level = stride(from: 0, to: level.count, by: 2).map { index in
        var pair = level[index]
        if index + 1 < level.count { pair.add(contentsOf: level[index + 1]) }
        return pair
      }
    }
    var sum = level.first ?? FigureCounts()
    sum.add(contentsOf: taken, sign: -1)
    return sum
  }

  /// Adds every figure of `other` with its count, times `sign` (1, or −1 to take them away).
  mutating func add(contentsOf other: FigureCounts, sign: Int = 1) {
    var other = other
    other.merge()
    guard other.distinct > 0 else { return }
    merge()
    var additions: [(figure: Int, weight: Int)] = []
    additions.reserveCapacity(other.distinct)
    other.forEachRun { additions.append(($0, $1 * sign)) }
    merge(additions)
  }

  /// The figures at each of `ranks` (from 0, in increasing order) of the figures in order, each
  /// counted as often as it occurs: one pass over the runs.
  func orderStatistics(_ ranks: [Int]) -> [Int] {
    var merged = self
    merged.merge()
    var figures: [Int] = []
    figures.reserveCapacity(ranks.count)
    var seen = 0
    merged.forEachRun { figure, count in
      seen += count
      while figures.count < ranks.count && ranks[figures.count] < seen { figures.append(figure) }
    }
    // Past the last figure (a rank beyond the count): the largest.
    while figures.count < ranks.count { figures.append(merged.highest) }
    return figures
  }

  /// Each run (figure, count), in increasing order of the figures.
  private func forEachRun(_ body: (Int, Int) -> Void) {
    runs.withUnsafeBufferPointer { bytes in
      var at = 0
      var figure = 0
      while at < bytes.count {
        figure &+= Int(bitPattern: UInt(Self.read(bytes, at: &at)))
        body(figure, Int(bitPattern: Self.read(bytes, at: &at)))
      }
    }
  }

  /// Sorts the pending figures and merges them into the runs.
  private mutating func merge() {
    guard !pending.isEmpty || !unpacked.isEmpty else { return }
    let additions = sortedAdditions()
    // Let go, not kept for the next merge: the many lines of a report each hold room for half
    // their runs otherwise (2 MB more at 10M rows).
    pending = []
    unpacked.removeAll()
    merge(additions)
  }

  /// Writes the runs again with `additions` (in increasing order of the figures) merged in. A hot
  /// loop on large reports: it works on the buffers, not on the arrays.
  private mutating func merge(_ additions: [(figure: Int, weight: Int)]) {
    // Two numbers of at most ten bytes each for every figure added.
    var scratch = [UInt8](repeating: 0, count: runs.count + additions.count * 20)
    var written = 0
    var count = 0
    var first = Int.max
    var last = Int.min
    scratch.withUnsafeMutableBufferPointer { out in
      runs.withUnsafeBufferPointer { old in
        additions.withUnsafeBufferPointer { new in
          var at = 0
          var oldFigure = 0
          var oldCount = 0
          var oldLeft = at < old.count
          var next = 0
          var previous = 0
          var held: (figure: Int, weight: Int)?
          if oldLeft {
            oldFigure &+= Int(bitPattern: Self.read(old, at: &at))
            oldCount = Int(bitPattern: Self.read(old, at: &at))
          }
          /// Writes the run held, unless its count came to 0.
          func write(_ run: (figure: Int, weight: Int)) {
            guard run.weight != 0 else { return }
            Self.write(UInt(bitPattern: run.figure &- previous), to: out, at: &written)
            Self.write(UInt(bitPattern: run.weight), to: out, at: &written)
            previous = run.figure
            if count == 0 { first = run.figure }
            last = run.figure
            count += 1
          }
          while oldLeft || next < new.count {
            var run: (figure: Int, weight: Int)
            if oldLeft && (next == new.count || oldFigure < new[next].figure) {
              run = (oldFigure, oldCount)
              oldLeft = at < old.count
              if oldLeft {
                oldFigure &+= Int(bitPattern: Self.read(old, at: &at))
                oldCount = Int(bitPattern: Self.read(old, at: &at))
              }
            } else {
              run = new[next]
              next += 1
            }
            if let last = held, last.figure == run.figure {
              held = (run.figure, last.weight + run.weight)
              continue
            }
            if let last = held { write(last) }
            held = run
          }
          if let last = held { write(last) }
        }
      }
    }
    runs = Array(scratch[0..<written])
    distinct = count
    lowest = first
    highest = last
  }

  /// Sorts packed words by their figures (the high 40 bits), a byte at a time from the lowest,
  /// each byte a stable counting sort (a byte the same in every word is passed over): a few passes
  /// over the words where comparing sorts make a dozen.
  static func sortByFigure(_ words: inout [UInt64]) {
    guard words.count > 256 else {
      words.sort()
      return
    }
    let bytes = Int(64 - weightBits) / 8
    var tallies = [Int](repeating: 0, count: bytes * 256)
    var other = [UInt64](repeating: 0, count: words.count)
    tallies.withUnsafeMutableBufferPointer { tallies in
      words.withUnsafeMutableBufferPointer { from in
        other.withUnsafeMutableBufferPointer { to in
          for word in from {
            for byte in 0..<bytes {
              let digit = Int(truncatingIfNeeded: word >> (weightBits + UInt64(byte) * 8)) & 0xFF
              tallies[byte << 8 | digit] += 1
            }
          }
          var sortedIn = from
          var spare = to
          for byte in 0..<bytes {
            let shift = weightBits + UInt64(byte) * 8
            let first = tallies[byte << 8 | Int(truncatingIfNeeded: sortedIn[0] >> shift) & 0xFF]
            if first == sortedIn.count { continue }
            var start = 0
            for digit in 0..<256 {
              let tally = tallies[byte << 8 | digit]
              tallies[byte << 8 | digit] = start
              start += tally
            }
            for word in sortedIn {
              let slot = byte << 8 | Int(truncatingIfNeeded: word >> shift) & 0xFF
              spare[tallies[slot]] = word
              tallies[slot] += 1
            }
            swap(&sortedIn, &spare)
          }
          if sortedIn.baseAddress != from.baseAddress {
            for index in from.indices { from[index] = sortedIn[index] }
          }
        }
      }
    }
  }

  /// Writes a number in LEB128 at `at`, which moves past it: seven bits a byte, the lowest first,
  /// the high bit on all but the last.
  @inline(__always) private static func write(
    _ number: UInt, to bytes: UnsafeMutableBufferPointer<UInt8>, at: inout Int
  ) {
    var number = number
    while number >= 0x80 {
      bytes[at] = UInt8(truncatingIfNeeded: number) | 0x80
      at += 1
      number >>= 7
    }
    bytes[at] = UInt8(number)
    at += 1
  }

  /// The LEB128 number at `at`, which moves past it.
  @inline(__always) private static func read(_ bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> UInt {
    var number: UInt = 0
    var shift: UInt = 0
    while true {
      let byte = bytes[at]
      at += 1
      number |= UInt(byte & 0x7F) << shift
      if byte < 0x80 { return number }
      shift += 7
    }
  }
}
