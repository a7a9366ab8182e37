import Foundation
import SurveyCore

/// Gives diagnostics the place a spreadsheet user looks for, where kyodo prints them: a sheet's
/// cell for an export read from a workbook (`調査.xlsx:Ａ調査票!K10`), and beside the line of a
/// text export the cell of the sheet it was saved from (`a.tsv:68:11 (K10)`).
///
/// A text export's rows are found by reading it once more, only when one of its diagnostics is
/// printed; the places are kept for the rest of the run.
enum DiagnosticPlaces {
  nonisolated(unsafe) private static var places: [String: SheetPlaces?] = [:]
  private static let lock = NSLock()

  static func placed(_ diagnostic: Diagnostic) -> Diagnostic {
    placed([diagnostic])[0]
  }

  /// The diagnostics with their places; each text export is read once, as far as the last line
  /// they name.
  static func placed(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    var lastLines: [String: Int] = [:]
    for diagnostic in diagnostics {
      guard let line = diagnostic.line else { continue }
      lastLines[diagnostic.file] = max(lastLines[diagnostic.file] ?? 0, line)
    }
    return diagnostics.map { diagnostic in
      let fromWorkbook = WorkbookExport.placed(diagnostic)
      guard fromWorkbook.file == diagnostic.file, let lastLine = lastLines[diagnostic.file] else {
        return fromWorkbook
      }
      return lock.withLock { () -> Diagnostic in
        if places[diagnostic.file] == nil {
          places[diagnostic.file] = .some(textPlaces(of: diagnostic.file, throughLine: lastLine))
        }
        guard let found = places[diagnostic.file], let found else { return diagnostic }
        return found.annotated(diagnostic)
      }
    }
  }

  /// The rows of the text export named `file` (a path from this folder, or one of the embedded
  /// survey's files), or nil when it is no regular file that can be read.
  private static func textPlaces(of file: String, throughLine lastLine: Int) -> SheetPlaces? {
    guard let url = BundledData.file(named: file) ?? regularFile(file) else { return nil }
    var status = stat()
    guard stat(url.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
      let handle = FileHandle(forReadingAtPath: url.path)
    else { return nil }
    let head = (try? handle.read(upToCount: 1 << 16)).map { [UInt8]($0) } ?? []
    try? handle.close()
    let kind = ExportKind(head: head)
    guard kind == .text || kind == .csv, let chunks = try? FileChunks(url: url, file: file) else {
      return nil
    }
    return try? SheetPlaces.ofRecords(
      in: chunks, separator: kind == .csv ? UInt8(ascii: ",") : 0x09, throughLine: lastLine)
  }

  private static func regularFile(_ path: String) -> URL? {
    FileManager.default.fileExists(atPath: path) ? URL(fileURLWithPath: path) : nil
  }
}
