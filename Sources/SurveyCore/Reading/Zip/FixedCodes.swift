/// DEFLATE's fixed tables (RFC 1951, 3.2.5 and 3.2.6): the fixed Huffman codes, and the base
/// values and extra bits of the length and distance codes.
enum FixedCodes {
  static let lengthBases = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195,
    227, 258,
  ]
  static let lengthExtraBits = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  static let distanceBases = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
    4097,
    6145, 8193, 12289, 16385, 24577,
  ]
  static let distanceExtraBits = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
  ]

  /// Literals 0–143 in 8 bits, 144–255 in 9, 256–279 in 7, 280–287 in 8.
  static let literals: HuffmanCode = {
    let lengths =
      [UInt8](repeating: 8, count: 144) + [UInt8](repeating: 9, count: 112) + [UInt8](repeating: 7, count: 24)
      + [UInt8](repeating: 8, count: 8)
    return HuffmanCode(lengths: lengths) ?? HuffmanCode.empty
  }()

  /// Every distance code in 5 bits.
  static let distances = HuffmanCode(lengths: [UInt8](repeating: 5, count: 32)) ?? HuffmanCode.empty
}
