/// The code tables a dynamic block carries in its header (RFC 1951, 3.2.7).
enum DynamicCodes {
  /// The order in which the code length code's lengths are written.
  private static let lengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

  /// Reads the header and returns the literal/length and distance codes.
  static func read(from input: inout BitInput) throws(InflateFailure) -> (HuffmanCode, HuffmanCode) {
    let literalCount = Int(try input.bits(5)) + 257
    let distanceCount = Int(try input.bits(5)) + 1
    let lengthCodeCount = Int(try input.bits(4)) + 4
    guard literalCount <= 286, distanceCount <= 30 else {
      throw .invalid("a dynamic block declaring \(literalCount) literal and \(distanceCount) distance codes")
    }
    var lengthCodeLengths = [UInt8](repeating: 0, count: 19)
    for position in 0..<lengthCodeCount {
      lengthCodeLengths[lengthOrder[position]] = UInt8(try input.bits(3))
    }
    guard let lengthCode = HuffmanCode(lengths: lengthCodeLengths) else {
      throw .invalid("a code length code that is no prefix code")
    }
    let lengths = try readLengths(literalCount + distanceCount, with: lengthCode, from: &input)
    guard lengths[256] != 0 else { throw .invalid("a dynamic block with no end-of-block code") }
    guard let literals = HuffmanCode(lengths: Array(lengths[..<literalCount])),
      let distances = HuffmanCode(lengths: Array(lengths[literalCount...]))
    else { throw .invalid("code lengths that are no prefix code") }
    return (literals, distances)
  }

  /// The `count` code lengths, run-length coded with the symbols 16 (repeat the last 3–6 times),
  /// 17 (3–10 zeros) and 18 (11–138 zeros).
  private static func readLengths(
    _ count: Int, with code: HuffmanCode, from input: inout BitInput
  ) throws(InflateFailure) -> [UInt8] {
    var lengths: [UInt8] = []
    lengths.reserveCapacity(count)
    while lengths.count < count {
      guard let symbol = try code.decode(&input) else { throw .invalid("a code length that is in no table") }
      let value: UInt8
      let repeats: Int
      switch symbol {
      case 0...15:
        (value, repeats) = (UInt8(symbol), 1)
      case 16:
        guard let previous = lengths.last else {
          throw .invalid("a repeat of a code length before the first")
        }
        (value, repeats) = (previous, 3 + Int(try input.bits(2)))
      case 17:
        (value, repeats) = (0, 3 + Int(try input.bits(3)))
      default:
        (value, repeats) = (0, 11 + Int(try input.bits(7)))
      }
      guard lengths.count + repeats <= count else { throw .invalid("code lengths that run past their count") }
      lengths.append(contentsOf: repeatElement(value, count: repeats))
    }
    return lengths
  }
}
