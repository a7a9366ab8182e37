/// How many rows gave each distinct figure, kept as sorted runs (a figure and its count) packed in
/// bytes: each run is the step from the figure before and the count, in LEB128 (a byte per seven
/// bits), so that a figure takes three or four bytes, not a dictionary's thirty or so. Exact
/// quartiles need every distinct figure, and at 10M rows there may be a million of them: when
/// told to (`spill(to:)`), the runs are written out as a segment of a temporary file and memory
/// starts again; segments are read back in order by merging them (`FigureRunMerge`), and merged
/// into one, eight by eight, so that a line has a few of them (their number grows with the
/// logarithm of its figures).
///
/// Figures added are held in a short list, each packed with its weight in one word, sorted by
/// their figures and merged into the runs (the runs are read and written again once) when it
/// holds half as many (or 64): in the memory of the runs, each addition costs a few comparisons
/// and bytes. Weights are positive; a sum may take counts away (`sum(_:less:spill:)`), and a
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
  /// The runs written out, each a sorted segment of `spill` of its own.
  private var segments: [Segment] = []
  private var spill: FigureSpill?
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
  var isEmpty: Bool { distinct == 0 && pending.isEmpty && unpacked.isEmpty && segments.isEmpty }

  /// The bytes held in memory: the runs and the figures waiting to be merged in.
  var heldBytes: Int { runs.count + pending.capacity * 8 + unpacked.capacity * 16 }

  /// The smallest figure, or nil.
  var minimum: Int? {
    let packed = pending.min().map { Int($0 >> Self.weightBits) } ?? .max
    let smallest = unpacked.reduce(Swift.min(lowest, packed)) { Swift.min($0, $1.figure) }
    return isEmpty ? nil : segments.reduce(smallest) { Swift.min($0, $1.lowest) }
  }

  /// The largest figure, or nil.
  var maximum: Int? {
    let packed = pending.max().map { Int($0 >> Self.weightBits) } ?? .min
    let largest = unpacked.reduce(Swift.max(highest, packed)) { Swift.max($0, $1.figure) }
    return isEmpty ? nil : segments.reduce(largest) { Swift.max($0, $1.highest) }
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
    FigureRunMerge(readers(sign: 1)).map { ($0.figure, $0.count) }
  }

  /// Merges the pending figures into the runs (reading them then copies nothing).
  mutating func settle() { merge() }

  /// The counts of `parts` added up, less those of `taken` (each of whose counts is at most the
  /// parts'), in one merge of their runs and segments, each segment read through a buffer of
  /// 4 KB, or less when there are more than 256 of them (1 MB in all). When some were written out
  /// to a spill, a sum of more than 64 KB of runs is written out too, as it is made, into one
  /// segment.
  static func sum(_ parts: [FigureCounts], less taken: FigureCounts, spill: FigureSpill? = nil)
    -> FigureCounts
  {
    let all = parts + [taken]
    let segments = all.reduce(0) { $0 + $1.segments.count }
    let bufferSize = (1 << 20) / max(1, segments)
    let sources =
      parts.flatMap { $0.readers(sign: 1, bufferSize: bufferSize) }
      + taken.readers(sign: -1, bufferSize: bufferSize)
    let bytes = all.reduce(0) { $0 + $1.runs.count + $1.segments.reduce(0) { $0 + $1.range.count } }
    if let spill, segments > 0, bytes > Self.chunkSize {
      if let segment = write(FigureRunMerge(sources), level: 0, to: spill) {
        var sum = FigureCounts()
        // Counts that all came to 0 leave no segment.
        if !segment.range.isEmpty { (sum.segments, sum.spill) = ([segment], spill) }
        return sum
      }
    }
    var writer = FigureRunWriter()
    for run in FigureRunMerge(sources) { writer.append(run.figure, run.count) }
    var sum = FigureCounts()
    (sum.runs, sum.distinct, sum.lowest, sum.highest) = (
      writer.bytes, writer.distinct, writer.lowest, writer.highest
    )
    return sum
  }

  /// The figures at each of `ranks` (from 0, in increasing order) of the figures in order, each
  /// counted as often as it occurs: one pass over the runs.
  func orderStatistics(_ ranks: [Int]) -> [Int] {
    var figures: [Int] = []
    figures.reserveCapacity(ranks.count)
    var seen = 0
    var largest = Int.min
    for (figure, count) in FigureRunMerge(readers(sign: 1)) {
      seen += count
      largest = figure
      while figures.count < ranks.count && ranks[figures.count] < seen { figures.append(figure) }
    }
    // Past the last figure (a rank beyond the count): the largest.
    while figures.count < ranks.count { figures.append(largest) }
    return figures
  }

  // MARK: Spilling

  /// A sorted segment of runs in a spill's file.
  private struct Segment {
    var range: Range<Int>
    /// 0 for runs written out from memory, one more for each merge of segments.
    var level: Int
    var lowest: Int
    var highest: Int
  }

  /// Segments of a level merged into one of the next when there are so many.
  private static let fanIn = 8
  /// The bytes a segment is written a chunk at a time in.
  private static let chunkSize = 1 << 16

  /// Readers of the runs and segments, pending figures merged in (on a copy).
  private func readers(sign: Int, bufferSize: Int = 4096) -> [FigureRunReader] {
    var merged = self
    merged.merge()
    let inMemory = merged.distinct > 0 ? [FigureRunReader(runs: merged.runs, sign: sign)] : []
    guard let spill else { return inMemory }
    return inMemory
      + segments.map { FigureRunReader(segment: $0.range, of: spill, sign: sign, bufferSize: bufferSize) }
  }

  /// Writes the runs (pending figures merged in) out as a segment of `spill`, and memory starts
  /// again; then merges a level's segments into one when there are `fanIn`. False when there
  /// were no runs or they could not be written (they are then kept).
  mutating func spill(to spill: FigureSpill) -> Bool {
    guard spill.isUsable else { return false }
    merge()
    guard distinct > 0,
      let range = spill.writeSegment({ write in runs.withUnsafeBytes { write($0) } })
    else { return false }
    segments.append(Segment(range: range, level: 0, lowest: lowest, highest: highest))
    self.spill = spill
    (runs, distinct, lowest, highest) = ([], 0, .max, .min)
    // Only the level a merge just added to can have grown to `fanIn`.
    var level = 0
    while segments.filter({ $0.level == level }).count >= Self.fanIn {
      let merging = segments.filter { $0.level == level }
      let merge = FigureRunMerge(merging.map { FigureRunReader(segment: $0.range, of: spill, sign: 1) })
      // Left as they are when the merged segment cannot be written: nothing is lost.
      guard let merged = Self.write(merge, level: level + 1, to: spill) else { break }
      segments.removeAll { $0.level == level }
      segments.append(merged)
      level += 1
    }
    return true
  }

  /// Writes the runs of `merge` into a segment of `spill` at `level`, a chunk at a time; nil when
  /// it could not be written.
  private static func write(_ merge: FigureRunMerge, level: Int, to spill: FigureSpill) -> Segment? {
    var writer = FigureRunWriter()
    let range = spill.writeSegment { write in
      for run in merge {
        writer.append(run.figure, run.count)
        if writer.bytes.count >= chunkSize {
          writer.bytes.withUnsafeBytes { write($0) }
          writer.removeBytes()
        }
      }
      writer.bytes.withUnsafeBytes { write($0) }
    }
    return range.map { Segment(range: $0, level: level, lowest: writer.lowest, highest: writer.highest) }
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
  @inline(__always) static func read(_ bytes: UnsafeBufferPointer<UInt8>, at: inout Int) -> UInt {
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
