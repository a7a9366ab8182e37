/// A cell's place as a spreadsheet user finds it: its column letters and row number (`J6`).
public struct CellReference: Sendable, Hashable, CustomStringConvertible {
  /// The column, from 0 for `A`.
  public var column: Int
  /// The row, from 1.
  public var row: Int

  public init(column: Int, row: Int) {
    self.column = column
    self.row = row
  }

  /// The place `A1`-style text names (`J6`, `$J$6`), or nil when it names none.
  public init?(_ text: some StringProtocol) {
    self.init(utf8: text.utf8)
  }

  /// The place the UTF-8 bytes of `A1`-style text name, or nil when they name none.
  public init?(utf8 bytes: some Sequence<UInt8>) {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in bytes where byte != UInt8(ascii: "$") {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0:
        column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0:
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default:
        return nil
      }
      guard letters <= 3, digits <= 7 else { return nil }
    }
    guard letters > 0, row > 0 else { return nil }
    self.init(column: column - 1, row: row)
  }

  /// The letters of the column at `index` (0 → `A`, 25 → `Z`, 26 → `AA`).
  public static func columnName(_ index: Int) -> String {
    var letters: [Character] = []
    var rest = index + 1
    while rest > 0 {
      let remainder = (rest - 1) % 26
      letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(remainder))))
      rest = (rest - 1) / 26
    }
    return String(letters.reversed())
  }

  public var description: String { "\(Self.columnName(column))\(row)" }
}
