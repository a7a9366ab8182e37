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

/// What reading one export produced: the rows that could be read and every problem met.
public struct ExportReading: Sendable {
  /// The typed rows, or nil when not even a header could be read.
  public var data: FormData?
  /// The records after the header, ragged ones included.
  public var rowsRead: Int
  /// For each item of the form, the column (0-based) that holds it.
  public var columns: [Int?]
  /// Every error and warning, in the order met (up to the limit `read` was given).
  public var diagnostics: [Diagnostic]
  /// Problems met beyond the limit: counted, not kept.
  public var omittedErrors = 0
  public var omittedWarnings = 0

  /// The problems not kept, as one diagnostic for the end of a list, or nil when none were dropped.
  public func omissionNote(file: String) -> Diagnostic? {
    let omitted = omittedErrors + omittedWarnings
    guard omitted > 0 else { return nil }
    return Diagnostic(
      omittedErrors > 0 ? .error : .warning, file: file,
      found: "\(omitted) more problems not listed (\(omittedErrors) errors, \(omittedWarnings) warnings)",
      expected: "at most \(diagnostics.count) problems per file; fix the listed ones first")
  }
}

/// Reads an export's bytes into typed rows: detects the encoding, maps the header to items, fills
/// merged hierarchy cells down and parses every cell.
public enum ExportLoader {
  /// The form's rows and the warnings met; throws every error found, not just the first.
  public static func load(
    _ form: Form, utf8 bytes: [UInt8], encoding: TextEncoding, file: String, codebook: Codebook
  ) throws(SurveyError) -> (data: FormData, warnings: [Diagnostic]) {
    let reading = read(
      form, utf8: bytes, encoding: encoding, file: file, codebook: codebook, limit: DiagnosticLog.defaultLimit
    )
    var log = DiagnosticLog()
    log.append(contentsOf: reading.diagnostics)
    if let note = reading.omissionNote(file: file) { log.append(note) }
    try log.throwIfErrors()
    guard let data = reading.data else { throw SurveyError(log.diagnostics) }
    return (data, log.diagnostics)
  }

  /// Reads as far as the bytes allow and never throws: errors are returned with the rows, so that
  /// `kyodo check` can report them all. A quote that is never closed ends the reading there.
  /// With `limit`, at most that many diagnostics are kept; the rest are counted.
  public static func read(
    _ form: Form, utf8 bytes: [UInt8], encoding: TextEncoding, file: String, codebook: Codebook,
    limit: Int? = nil
  ) -> ExportReading {
    var log = DiagnosticLog(limit: limit)
    var reader = TSVReader(utf8: bytes, file: file)
    let noColumns = [Int?](repeating: nil, count: form.items.count)
    let header: TSVRecord
    do throws(SurveyError) {
      guard let first = try reader.next() else {
        log.append(
          Diagnostic(
            .error, file: file, line: 1, found: "an empty file",
            expected: "a header row naming the items of \(form.title)"))
        return ExportReading(data: nil, rowsRead: 0, columns: noColumns, diagnostics: log.diagnostics)
      }
      header = first
    } catch {
      log.append(contentsOf: error.diagnostics)
      return ExportReading(data: nil, rowsRead: 0, columns: noColumns, diagnostics: log.diagnostics)
    }
    let columns = mapColumns(header, form: form, file: file, log: &log)
    var rows: [Row] = []
    var rowsRead = 0
    var inherited = [String?](repeating: nil, count: form.items.count)
    while true {
      let next: TSVRecord?
      do throws(SurveyError) {
        next = try reader.next()
      } catch {
        log.append(contentsOf: error.diagnostics)
        break
      }
      guard let record = next else { break }
      rowsRead += 1
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
        let location = CellLocation(file: file, line: record.line, column: column + 1, item: item.displayName)
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
        let (value, diagnostics) = CellParser.parse(raw, item: item, codebook: codebook, at: location)
        values[itemIndex] = value
        log.append(contentsOf: diagnostics)
      }
      rows.append(Row(line: record.line, values: values))
    }
    return ExportReading(
      data: FormData(form: form, file: file, encoding: encoding, rows: rows), rowsRead: rowsRead,
      columns: columns, diagnostics: log.diagnostics, omittedErrors: log.omittedErrors,
      omittedWarnings: log.omittedWarnings)
  }

  /// For each item of the form, the column that holds it; a missing or doubled column is logged
  /// and the rows are still read, so that their problems are reported too.
  private static func mapColumns(_ header: TSVRecord, form: Form, file: String, log: inout DiagnosticLog)
    -> [Int?]
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
    return columns
  }
}
