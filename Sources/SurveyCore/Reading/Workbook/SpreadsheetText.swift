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

  /// The text as cell text in XML: `&`, `<`, `>` and `"` as entities, characters XML cannot hold
  /// as `_xHHHH_`, and a `_x` that would read as such an escape as `_x005F_x`.
  static func escaped(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "\t", "\n": result.unicodeScalars.append(scalar)
      case "_" where index + 1 < scalars.count && scalars[index + 1] == "x": result += "_x005F_"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          result += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }
}
