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
    errors > 0 ? .error : warnings > 0 ? .warning : nil
  }
}
