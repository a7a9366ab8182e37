/// The identifiers (project numbers) met so far, in memory that does not grow with the rows when
/// they are numbers: a sparse bitmap of pages allocated on demand, one bit per number.
///
/// Numbers of each count of digits have their bits apart (`007` is not `7`). Other identifiers
/// are kept as their bytes. Ten million numbers from 1 up take 153 pages of 8 KB.
struct IdentifierSet {
  /// Bits per page: 2^16, 1,024 words of 64 bits.
  private static let pageShift = 16
  /// The pages by page number (the number's high bits) and count of digits.
  private var pages: [UInt64: [UInt64]] = [:]
  private var texts: Set<[UInt8]> = []
  /// How many identifiers the set holds.
  private(set) var count = 0

  /// Adds a key; true when it was not in the set yet.
  mutating func insert(_ key: IdentifierKey) -> Bool {
    switch key {
    case .number(let number, let digits):
      let page = (number >> UInt64(Self.pageShift)) | (UInt64(digits) << 56)
      let bit = Int(number & ((1 << UInt64(Self.pageShift)) - 1))
      let mask: UInt64 = 1 << UInt64(bit & 63)
      let inserted = pages[page, default: [UInt64](repeating: 0, count: (1 << Self.pageShift) / 64)]
        .withUnsafeMutableBufferPointer { words in
          let fresh = words[bit >> 6] & mask == 0
          words[bit >> 6] |= mask
          return fresh
        }
      if inserted { count += 1 }
      return inserted
    case .text(let bytes):
      let inserted = texts.insert(bytes).inserted
      if inserted { count += 1 }
      return inserted
    }
  }

  /// Whether the set holds a key.
  func contains(_ key: IdentifierKey) -> Bool {
    switch key {
    case .number(let number, let digits):
      let page = (number >> UInt64(Self.pageShift)) | (UInt64(digits) << 56)
      let bit = Int(number & ((1 << UInt64(Self.pageShift)) - 1))
      guard let words = pages[page] else { return false }
      return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    case .text(let bytes):
      return texts.contains(bytes)
    }
  }

  /// The pages of bits allocated (8 KB each).
  var pageCount: Int { pages.count }
}
