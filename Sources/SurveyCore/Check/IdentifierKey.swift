/// What makes two identifiers (project numbers) the same: their match key
/// (`TextNormalization.matchKey`), held as a number when it is only ASCII digits, so that a set
/// of them fits in a bitmap.
///
/// A key of digits is its number and its count of digits (`007` and `7` are different keys); any
/// other key is its UTF-8 bytes.
enum IdentifierKey: Hashable, Sendable {
  case number(UInt64, digits: Int)
  case text([UInt8])

  /// The most digits a number key holds: 10^18 fits in 60 bits.
  static let maximumDigits = 18

  /// The key of a match key.
  init(matchKey: String) {
    let utf8 = Array(matchKey.utf8)
    if let number = utf8.withUnsafeBufferPointer({ Self.number($0) }) {
      self = .number(number, digits: utf8.count)
    } else {
      self = .text(utf8)
    }
  }

  /// The number written by bytes of 1 to 18 ASCII digits, or nil.
  static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
    guard (1...maximumDigits).contains(bytes.count) else { return nil }
    var value: UInt64 = 0
    for byte in bytes {
      guard byte >= 0x30 && byte <= 0x39 else { return nil }
      value = value * 10 + UInt64(byte - 0x30)
    }
    return value
  }

  /// The key and the cell's text (nil when the cell is blank) of an identifier cell, given by its
  /// span in a record's buffer. A cell of ASCII digits alone, the usual project number, is read
  /// from its bytes; any other goes by way of its text.
  static func of(_ span: FieldSpan, in buffer: UnsafeBufferPointer<UInt8>) -> (
    key: IdentifierKey, text: String
  )? {
    if span.isVerbatim {
      let bytes = CellBytes.trimmed(UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]))
      if bytes.isEmpty { return nil }
      if let number = number(bytes) {
        return (.number(number, digits: bytes.count), String(decoding: bytes, as: UTF8.self))
      }
    }
    let text = TSVReader.string(of: span, in: buffer).trimmingSpaces
    if text.isEmpty { return nil }
    return (IdentifierKey(matchKey: TextNormalization.matchKey(text)), text)
  }
}
