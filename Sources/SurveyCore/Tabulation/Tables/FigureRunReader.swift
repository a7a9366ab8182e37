/// The runs (a figure and its count) of one sorted source of figures, read in order: a line's
/// runs in memory, or a segment of them in a `FigureSpill`, read a few kilobytes at a time.
struct FigureRunReader {
  /// The bytes read and not yet decoded.
  private var bytes: [UInt8]
  private var at = 0
  private let spill: FigureSpill?
  /// Where the segment's bytes not yet read start in the spill's file, and how many there are.
  private var offset = 0
  private var left = 0
  /// Each run's count is multiplied by it: 1, or −1 for counts to take away.
  let sign: Int
  /// The run read last, or nil past the end.
  private(set) var current: (figure: Int, count: Int)?
  /// The most bytes of a segment read at a time.
  private let bufferSize: Int

  /// A reader of runs packed in memory (`FigureCounts`' LEB128 steps and counts).
  init(runs: [UInt8], sign: Int) {
    bytes = runs
    spill = nil
    bufferSize = 0
    self.sign = sign
    advance()
  }

  /// A reader of the runs of a segment of `spill`, `bufferSize` bytes (at least 64) at a time.
  init(segment: Range<Int>, of spill: FigureSpill, sign: Int, bufferSize: Int = 4096) {
    bytes = []
    self.spill = spill
    self.bufferSize = max(64, bufferSize)
    offset = segment.lowerBound
    left = segment.count
    self.sign = sign
    advance()
  }

  /// Reads the next run into `current` (nil at the end, or after a read error, which the spill keeps).
  mutating func advance() {
    // A run is at most twenty bytes: two numbers of at most ten.
    if bytes.count - at < 20 && left > 0, let spill {
      let count = Swift.min(left, bufferSize)
      if let more = spill.read(count, at: offset) {
        bytes = Array(bytes[at...]) + more
        offset += count
        left -= count
      } else {
        bytes = []
        left = 0
      }
      at = 0
    }
    guard at < bytes.count else {
      current = nil
      return
    }
    current = bytes.withUnsafeBufferPointer { bytes in
      let figure = (current?.figure ?? 0) &+ Int(bitPattern: FigureCounts.read(bytes, at: &at))
      return (figure, Int(bitPattern: FigureCounts.read(bytes, at: &at)))
    }
  }
}
