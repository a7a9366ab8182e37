import Foundation
import SurveyCore

/// An export `--file` names, made ready for the reader: a text export as it is; a CSV file (as
/// Excel saves it) turned into TSV in a temporary copy with the same lines and cells, read under
/// the CSV's name; a spreadsheet application's own file refused, with how to save it instead.
enum ExportFile {
  /// Where form `form`'s export at `path` is to be read from: its own path, or a converted copy.
  static func prepare(path: String) throws -> Either {
    let url = URL(fileURLWithPath: path)
    // Only a regular file is looked into: a FIFO's bytes would be gone, and the reader names
    // what else it is.
    var status = stat()
    guard stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let handle = try? FileHandle(forReadingFrom: url)
    else { return .path(url) }
    let head = (try? handle.read(upToCount: 1 << 16)).map { [UInt8]($0) } ?? []
    try? handle.close()
    switch ExportKind(head: head) {
    case .text: return .path(url)
    case .csv: return .converted(try convertCSV(url, name: path))
    // A workbook kyodo reads is taken by WorkbookExport first; one that comes here is unreadable.
    case .workbook: return .path(url)
    case .openDocument:
      throw refusal(
        path, "an OpenDocument spreadsheet (.ods)",
        "in LibreOffice Calc, 名前を付けて保存 → Excel 2007-365 (.xlsx) or テキスト CSV (.csv)")
    case .compoundFile:
      throw refusal(
        path, "an Excel 97-2003 workbook (.xls), or a workbook protected by a password",
        "in Excel, 名前を付けて保存 → Excel ブック (*.xlsx) without a password, or CSV UTF-8 (コンマ区切り) (*.csv)")
    }
  }

  /// What `prepare` gives: the export's own path, or a converted copy named as the export.
  enum Either {
    case path(URL)
    case converted(ExportSource)
  }

  private static func refusal(_ path: String, _ what: String, _ how: String) -> SurveyError {
    SurveyError(Diagnostic(.error, file: path, found: what, expected: "a file kyodo reads: \(how)"))
  }

  /// Copies the CSV file at `url` to a temporary TSV file, a megabyte at a time.
  private static func convertCSV(_ url: URL, name: String) throws -> ExportSource {
    guard let input = try? FileHandle(forReadingFrom: url) else {
      throw SurveyError(
        Diagnostic(.error, file: name, found: "a file that cannot be read", expected: "a readable file"))
    }
    defer { try? input.close() }
    let (copy, output) = try TemporaryDirectory.copyFile(named: "kyodo-csv", file: "export.tsv", for: name)
    defer { close(output) }
    let writer = DescriptorWriter(descriptor: output, destination: copy.path)
    var converter = CSVConverter()
    while true {
      let data: Data
      do {
        data = try input.read(upToCount: 1 << 20) ?? Data()
      } catch {
        throw SurveyError(Diagnostic(.error, file: name, found: "a read error", expected: "a readable file"))
      }
      let bytes = converter.convert([UInt8](data), atEnd: data.isEmpty)
      try writer.write(bytes[...])
      if data.isEmpty { break }
    }
    return ExportSource(copy: copy, file: name)
  }
}
