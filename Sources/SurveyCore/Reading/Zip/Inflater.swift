/// A DEFLATE (RFC 1951) decoder that hands out what it inflates a piece at a time, keeping only
/// the 32 KB window that later matches may reach back into: memory stays bounded whatever the
/// member's size.
final class Inflater {
  /// The farthest back a match may reach.
  static let windowSize = 32_768

  private enum State {
    case blockHeader
    case stored(remaining: Int)
    case compressed(literals: HuffmanCode, distances: HuffmanCode)
    case done
  }

  private var input: BitInput
  private var state = State.blockHeader
  private var lastBlock = false
  /// The window, then the bytes inflated since the last piece was handed out: `count` bytes of
  /// room for the window, a piece and the longest match, written by hand in the hot loop.
  private let window: UnsafeMutableBufferPointer<UInt8>
  private var count = 0
  private var handedOut = 0
  private let pieceSize: Int
  private let limit: Int
  /// How many bytes were handed out so far.
  private(set) var total = 0

  /// A decoder of the compressed bytes that `next` hands out in chunks, failing once its output
  /// passes `limit` bytes.
  init(
    pieceSize: Int = 65_536, limit: Int = Int.max, next: @escaping () throws(InflateFailure) -> [UInt8]?
  ) {
    input = BitInput(next: next)
    self.pieceSize = max(1, pieceSize)
    self.limit = limit
    window = .allocate(capacity: Self.windowSize + self.pieceSize + 258)
  }

  deinit {
    window.deallocate()
  }

  /// The next piece of output (about `pieceSize` bytes), or nil after the last block.
  func next() throws(InflateFailure) -> [UInt8]? {
    if handedOut > Self.windowSize, let base = window.baseAddress {
      let dropped = handedOut - Self.windowSize
      (base).update(from: base + dropped, count: count - dropped)
      count -= dropped
      handedOut = Self.windowSize
    }
    while count - handedOut < pieceSize {
      switch state {
      case .done:
        break
      case .blockHeader:
        try readBlockHeader()
        continue
      case .stored(let remaining):
        let take = min(remaining, pieceSize - (count - handedOut))
        try input.copyBytes(take, to: UnsafeMutableBufferPointer(rebasing: window[count...]))
        count += take
        state = remaining == take ? endOfBlock() : .stored(remaining: remaining - take)
        continue
      case .compressed(let literals, let distances):
        try inflate(literals, distances, until: handedOut + pieceSize)
        continue
      }
      break
    }
    guard count > handedOut else { return nil }
    let piece = Array(window[handedOut..<count])
    handedOut = count
    total += piece.count
    guard total <= limit else { throw .tooLarge(limit: limit) }
    return piece
  }

  private func endOfBlock() -> State {
    lastBlock ? .done : .blockHeader
  }

  private func readBlockHeader() throws(InflateFailure) {
    lastBlock = try input.bits(1) == 1
    switch try input.bits(2) {
    case 0:
      input.alignToByte()
      let length = Int(try input.bits(16))
      let complement = Int(try input.bits(16))
      guard length == ~complement & 0xFFFF else {
        throw .invalid("a stored block whose length does not match its complement")
      }
      state = length == 0 ? endOfBlock() : .stored(remaining: length)
    case 1:
      state = .compressed(literals: FixedCodes.literals, distances: FixedCodes.distances)
    case 2:
      let (literals, distances) = try DynamicCodes.read(from: &input)
      state = .compressed(literals: literals, distances: distances)
    default:
      throw .invalid("a block of the reserved type 3")
    }
  }

  /// Decodes symbols of a compressed block until the window reaches `end` bytes or the block ends.
  ///
  /// The hot loop of reading a workbook: one symbol per turn, a match copied byte by byte, since
  /// it may overlap the bytes it writes.
  private func inflate(_ literals: HuffmanCode, _ distances: HuffmanCode, until end: Int)
    throws(InflateFailure)
  {
    // Locals, written back at the end: a stored property used inout in the loop would be checked
    // for exclusive access at each symbol (a third of the time).
    var input = self.input
    var count = self.count
    let window = self.window
    defer {
      self.input = input
      self.count = count
    }
    while count < end {
      guard let symbol = try literals.decode(&input) else { throw .invalid("a code that is in no table") }
      if symbol < 256 {
        window[count] = UInt8(truncatingIfNeeded: symbol)
        count += 1
        continue
      }
      if symbol == 256 {
        state = endOfBlock()
        return
      }
      let lengthIndex = symbol - 257
      guard lengthIndex < FixedCodes.lengthBases.count else { throw .invalid("the length code \(symbol)") }
      let length =
        FixedCodes.lengthBases[lengthIndex] + Int(try input.bits(FixedCodes.lengthExtraBits[lengthIndex]))
      guard let distanceSymbol = try distances.decode(&input), distanceSymbol < FixedCodes.distanceBases.count
      else { throw .invalid("a distance code that is in no table") }
      let distance =
        FixedCodes.distanceBases[distanceSymbol]
        + Int(try input.bits(FixedCodes.distanceExtraBits[distanceSymbol]))
      guard distance <= count else {
        throw .invalid("a match reaching \(distance) bytes back, before the start of the output")
      }
      var from = count - distance
      for _ in 0..<length {
        window[count] = window[from]
        count += 1
        from += 1
      }
    }
  }
}
