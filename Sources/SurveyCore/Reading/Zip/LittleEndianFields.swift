/// Reads the little-endian numbers of a ZIP record from its bytes.
struct LittleEndianFields {
  let bytes: [UInt8]
  /// Where the record starts in `bytes`.
  var base = 0

  /// The `width`-byte number at `offset` from the record's start (0 past the end).
  func number(at offset: Int, width: Int) -> Int {
    var value = 0
    for index in (0..<width).reversed() {
      let position = base + offset + index
      value = value << 8 | (position < bytes.count ? Int(bytes[position]) : 0)
    }
    return value
  }

  func u16(_ offset: Int) -> Int { number(at: offset, width: 2) }
  func u32(_ offset: Int) -> Int { number(at: offset, width: 4) }
  func u64(_ offset: Int) -> Int { number(at: offset, width: 8) }
}
