/// Cell text as OOXML stores it: characters that XML cannot hold are written `_xHHHH_` (a carriage
/// return is `_x000D_`), and a literal `_x` that would read as one is written `_x005F_x…`
/// (ECMA-376 Part 1, 22.9.2.19, ST_Xstring).
enum SpreadsheetText {
  /// The text with each `_xHHHH_` replaced by its character.
  static func unescaped(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "_")) else { return bytes }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "_"), index + 6 < bytes.count, bytes[index + 1] == UInt8(ascii: "x"),
        bytes[index + 6] == UInt8(ascii: "_"),
        let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        result.append(contentsOf: String(Character(scalar)).utf8)
        index += 7
        continue
      }
      result.append(bytes[index])
      index += 1
    }
    return result
  }
}
