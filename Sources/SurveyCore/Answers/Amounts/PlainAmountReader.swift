/// Reads the amount cell most exports are made of, a figure code, digits (half- or full-width,
/// with commas anywhere) and a unit without a warning (`①１，１８０千円`, `①13,950千円`),
/// straight from its bytes, to the same figure as `AmountParser`; any other cell is left to the
/// parser. Such a cell gives no diagnostic.
struct PlainAmountReader {
  let figureCode: Int
  private let units: [(suffix: [UInt8], yen: Int)]

  /// A reader for an amount item with a figure option, or nil.
  init?(item: Item, units: [AmountUnit]) {
    guard item.kind == .amount, let figure = item.options.first(where: { $0.role == .figure }),
      (1...20).contains(figure.code)
    else { return nil }
    self.figureCode = figure.code
    self.units = units.filter { $0.warning == nil }.map {
      (Array(TextNormalization.halfWidth($0.suffix).utf8), $0.yen)
    }
  }

  /// The code and the figure in yen, or nil when the cell is not of the plain form.
  func read(_ bytes: UnsafeBufferPointer<UInt8>) -> (code: Int, yen: Int)? {
    let count = bytes.count
    // A circled number ①–⑳ is E2 91 A0–B3.
    guard count > 3, bytes[0] == 0xE2, bytes[1] == 0x91, bytes[2] >= 0xA0, bytes[2] <= 0xB3,
      Int(bytes[2]) - 0x9F == figureCode
    else { return nil }
    var index = 3
    var number = 0
    var digits = 0
    while index < count {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        number = number * 10 + Int(byte - 0x30)
        digits += 1
        index += 1
      } else if byte == 0x2C {
        index += 1
      } else if byte == 0xEF && index + 2 < count && bytes[index + 1] == 0xBC
        && (bytes[index + 2] == 0x8C || (bytes[index + 2] >= 0x90 && bytes[index + 2] <= 0x99))
      {
        // Full-width comma (U+FF0C) or digit (U+FF10–FF19).
        if bytes[index + 2] != 0x8C {
          number = number * 10 + Int(bytes[index + 2] - 0x90)
          digits += 1
        }
        index += 3
      } else {
        break
      }
      if digits > 9 { return nil }
    }
    guard digits > 0 else { return nil }
    let rest = UnsafeBufferPointer(rebasing: bytes[index...])
    for unit in units where rest.elementsEqual(unit.suffix) {
      let (yen, overflow) = number.multipliedReportingOverflow(by: unit.yen)
      guard !overflow, yen <= AmountParser.largest else { return nil }
      return (figureCode, yen)
    }
    return nil
  }
}
