import Foundation

/// An export given other than by its path: its bytes (a test's, a program's), or a copy of it in
/// another file (CSV turned into TSV), read a chunk at a time and named by `file` in diagnostics.
public struct ExportSource: Sendable {
  public var bytes: [UInt8]
  public var file: String
  /// The file holding the export's text, read instead of `bytes` when set.
  public var copy: URL?

  public init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  /// An export whose text is in the file at `copy`, named `file` in diagnostics.
  public init(copy: URL, file: String) {
    self.bytes = []
    self.file = file
    self.copy = copy
  }
}
