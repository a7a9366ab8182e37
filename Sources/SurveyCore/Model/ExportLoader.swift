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
    let file = chunks.file
    var reader = FormReader(
      form, reader: TSVReader(source: chunks, file: file), file: file, codebook: codebook,
      limit: DiagnosticLog.defaultLimit, warningLimit: warningsKept, checkingUTF8Of: chunks)
    var rows: [Row] = []
    while let row = reader.next() { rows.append(row) }
    var log = DiagnosticLog()
    log.append(contentsOf: reader.log.diagnostics)
    if let note = reader.log.omissionNote(file: file) { log.append(note) }
    try log.throwIfErrors()
    return (FormData(form: form, file: file, encoding: chunks.encoding, rows: rows), log.diagnostics)
  }

  /// For each item of the form, the column that holds it; a missing or doubled column is logged
  /// and the rows are still read, so that their problems are reported too.
  static func mapColumns(_ header: TSVRecord, form: Form, file: String, log: inout DiagnosticLog)
    -> [Int?]
  {
    var columns = [Int?](repeating: nil, count: form.items.count)
    func match(_ name: String) -> Int? {
      let key = TextNormalization.matchKey(name)
      return form.items.firstIndex { item in
        [item.header, item.id, item.number + item.title].contains { TextNormalization.matchKey($0) == key }
      }
    }
    // A header of which no cell names an item is not this form's, whichever way its cells are
    // separated: one error says so, instead of one per item.
    let commaCells = header.fields.joined(separator: "\t").split(
      separator: ",", omittingEmptySubsequences: false)
    if !form.items.isEmpty, !header.fields.contains(where: { match($0) != nil }),
      !commaCells.contains(where: { match(String($0)) != nil })
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
      return columns
    }
    for (column, name) in header.fields.enumerated() {
      let match = match(name)
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
