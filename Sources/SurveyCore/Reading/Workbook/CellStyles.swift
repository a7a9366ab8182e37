/// The cell formats of a workbook (`xl/styles.xml`) as far as they change the text a cell shows:
/// which of them give a number a date or time format, and the workbook's date system.
struct CellStyles: Sendable {
  /// By cell format index (a cell's `s`), the date or time kind of its number format, if any.
  private var dateFormats: [DateFormat?] = []
  /// Whether the workbook counts days from 1904-01-01 (`<workbookPr date1904="1"/>`).
  var date1904 = false

  /// Whether any cell format is a date or time one: if not, no cell's style need be looked at.
  var hasDates: Bool { dateFormats.contains { $0 != nil } }

  init() {}

  /// Reads the part's number formats (`numFmt`) and cell formats (`cellXfs`).
  init(scanner: XMLScanner) throws(SurveyError) {
    var custom: [Int: DateFormat?] = [:]
    var inCellFormats = false
    while try scanner.next() {
      switch scanner.token {
      case .start where scanner.isNamed("numFmt"):
        guard let id = try Self.number(scanner.attribute("numFmtId")),
          let code = try scanner.attribute("formatCode")
        else { continue }
        custom[id] = DateFormat(code: String(decoding: code, as: UTF8.self))
      case .start where scanner.isNamed("cellXfs"):
        inCellFormats = !scanner.isEmptyElement
      case .end where scanner.isNamed("cellXfs"):
        inCellFormats = false
      case .start where inCellFormats && scanner.isNamed("xf"):
        let id = try Self.number(scanner.attribute("numFmtId")) ?? 0
        dateFormats.append(custom[id] ?? DateFormat.builtIn(id))
      default:
        break
      }
    }
  }

  /// The text a number cell of style `style` shows when its format is a date or time one (nil
  /// when it is not, or when the number is no day Excel shows).
  func shown(_ value: [UInt8], style: [UInt8]) -> [UInt8]? {
    guard let index = Self.number(style), index < dateFormats.count, let format = dateFormats[index],
      let serial = Double(String(decoding: value, as: UTF8.self)),
      let date = SerialDate(serial: serial, date1904: date1904)
    else { return nil }
    return Array(date.text(as: format).utf8)
  }

  /// The text a date cell (type `d`, an ISO 8601 date) shows in style `style`: as a date unless
  /// its format is another date or time kind.
  func shown(iso value: [UInt8], style: [UInt8]?) -> [UInt8]? {
    guard let date = SerialDate(iso: String(decoding: value, as: UTF8.self)) else { return nil }
    let format = style.flatMap(Self.number).flatMap { $0 < dateFormats.count ? dateFormats[$0] : nil }
    return Array(date.text(as: format ?? .date).utf8)
  }

  private static func number(_ bytes: [UInt8]?) -> Int? {
    bytes.flatMap { Int(String(decoding: $0, as: UTF8.self)) }
  }
}
