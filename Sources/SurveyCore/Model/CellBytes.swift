/// White space at the edges of a cell's UTF-8 bytes, found without making a string: the same
/// characters as `trimmingSpaces` (Unicode's White_Space: U+0009–000D, U+0020, U+0085, U+00A0,
/// U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F, U+3000).
enum CellBytes {
  @inline(__always) static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard let first = bytes.first else { return bytes }
    // Most cells start and end with no space, told by a byte or two at each end (every cell of
    // every row comes here).
    if !mayStartWithSpace(first, bytes) && !mayEndWithSpace(bytes) { return bytes }
    var start = 0
    var end = bytes.count
    while start < end, let length = spaceLength(bytes, from: start, to: end) { start += length }
    while start < end, let length = spaceLength(bytes, endingAt: end, from: start) { end -= length }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// Whether a cell whose first byte is `first` may start with white space: false for any other
  /// ASCII, any other lead byte, and the common E2 and E3 characters (①, kana, kanji signs).
  @inline(__always) private static func mayStartWithSpace(_ first: UInt8, _ bytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) }
    switch first {
    case 0xC2, 0xE1: return true
    case 0xE2: return bytes.count > 1 && (bytes[1] == 0x80 || bytes[1] == 0x81)
    case 0xE3: return bytes.count > 2 && bytes[1] == 0x80 && bytes[2] == 0x80
    default: return false
    }
  }

  /// Whether a cell may end with white space, told by its last two bytes: those of a white-space
  /// character (`）` EF BC 89 ends in a byte of U+2009's, but not in its two).
  @inline(__always) private static func mayEndWithSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let last = bytes[bytes.count - 1]
    if last < 0x80 { return last == 0x20 || (0x09...0x0D).contains(last) }
    guard bytes.count >= 2 else { return false }
    let before = bytes[bytes.count - 2]
    switch last {
    case 0xA0: return before == 0xC2
    case 0x85: return before == 0xC2 || before == 0x80
    case 0x9F: return before == 0x81
    case 0x80...0x8A, 0xA8, 0xA9, 0xAF: return before == 0x80 || before == 0x9A
    default: return false
    }
  }

  /// The length of the white-space character that starts at `index`, or nil.
  private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, to end: Int) -> Int? {
    let first = bytes[index]
    if first < 0x80 { return first == 0x20 || (0x09...0x0D).contains(first) ? 1 : nil }
    guard index + 1 < end else { return nil }
    let second = bytes[index + 1]
    if first == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : nil }
    guard index + 2 < end, first == 0xE1 || first == 0xE2 || first == 0xE3 else { return nil }
    return isSpace(first, second, bytes[index + 2]) ? 3 : nil
  }

  /// The length of the white-space character that ends just before `end`, or nil.
  private static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, from start: Int)
    -> Int?
  {
    let last = bytes[end - 1]
    if last < 0x80 { return last == 0x20 || (0x09...0x0D).contains(last) ? 1 : nil }
    if end - 2 >= start, bytes[end - 2] == 0xC2, last == 0x85 || last == 0xA0 { return 2 }
    guard end - 3 >= start else { return nil }
    return isSpace(bytes[end - 3], bytes[end - 2], last) ? 3 : nil
  }

  private static func isSpace(_ first: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    switch (first, second) {
    case (0xE3, 0x80): third == 0x80
    case (0xE1, 0x9A): third == 0x80
    case (0xE2, 0x80): (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF
    case (0xE2, 0x81): third == 0x9F
    default: false
    }
  }
}
