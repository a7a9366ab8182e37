import Foundation

/// The CP932 (Windows Japanese) code page, as Foundation decodes it, in a table: the scalar of each
/// single byte at its value and of each two-byte character at `lead << 8 | trail`; 0 where the
/// bytes are not a character.
///
/// Built once, from Foundation, so that reading a piece at a time maps every character exactly as
/// decoding the whole file with Foundation would.
enum CP932 {
  /// A byte that starts a two-byte character.
  static func isLead(_ byte: UInt8) -> Bool {
    (0x81...0x9F).contains(byte) || (0xE0...0xFC).contains(byte)
  }

  static let table: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 0x10000)
    func scalar(_ bytes: [UInt8]) -> UInt32 {
      guard let text = String(bytes: bytes, encoding: .shiftJIS), text.unicodeScalars.count == 1,
        let scalar = text.unicodeScalars.first
      else { return 0 }
      return scalar.value
    }
    for byte in UInt8(1)...0xFF where !isLead(byte) {
      table[Int(byte)] = scalar([byte])
    }
    for lead in UInt8(0x81)...0xFC where isLead(lead) {
      for trail in UInt8(0x40)...0xFC where trail != 0x7F {
        table[Int(lead) << 8 | Int(trail)] = scalar([lead, trail])
      }
    }
    return table
  }()
}
