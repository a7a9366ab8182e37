/// The CRC-32 that ZIP stores for each member (ISO 3309, polynomial 0xEDB88320, reflected).
///
/// Computed eight bytes at a time ("slicing by 8"): eight tables, each the one before advanced
/// by a zero byte, so that a word's bytes are looked up independently.
struct CRC32 {
  private static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for index in 0..<256 {
      var value = UInt32(index)
      for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
      tables[index] = value
    }
    for slice in 1..<8 {
      for index in 0..<256 {
        let previous = tables[(slice - 1) * 256 + index]
        tables[slice * 256 + index] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
      }
    }
    return tables
  }()

  private var state: UInt32 = 0xFFFF_FFFF

  /// The checksum of the bytes given so far.
  var value: UInt32 { state ^ 0xFFFF_FFFF }

  mutating func update(_ bytes: [UInt8]) {
    var crc = state
    Self.tables.withUnsafeBufferPointer { table in
      bytes.withUnsafeBufferPointer { input in
        var position = 0
        while position + 8 <= input.count {
          let low =
            crc
            ^ (UInt32(input[position]) | UInt32(input[position + 1]) << 8 | UInt32(input[position + 2]) << 16
              | UInt32(input[position + 3]) << 24)
          let high =
            UInt32(input[position + 4]) | UInt32(input[position + 5]) << 8 | UInt32(input[position + 6]) << 16
            | UInt32(input[position + 7]) << 24
          crc =
            table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int(low >> 8 & 0xFF)]
            ^ table[5 * 256 + Int(low >> 16 & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
            ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int(high >> 8 & 0xFF)]
            ^ table[256 + Int(high >> 16 & 0xFF)] ^ table[Int(high >> 24)]
          position += 8
        }
        while position < input.count {
          crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ input[position])] ^ (crc >> 8)
          position += 1
        }
      }
    }
    state = crc
  }
}
