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
    let book = try Workbook(url: URL(fileURLWithPath: path), file: path)
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
    let book = try Workbook(url: URL(fileURLWithPath: path), file: path)
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

  /// Writes the rows as TSV, a row per sheet row (an empty line for a row the sheet leaves out),
  /// each as wide as the first (the header), cells holding a tab, a line break or a leading quote
  /// quoted as Excel quotes them.
  private static func spool(_ rows: SheetReader, name: String) throws -> ExportSource {
    let (copy, output) = try TemporaryDirectory.copyFile(named: "kyodo-xlsx", file: "sheet.tsv", for: name)
    defer { close(output) }
    let writer = DescriptorWriter(descriptor: output, destination: copy.path)
    var sheetPlaces = SheetPlaces(file: name)
    var line = 1
    var nextRow = 1
    var buffer: [UInt8] = []
    var width: Int?
    while let row = try rows.next() {
      while nextRow < row.number {
        buffer.append(0x0A)
        line += 1
        nextRow += 1
      }
      sheetPlaces.record(line: line, row: row.number)
      // A sheet leaves out a row's empty cells at its end; the header's row says how many there are.
      if width == nil { width = row.cells.count }
      for (index, cell) in row.cells.enumerated() {
        if index > 0 { buffer.append(0x09) }
        line += append(cell, to: &buffer)
      }
      if let width, row.cells.count < width, !row.cells.isEmpty {
        buffer += repeatElement(0x09, count: width - row.cells.count)
      }
      buffer.append(0x0A)
      line += 1
      nextRow = row.number + 1
      if buffer.count >= 1 << 20 {
        try writer.write(buffer[...])
        buffer.removeAll(keepingCapacity: true)
      }
    }
    try writer.write(buffer[...])
    lock.withLock { places.append(sheetPlaces) }
    return ExportSource(copy: copy, file: name)
  }

  /// Appends a cell as a TSV field; returns the line breaks it holds.
  private static func append(_ cell: [UInt8], to buffer: inout [UInt8]) -> Int {
    let needsQuotes =
      cell.first == UInt8(ascii: "\"") || cell.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else {
      buffer += cell
      return 0
    }
    var breaks = 0
    buffer.append(UInt8(ascii: "\""))
    for (index, byte) in cell.enumerated() {
      buffer.append(byte)
      if byte == UInt8(ascii: "\"") { buffer.append(byte) }
      if byte == 0x0A || (byte == 0x0D && (index + 1 == cell.count || cell[index + 1] != 0x0A)) {
        breaks += 1
      }
    }
    buffer.append(UInt8(ascii: "\""))
    return breaks
  }
}
