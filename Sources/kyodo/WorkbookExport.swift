import Foundation
import SurveyCore

/// A workbook's sheet given to `--file` (`調査.xlsx`, its first sheet, or `調査.xlsx:Ａ調査票`),
/// written out as TSV to a temporary file and read under the name `調査.xlsx:Ａ調査票`; the
/// places of its records are kept so that diagnostics name the sheet's cells (`!J6`).
enum WorkbookExport {
  nonisolated(unsafe) private static var places: [SheetPlaces] = []
  private static let lock = NSLock()

  /// The export in the sheet named after the last `:` of `spec` when the part before it is a
  /// workbook, else in the workbook's first sheet; nil when `spec` names no workbook.
  static func source(_ spec: String) throws -> ExportSource? {
    let path: String
    var sheet: String?
    if isWorkbook(spec) {
      path = spec
    } else if let colon = spec.lastIndex(of: ":"), isWorkbook(String(spec[..<colon])) {
      path = String(spec[..<colon])
      sheet = String(spec[spec.index(after: colon)...])
    } else {
      return nil
    }
    let book = try Workbook(
      url: URL(fileURLWithPath: path), file: path, spillDirectory: try spillDirectory(for: path))
    let chosen = try book.sheet(named: sheet)
    return try spool(book.rows(of: chosen), name: "\(path):\(chosen.name)")
  }

  /// Every form's export from the workbook at `path` (`--workbook`): the sheet named as the form,
  /// by its title (Ａ調査票), its id (a) or its file's name without extension, in any width.
  static func sources(_ path: String, forms: [Form]) throws -> [String: ExportSource] {
    guard isWorkbook(path) else {
      throw SurveyError(
        Diagnostic(.error, file: path, found: "no Excel workbook", expected: "an .xlsx file for --workbook"))
    }
    let book = try Workbook(
      url: URL(fileURLWithPath: path), file: path, spillDirectory: try spillDirectory(for: path))
    var sources: [String: ExportSource] = [:]
    for form in forms {
      let names = [form.title, form.id, (form.file as NSString).deletingPathExtension].map(
        TextNormalization.matchKey)
      guard let sheet = book.sheets.first(where: { names.contains(TextNormalization.matchKey($0.name)) })
      else {
        throw SurveyError(
          Diagnostic(
            .error, file: path, found: "no sheet for \(form.title) (\(form.id))",
            expected:
              "a sheet named \(form.title), one of its sheets being \(book.sheets.map(\.name).joined(separator: ", "))"
          ))
      }
      sources[form.id] = try spool(book.rows(of: sheet), name: "\(path):\(sheet.name)")
    }
    return sources
  }

  /// A diagnostic with a workbook's place instead of its copy's line and field.
  static func placed(_ diagnostic: Diagnostic) -> Diagnostic {
    lock.withLock { places.first { $0.file == diagnostic.file }?.placed(diagnostic) ?? diagnostic }
  }

  /// A private temporary directory for the shared strings the workbook at `path` does not keep
  /// in memory.
  private static func spillDirectory(for path: String) throws -> URL {
    do {
      return try TemporaryDirectory.make(named: "kyodo-strings")
    } catch {
      throw UsageError("cannot make a temporary directory for the shared strings of \(path): \(error.reason)")
    }
  }

  /// Whether `path` is a regular file that starts as a workbook does. Only a regular file is
  /// opened: opening a named pipe would wait for a writer.
  private static func isWorkbook(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: path)
    else { return false }
    defer { try? handle.close() }
    guard let head = try? handle.read(upToCount: 256) else { return false }
    return ExportKind(head: [UInt8](head)) == .workbook
  }

  /// Writes the rows as TSV (`SheetSpool`). The sheet's merged ranges are known only after its
  /// last row: when it has any, the copy is written again with them filled (`merged`), so that
  /// the sheet is inflated and parsed once.
  private static func spool(_ rows: SheetReader, name: String) throws -> ExportSource {
    let (copy, output) = try TemporaryDirectory.copyFile(named: "kyodo-xlsx", file: "sheet.tsv", for: name)
    var spool = SheetSpool(descriptor: output, path: copy.path, file: name)
    // The rows the sheet has, a bit each: a row it leaves out is an empty line of the copy, which
    // no merged range fills.
    var present: [UInt64] = []
    do {
      defer { close(output) }
      while let row = try rows.next() {
        let word = row.number >> 6
        if present.count <= word { present += repeatElement(0, count: word + 1 - present.count) }
        present[word] |= 1 << UInt64(row.number & 63)
        try spool.write(row)
      }
      try spool.finish()
    }
    guard !rows.merges.isEmpty else {
      lock.withLock { places.append(spool.places) }
      return ExportSource(copy: copy, file: name)
    }
    defer { try? FileManager.default.removeItem(at: copy) }
    let width = spool.width
    return try merged(
      copy, places: spool.takePlaces(), width: width, present: present, merges: rows.merges, name: name)
  }

  /// The copy written again with the merged ranges filled: its rows up to the last that a range
  /// covers are read back and written anew, the rest copied as they are (the ranges of an
  /// office's sheet usually cover a few rows at its top).
  private static func merged(
    _ copy: URL, places copyPlaces: consuming SheetPlaces, width: Int?, present: [UInt64],
    merges: [MergedRange], name: String
  ) throws -> ExportSource {
    let (merged, output) = try TemporaryDirectory.copyFile(named: "kyodo-xlsx", file: "sheet.tsv", for: name)
    defer { close(output) }
    var records = try SpooledRecords(url: copy)
    defer { records.close() }
    var filled = SheetSpool(descriptor: output, path: merged.path, file: name)
    var fill = MergeFill(merges)
    let lastRow = fill.lastRow
    var number = 0
    while number < lastRow, let cells = try records.next() {
      number += 1
      guard number >> 6 < present.count, present[number >> 6] & (1 << UInt64(number & 63)) != 0 else {
        continue
      }
      var row = SheetRow(number: number, cells: cells)
      fill.fill(&row)
      try filled.write(row)
    }
    filled.skip(to: number + 1)
    var places = copyPlaces
    // The rest is as it was unless filling widened the header, which every row is padded to.
    if filled.width == width {
      try filled.finish()
      let line = places.line(ofRow: number + 1)
      try records.copyRest(to: output, destination: merged.path)
      places.rewrite(before: line, as: filled.places, movedBy: filled.line - line)
    } else {
      while let cells = try records.next() {
        number += 1
        guard number >> 6 < present.count, present[number >> 6] & (1 << UInt64(number & 63)) != 0 else {
          continue
        }
        try filled.write(SheetRow(number: number, cells: cells))
      }
      try filled.finish()
      places = filled.places
    }
    lock.withLock { Self.places.append(places) }
    return ExportSource(copy: merged, file: name)
  }
}
