/// Reads an export into rows kept in memory (the roster's): the one reader, `FormReader`, over its
/// chunks, every problem collected.
public enum ExportLoader {
  /// The form's rows and the warnings met; throws every error found, not just the first.
  /// With `warningsKept`, at most that many warnings are listed; the rest are counted in the
  /// note that ends the list.
  public static func load(
    _ form: Form, utf8 bytes: [UInt8], encoding: TextEncoding, file: String, codebook: Codebook,
    warningsKept: Int? = nil
  ) throws(SurveyError) -> (data: FormData, warnings: [Diagnostic]) {
    let (data, warnings) = try load(
      form, from: FileChunks(bytes: bytes, file: file), codebook: codebook, warningsKept: warningsKept)
    return (FormData(form: form, file: file, encoding: encoding, rows: data.rows), warnings)
  }

  /// The form's rows read from its export a chunk at a time, as every export is read, and the
  /// warnings met; throws every error found.
  static func load(_ form: Form, from chunks: FileChunks, codebook: Codebook, warningsKept: Int? = nil)
    throws(SurveyError) -> (data: FormData, warnings: [Diagnostic])
  {
    let (data, read) = self.read(form, from: chunks, codebook: codebook, warningsKept: warningsKept)
    var log = DiagnosticLog()
    log.append(contentsOf: read.diagnostics)
    if let note = read.omissionNote(file: data.file) { log.append(note) }
    try log.throwIfErrors()
    return (data, log.diagnostics)
  }

  /// The form's rows read from its export, whatever problems they hold (up to where the file
  /// itself stops the reading), and the log of those problems. `kyodo check` places units so,
  /// having reported the problems on its own pass.
  static func read(_ form: Form, from chunks: FileChunks, codebook: Codebook, warningsKept: Int? = nil)
    -> (data: FormData, log: DiagnosticLog)
  {
    let file = chunks.file
    var reader = FormReader(
      form, reader: TSVReader(source: chunks, file: file), file: file, codebook: codebook,
      limit: DiagnosticLog.defaultLimit, warningLimit: warningsKept, checkingUTF8Of: chunks)
    var rows: [Row] = []
    while let row = reader.next() { rows.append(row) }
    return (FormData(form: form, file: file, encoding: chunks.encoding, rows: rows), reader.log)
  }

  /// For each item of the form, the column that holds it, and for each item spread over one column
  /// per option (by its index), the columns of its options; a missing or doubled column is logged
  /// and the rows are still read, so that their problems are reported too.
  static func mapColumns(_ header: TSVRecord, form: Form, file: String, log: inout DiagnosticLog)
    -> (items: [Int?], options: [Int: OptionColumns])
  {
    var columns = [Int?](repeating: nil, count: form.items.count)
    var optionColumns: [Int: [Int?]] = [:]
    for (index, item) in form.items.enumerated() where item.hasOptionColumns {
      optionColumns[index] = [Int?](repeating: nil, count: item.options.count)
    }
    // A header of which no cell names an item is not this form's, whichever way its cells are
    // separated: one error says so, instead of one per item.
    let commaCells = header.fields.joined(separator: "\t").split(
      separator: ",", omittingEmptySubsequences: false)
    let names = { (name: String) in item(named: name, in: form) != nil || option(named: name, in: form) != nil
    }
    if !form.items.isEmpty, !header.fields.contains(where: names),
      !commaCells.contains(where: { names(String($0)) })
    {
      // A CSV file is read from a copy with tabs for its commas: its own cells are counted.
      let cells =
        ExportKind.csvHeaderCells(atPath: file) ?? (tabs: header.fields.count, commas: commaCells.count)
      log.append(
        Diagnostic(
          .error, file: file, line: header.line,
          found:
            "a header naming none of the \(form.title) items, read as tab-separated (\(cells.tabs) cells) "
            + "or comma-separated (\(cells.commas) cells)",
          expected: "the header row of the \(form.title) export, such as '\(form.items[0].header)'"))
      return (columns, [:])
    }
    for (column, name) in header.fields.enumerated() {
      if let match = item(named: name, in: form) {
        if columns[match] != nil {
          log.append(
            Diagnostic(
              .error, file: file, line: header.line, column: column + 1, item: form.items[match].displayName,
              found: "a second column for this item", expected: "each item once"))
        }
        columns[match] = column
      } else if let (item, option) = option(named: name, in: form) {
        if optionColumns[item]?[option] != nil {
          log.append(
            Diagnostic(
              .error, file: file, line: header.line, column: column + 1, item: form.items[item].displayName,
              found: "a second column for option \(form.items[item].options[option].display)",
              expected: "each option's column once"))
        }
        optionColumns[item]?[option] = column
      } else {
        log.append(
          Diagnostic(
            .warning, file: file, line: header.line, column: column + 1,
            found: "a column '\(name)' that the codebook does not describe; it is ignored",
            expected: "one of the \(form.title) items"))
      }
    }
    logMissing(columns, optionColumns, header: header, form: form, file: file, log: &log)
    return (
      columns,
      Dictionary(
        uniqueKeysWithValues: optionColumns.map { ($0, OptionColumns(item: form.items[$0], columns: $1)) })
    )
  }

  /// The item a header cell names (by its header, its id, or its number and title), but for an
  /// item spread over option columns, which has no column of its own.
  private static func item(named name: String, in form: Form) -> Int? {
    let key = TextNormalization.matchKey(name)
    return form.items.firstIndex { item in
      !item.hasOptionColumns
        && [item.header, item.id, item.number + item.title].contains { TextNormalization.matchKey($0) == key }
    }
  }

  /// The item spread over option columns and the option whose column a header cell names.
  private static func option(named name: String, in form: Form) -> (item: Int, option: Int)? {
    let key = TextNormalization.matchKey(name)
    for (index, item) in form.items.enumerated() where item.hasOptionColumns {
      if let option = item.options.firstIndex(where: { TextNormalization.matchKey($0.column) == key }) {
        return (index, option)
      }
    }
    return nil
  }

  /// Logs each item without its column, and each option of an item spread over option columns
  /// without its own.
  private static func logMissing(
    _ columns: [Int?], _ optionColumns: [Int: [Int?]], header: TSVRecord, form: Form, file: String,
    log: inout DiagnosticLog
  ) {
    for (index, item) in form.items.enumerated() where columns[index] == nil {
      guard let options = optionColumns[index] else {
        log.append(
          Diagnostic(
            .error, file: file, line: header.line, item: item.displayName,
            found: "no column for this item", expected: "a header cell '\(item.header)'"))
        continue
      }
      for (option, column) in zip(item.options, options) where column == nil {
        log.append(
          Diagnostic(
            .error, file: file, line: header.line, item: item.displayName,
            found: "no column for option \(option.display)", expected: "a header cell '\(option.column)'"))
      }
    }
  }
}
