import Foundation
import SurveyCore

/// The survey kyodo reads when no --data is given: ./data when it holds a codebook, else the
/// copy of data/*.tsv embedded in kyodo when it was built (`EmbeddedData`), so that a binary
/// copied anywhere still reads it.
enum BundledData {
  /// The embedded files are written out once per run, to a private directory removed at exit,
  /// as `data/` (so diagnostics name `data/a.tsv` as they do in the repository).
  nonisolated(unsafe) private static var written: URL?
  private static let lock = NSLock()

  /// The bundled data directory.
  static func directory() throws -> URL {
    let local = URL(fileURLWithPath: "data")
    if FileManager.default.fileExists(atPath: local.appendingPathComponent("codebook.tsv").path) {
      return local
    }
    return try lock.withLock { () throws -> URL in
      if let written { return written }
      let made = try writeEmbedded()
      written = made
      return made
    }
  }

  /// The written-out copy of the embedded file a diagnostic names (`data/a.tsv`), if kyodo wrote
  /// one in this run.
  static func file(named name: String) -> URL? {
    lock.withLock {
      guard let written, name.hasPrefix("data/") else { return nil }
      let url = written.appendingPathComponent(String(name.dropFirst("data/".count)))
      return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
  }

  private static func writeEmbedded() throws -> URL {
    let base: URL
    do {
      base = try TemporaryDirectory.make(named: "kyodo-data")
    } catch {
      throw UsageError("cannot write out the bundled survey: \(error.reason); give one with --data DIR")
    }
    let directory = URL(fileURLWithPath: "data", isDirectory: true, relativeTo: base)
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
      for (name, text) in EmbeddedData.files {
        guard let bytes = Data(base64Encoded: text) else { continue }
        try bytes.write(to: directory.appendingPathComponent(name))
      }
    } catch {
      throw UsageError(
        "cannot write out the bundled survey to \(directory.path): \(error.localizedDescription)")
    }
    return directory
  }
}
