/// A canonical Huffman code of DEFLATE (RFC 1951, 3.2.2), built from its code lengths, that
/// decodes one symbol from a `BitInput`.
///
/// Codes of up to `fastBits` bits are found in one look-up of the next bits (reversed, since
/// DEFLATE packs codes from their most significant bit); longer ones bit by bit.
struct HuffmanCode {
  static let fastBits = 10
  static let maxBits = 15

  /// At the reversed next `fastBits` bits, `symbol << 4 | length`; 0 when the code is longer.
  private var fast: [UInt16]
  /// How many codes each length has.
  private var counts: [Int]
  /// The symbols in code order.
  private var symbols: [UInt16]

  /// A code with no symbols, which decodes nothing.
  static let empty = HuffmanCode()

  private init() {
    fast = [UInt16](repeating: 0, count: 1 << Self.fastBits)
    counts = [Int](repeating: 0, count: Self.maxBits + 1)
    symbols = []
  }

  /// The code whose symbol `s` has `lengths[s]` bits (0: the symbol is unused), or nil when the
  /// lengths are not a prefix code (more codes of a length than it has room for).
  init?(lengths: [UInt8]) {
    counts = [Int](repeating: 0, count: Self.maxBits + 1)
    for length in lengths { counts[Int(length)] += 1 }
    counts[0] = 0
    var left = 1
    for length in 1...Self.maxBits {
      left = left << 1 - counts[length]
      if left < 0 { return nil }
    }
    var offsets = [Int](repeating: 0, count: Self.maxBits + 2)
    for length in 1...Self.maxBits { offsets[length + 1] = offsets[length] + counts[length] }
    symbols = [UInt16](repeating: 0, count: offsets[Self.maxBits + 1])
    var nextCode = [Int](repeating: 0, count: Self.maxBits + 1)
    var code = 0
    for length in 1...Self.maxBits {
      code = (code + counts[length - 1]) << 1
      nextCode[length] = code
    }
    fast = [UInt16](repeating: 0, count: 1 << Self.fastBits)
    for (symbol, length) in lengths.enumerated() where length > 0 {
      let bits = Int(length)
      symbols[offsets[bits]] = UInt16(symbol)
      offsets[bits] += 1
      let code = nextCode[bits]
      nextCode[bits] += 1
      guard bits <= Self.fastBits else { continue }
      var reversed = 0
      for bit in 0..<bits where code >> bit & 1 == 1 { reversed |= 1 << (bits - 1 - bit) }
      for index in stride(from: reversed, to: 1 << Self.fastBits, by: 1 << bits) {
        fast[index] = UInt16(symbol << 4 | bits)
      }
    }
  }

  /// The next symbol, or nil when the bits are no code of this table.
  func decode(_ input: inout BitInput) throws(InflateFailure) -> Int? {
    input.fill()
    let entry = fast[Int(input.peek(Self.fastBits))]
    if entry != 0 {
      let length = Int(entry & 0xF)
      try input.drop(length)
      return Int(entry >> 4)
    }
    // A longer code (or none), bit by bit, from the shortest length up.
    var code = 0
    var first = 0
    var index = 0
    for length in 1...Self.maxBits {
      code |= Int(try input.bits(1))
      let count = counts[length]
      if code - first < count { return Int(symbols[index + code - first]) }
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    return nil
  }
}
