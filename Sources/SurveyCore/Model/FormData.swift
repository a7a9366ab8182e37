/// One row of an export, its cells read into typed values.
public struct Row: Sendable {
  /// The physical line where the row starts in its file.
  public var line: Int
  /// One value per item of the form, in the form's item order.
  public var values: [Value]
  /// The responding unit the row belongs to, or nil when the overall form does not list it.
  public var unit: UnitPath?

  public init(line: Int, values: [Value], unit: UnitPath? = nil) {
    self.line = line
    self.values = values
    self.unit = unit
  }
}

/// The rows of one questionnaire's export, typed according to the codebook.
public struct FormData: Sendable {
  public var form: Form
  /// The file name the rows came from, for messages.
  public var file: String
  public var encoding: TextEncoding
  public var rows: [Row]

  public init(form: Form, file: String, encoding: TextEncoding, rows: [Row]) {
    self.form = form
    self.file = file
    self.encoding = encoding
    self.rows = rows
  }

  /// The position of an item in this form's rows, or nil when the item is another form's.
  public func index(of item: Item) -> Int? {
    form.items.firstIndex { $0.id == item.id }
  }

  /// The first item of a kind, such as the department column.
  public func index(of kind: ItemKind) -> Int? {
    form.items.firstIndex { $0.kind == kind }
  }

  /// The text a row holds for a hierarchy or identifier item, or "" when it has none.
  public func text(of kind: ItemKind, in row: Row) -> String {
    guard let index = index(of: kind) else { return "" }
    return row.values[index].text ?? ""
  }
}

/// Reads an export's bytes into typed rows: detects the encoding, maps the header to items, fills
/// merged hierarchy cells down and parses every cell.
public enum ExportLoader {
  /// The form's rows and the warnings met; throws every error found, not just the first.
  public static func load(
    _ form: Form, utf8 bytes: [UInt8], encoding: TextEncoding, file: String, codebook: Codebook
  ) throws(SurveyError) -> (data: FormData, warnings: [Diagnostic]) {
    var log = DiagnosticLog()
    var reader = TSVReader(utf8: bytes, file: file)
    guard let header = try reader.next() else {
      throw SurveyError(
        Diagnostic(
          .error, file: file, line: 1, found: "an empty file",
          expected: "a header row naming the items of \(form.title)"))
    }
    let columns = try mapColumns(header, form: form, file: file, log: &log)
    var rows: [Row] = []
    var inherited = [String?](repeating: nil, count: form.items.count)
    let names = form.items.map(\.displayName)
    var cache = CellCache()
    while let record = try reader.next() {
      if record.fields.count != header.fields.count {
        log.append(
          Diagnostic(
            .error, file: file, line: record.line,
            found: "a row of \(record.fields.count) fields (a ragged row)",
            expected: "\(header.fields.count) fields, as in the header"))
        // Its hierarchy cells still stand above the rows that inherit them.
        for (itemIndex, item) in form.items.enumerated() where item.fillsDown {
          if let column = columns[itemIndex], column < record.fields.count {
            let raw = record.fields[column].trimmingSpaces
            if !raw.isEmpty { inherited[itemIndex] = raw }
          }
        }
        continue
      }
      var values = [Value](repeating: .blank, count: form.items.count)
      // A merged cell leaves the rows below it blank; a new value above resets what is inherited.
      var changedLevel: Item?
      for (itemIndex, item) in form.items.enumerated() {
        guard let column = columns[itemIndex] else { continue }
        var raw = record.fields[column].trimmingSpaces
        let location = CellLocation(file: file, line: record.line, column: column + 1, item: names[itemIndex])
        if item.fillsDown {
          if !raw.isEmpty {
            if changedLevel == nil, raw != inherited[itemIndex] { changedLevel = item }
          } else if let changedLevel {
            log.append(
              location.diagnostic(
                .error, found: "a blank \(item.title) on a row that starts a new \(changedLevel.title)",
                expected: "the \(item.title) of the row"))
          } else if let above = inherited[itemIndex] {
            raw = above
          } else {
            log.append(
              location.diagnostic(
                .error, found: "a blank \(item.title) with no row above to inherit it from",
                expected: "the \(item.title) of the row"))
          }
          inherited[itemIndex] = raw
        }
        let (value, diagnostics) = cache.parse(
          raw, itemIndex: itemIndex, item: item, codebook: codebook, at: location)
        values[itemIndex] = value
        log.append(contentsOf: diagnostics)
      }
      rows.append(Row(line: record.line, values: values))
    }
    try log.throwIfErrors()
    return (FormData(form: form, file: file, encoding: encoding, rows: rows), log.diagnostics)
  }

  /// For each item of the form, the column that holds it.
  private static func mapColumns(_ header: TSVRecord, form: Form, file: String, log: inout DiagnosticLog)
    throws(SurveyError) -> [Int?]
  {
    var columns = [Int?](repeating: nil, count: form.items.count)
    for (column, name) in header.fields.enumerated() {
      let key = TextNormalization.matchKey(name)
      let match = form.items.firstIndex { item in
        [item.header, item.id, item.number + item.title].contains { TextNormalization.matchKey($0) == key }
      }
      guard let match else {
        log.append(
          Diagnostic(
            .warning, file: file, line: header.line, column: column + 1,
            found: "a column '\(name)' that the codebook does not describe; it is ignored",
            expected: "one of the \(form.title) items"))
        continue
      }
      if columns[match] != nil {
        log.append(
          Diagnostic(
            .error, file: file, line: header.line, column: column + 1, item: form.items[match].displayName,
            found: "a second column for this item", expected: "each item once"))
      }
      columns[match] = column
    }
    for (index, item) in form.items.enumerated() where columns[index] == nil {
      log.append(
        Diagnostic(
          .error, file: file, line: header.line, item: item.displayName,
          found: "no column for this item", expected: "a header cell '\(item.header)'"))
    }
    try log.throwIfErrors()
    return columns
  }
}

/// Remembers how cells were read, so that the same text in the same column is parsed once: real
/// exports repeat their coded cells (`①講座`, `②実行委`) on row after row.
///
/// Diagnostics are kept without their place and given the place of each cell they are met in.
/// The cache stops growing at a fixed number of entries, so memory stays bounded on any input.
struct CellCache {
  private var entries: [CellKey: (value: Value, diagnostics: [Diagnostic])] = [:]
  static let capacity = 100_000

  /// A column and a cell's text, hashed and compared by its UTF-8 bytes (String's own hashing
  /// normalizes Unicode, which costs more than the parse it would save).
  private struct CellKey: Hashable {
    var itemIndex: Int
    var text: String

    func hash(into hasher: inout Hasher) {
      hasher.combine(itemIndex)
      var text = text
      text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func == (lhs: CellKey, rhs: CellKey) -> Bool {
      lhs.itemIndex == rhs.itemIndex && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }
  }

  mutating func parse(
    _ raw: String, itemIndex: Int, item: Item, codebook: Codebook, at location: CellLocation
  )
    -> (value: Value, diagnostics: [Diagnostic])
  {
    let key = CellKey(itemIndex: itemIndex, text: raw)
    if let hit = entries[key] {
      return (
        hit.value,
        hit.diagnostics.map { diagnostic in
          var placed = diagnostic
          placed.line = location.line
          placed.column = location.column
          placed.file = location.file
          return placed
        }
      )
    }
    let parsed = CellParser.parse(raw, item: item, codebook: codebook, at: location)
    if entries.count < CellCache.capacity { entries[key] = parsed }
    return parsed
  }
}
