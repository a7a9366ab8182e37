/// What `kyodo check` found in one file: how many rows it read and every problem, in file order.
public struct FileCheck: Sendable, Equatable {
  /// The file as the user named it.
  public var file: String
  /// The form the file is the export of, or nil for the codebook.
  public var formID: String?
  /// The records after the header (ragged ones included); 0 when the file could not be read.
  public var rows: Int
  public var diagnostics: [Diagnostic]

  public init(file: String, formID: String?, rows: Int, diagnostics: [Diagnostic]) {
    self.file = file
    self.formID = formID
    self.rows = rows
    self.diagnostics = diagnostics
  }

  public var errors: Int { diagnostics.count { $0.severity == .error } }
  public var warnings: Int { diagnostics.count { $0.severity == .warning } }
}

/// Everything `kyodo check` found, file by file, in the codebook's form order.
public struct CheckReport: Sendable, Equatable {
  public var files: [FileCheck]

  public init(files: [FileCheck]) {
    self.files = files
  }

  public var diagnostics: [Diagnostic] { files.flatMap(\.diagnostics) }
  public var errors: Int { files.reduce(0) { $0 + $1.errors } }
  public var warnings: Int { files.reduce(0) { $0 + $1.warnings } }

  /// The most serious problem found, or nil when the data is clean.
  public var worst: Diagnostic.Severity? {
    diagnostics.map(\.severity).max()
  }
}
