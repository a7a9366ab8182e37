import Foundation

extension Checker {
  /// Checks an export other than the overall form in one counting pass of the engine (both cores,
  /// the parts handed over in file order), its checks made on each part (`PartChecks`) and
  /// gathered at each part's turn (`CheckCollector`); the header's glyph errors are read first,
  /// and the first uses of identifiers used again after the pass. Nil when the export is to be
  /// checked a row at a time instead: the overall form (its rows are kept), a form whose
  /// identifiers, years or amounts are filled down, or an export the pass could not read to its
  /// end (whose first error a row-by-row check reports as it always has). `partBytes` sets the
  /// size of the parts (and of the smallest), for tests.
  static func checkStreamed(
    _ input: ExportInput, form: Form, codebook: Codebook, referenceYear: Int, limit: Int,
    organization: Organization?, partBytes: Int? = nil
  ) -> FileCheck? {
    let filledDown: Set<ItemKind> = [.identifier, .year, .amount]
    guard !form.isRoster, !form.items.contains(where: { $0.fillsDown && filledDown.contains($0.kind) }) else {
      return nil
    }
    let file = input.file
    let open: @Sendable () -> (FormReader, FileChunks)? = {
      guard let chunks = try? input.chunks() else { return nil }
      let reader = FormReader(
        form, reader: TSVReader(source: chunks, file: file), file: file, codebook: codebook, limit: limit,
        checkingUTF8Of: chunks)
      return (reader, chunks)
    }
    guard let (rowReader, chunks) = open(), rowReader.hasHeader, !rowReader.failed,
      let headerGlyphs = headerGlyphs(input, form: form, columns: rowReader.columns)
    else { return nil }
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
    guard let log = collector.log, !collector.failed else { return nil }
    var firstLines: [[IdentifierKey: Int]] = []
    if !collector.duplicates.isEmpty {
      guard let chunks = try? input.chunks() else { return nil }
      var reader = TSVReader(source: chunks, file: file)
      guard (try? reader.next()) != nil else { return nil }
      firstLines = collector.firstLines(&reader, headerCount: rowReader.headerCount)
    }
    let noRows = form.noRowsWarning(file: file, rowsRead: collector.rowsRead)
    let lists = [
      log, noRows, collector.duplicateErrors(firstLines: firstLines), collector.implausibleYears,
      collector.withheldAmounts, collector.glyphs, collector.unlistedUnits,
    ]
    return fileCheck(
      file: file, form: form, rows: collector.rowsRead, lists: lists, limit: limit,
      omittedErrors: collector.omittedDuplicates)
  }

  /// The glyph errors of an export's header (nil when it cannot be read again).
  private static func headerGlyphs(_ input: ExportInput, form: Form, columns: [Int?]) -> [Diagnostic]? {
    guard let chunks = try? input.chunks() else { return nil }
    var reader = TSVReader(source: chunks, file: input.file)
    guard let header = try? reader.next() else { return nil }
    let itemOfColumn = form.itemsByColumn(columns)
    return header.fields.enumerated().flatMap { column, field in
      FormChecks.glyphErrors(
        in: field, file: input.file, line: header.line, column: column + 1, item: itemOfColumn[column])
    }
  }
}
