import Foundation

/// Where an export comes from: a file, read a chunk at a time on each pass, or bytes given whole
/// (a test's, or a program's that uses the library). Both are read the same way.
enum ExportInput: Sendable {
  case file(URL)
  case bytes(ExportSource)

  /// The name diagnostics give the export.
  var file: String {
    switch self {
    case .file(let url): url.relativePath
    case .bytes(let source): source.file
    }
  }

  /// Its file, which a counting pass may read in parts; nil for bytes in memory (one part).
  var url: URL? {
    switch self {
    case .file(let url): url
    case .bytes(let source): source.copy
    }
  }

  /// The export's bytes, a chunk at a time, from its start; a file kyodo cannot read is an error
  /// that says why (`Survey.checkReadable`).
  func chunks() throws(SurveyError) -> FileChunks {
    switch self {
    case .file(let url):
      try Survey.checkReadable(url)
      return try FileChunks(url: url, file: file)
    case .bytes(let source):
      guard let copy = source.copy else { return FileChunks(bytes: source.bytes, file: file) }
      return try FileChunks(url: copy, file: file)
    }
  }
}
