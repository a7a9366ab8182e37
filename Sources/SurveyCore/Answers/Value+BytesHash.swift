extension Value {
  /// A hash of the value by its bytes and codes, without the Unicode normalization of `Hasher`
  /// (a table's cache of categories and the summary's decoded answers key values by it): equal
  /// values hash alike, since a name's bytes are the same where it is the same string.
  var bytesHash: UInt64 {
    switch self {
    case .blank: 1
    case .nonAnswer(let text), .text(let text):
      text.utf8.withContiguousStorageIfAvailable { ByteInterner.hash($0) } ?? UInt64(text.utf8.count)
    case .codes(let answers):
      answers.reduce(2) { ($0 ^ UInt64(bitPattern: Int64($1.code))) &* 0x100_0000_01B3 }
    case .amount(let amount):
      if case .given(let yen) = amount.status {
        3 ^ UInt64(bitPattern: Int64(yen)) << 8
      } else {
        5 ^ UInt64(bitPattern: Int64(amount.answer.code)) << 8
      }
    case .year(let year): 4 ^ UInt64(bitPattern: Int64(year.year ?? -year.answer.code)) << 8
    }
  }
}
