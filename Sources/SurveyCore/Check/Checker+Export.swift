import Foundation

extension Checker {
  /// Checks one export in one counting pass of the engine (both cores, the parts handed over in
  /// file order), its checks made on each part (`PartChecks`) and gathered at each part's turn
  /// (`CheckCollector`); the header's glyph errors are read first, and the first uses of
  /// identifiers used again after the pass. With `organization`, a row whose unit it does not
  /// list is a warning. A filled-down cell is judged once, on the row where it is written: a
  /// project number, start year or amount the rows below inherit is not theirs to report again.
  ///
  /// An export that cannot be opened, or whose bytes are text of no supported encoding anywhere
  /// (it is read through for that only when the pass or its header stopped at an error), gives
  /// that error alone and no rows; one whose header cannot be read, that error. Returns too whether
  /// the export was read with a header as text (the rows of an overall form then give units).
  /// `partBytes` sets the size of the parts (and of the smallest), for tests.
  static func checkExport(
    _ input: ExportInput, form: Form, codebook: Codebook, referenceYear: Int, limit: Int,
    organization: Organization?, partBytes: Int? = nil
  ) -> (check: FileCheck, readable: Bool) {
    let file = input.file
    let reader: @Sendable (FileChunks) -> FormReader = { chunks in
      FormReader(
        form, reader: TSVReader(source: chunks, file: file), file: file, codebook: codebook, limit: limit,
        checkingUTF8Of: chunks)
    }
    let open: @Sendable () -> (FormReader, FileChunks)? = { (try? input.chunks()).map { (reader($0), $0) } }
    let rowReader: FormReader
    let chunks: FileChunks
    let headerGlyphs: [Diagnostic]
    do throws(SurveyError) {
      chunks = try input.chunks()
      rowReader = reader(chunks)
      guard rowReader.hasHeader, !rowReader.failed else {
        try readThrough(input)
        let check = fileCheck(
          file: file, form: form, rows: rowReader.rowsRead, lists: [rowReader.log], limit: limit)
        return (check, false)
      }
      headerGlyphs = try self.headerGlyphs(input, form: form, columns: rowReader.columns)
    } catch {
      return (unreadable(error, form: form), false)
    }
    var stream = RowStream(open: open, place: { $0 }, unitWarning: nil, url: input.url, units: nil)
    if let partBytes {
      stream.partBytes = partBytes
      stream.minimumPartBytes = partBytes
    }
    let collector = CheckCollector(
      form: form, file: file, columns: rowReader.columns, referenceYear: referenceYear, codebook: codebook,
      organization: organization, limit: limit, headerGlyphs: headerGlyphs)
    CountingPass(stream, form: form, consumers: [], rowReader: rowReader, chunks: chunks, checks: collector)
      .run()
    do throws(SurveyError) {
      if collector.failed { try readThrough(input) }
      return (try settle(collector, input: input, headerCount: rowReader.headerCount), true)
    } catch {
      return (unreadable(error, form: form), false)
    }
  }

  /// What the pass found, with the line where each identifier used again was first used (read
  /// from the export again, when there is one).
  private static func settle(_ collector: CheckCollector, input: ExportInput, headerCount: Int)
    throws(SurveyError) -> FileCheck
  {
    let file = collector.file
    var firstLines: [[IdentifierKey: Int]] = []
    if !collector.duplicates.isEmpty {
      var reader = TSVReader(source: try input.chunks(), file: file)
      _ = try reader.next()
      firstLines = collector.firstLines(&reader, headerCount: headerCount)
    }
    let noRows = collector.form.noRowsWarning(file: file, rowsRead: collector.rowsRead)
    let lists = [
      collector.log ?? DiagnosticLog(limit: collector.limit), noRows,
      collector.duplicateErrors(firstLines: firstLines), collector.implausibleYears,
      collector.withheldAmounts, collector.glyphs, collector.unlistedUnits,
    ]
    return fileCheck(
      file: file, form: collector.form, rows: collector.rowsRead, lists: lists, limit: collector.limit,
      omittedErrors: collector.omittedDuplicates)
  }

  /// Reads an export through once; throws when its bytes are not text of a supported encoding.
  static func readThrough(_ input: ExportInput) throws(SurveyError) {
    let chunks = try input.chunks()
    while try chunks.nextChunk() != nil {}
  }

  /// The glyph errors of an export's header, read again.
  private static func headerGlyphs(_ input: ExportInput, form: Form, columns: [Int?]) throws(SurveyError)
    -> [Diagnostic]
  {
    var reader = TSVReader(source: try input.chunks(), file: input.file)
    guard let header = try reader.next() else { return [] }
    let itemOfColumn = form.itemsByColumn(columns)
    return header.fields.enumerated().flatMap { column, field in
      CheckDiagnostics.glyphErrors(
        in: field, file: input.file, line: header.line, column: column + 1, item: itemOfColumn[column])
    }
  }
}
