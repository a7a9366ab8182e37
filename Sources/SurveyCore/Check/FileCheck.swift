/// What `kyodo check` found in one file: how many rows it read and every problem, in file order.
public struct FileCheck: Sendable, Equatable {
  /// The file as the user named it.
  public var file: String
  /// The form the file is the export of, or nil for the codebook.
  public var formID: String?
  /// The records after the header (ragged ones included); 0 when the file could not be read.
  public var rows: Int
  /// The problems listed, in file order (at most the checker's limit per file).
  public var diagnostics: [Diagnostic]
  /// Problems beyond the limit: counted in `errors` and `warnings`, not listed.
  public var omittedErrors: Int
  public var omittedWarnings: Int

  public init(
    file: String, formID: String?, rows: Int, diagnostics: [Diagnostic], omittedErrors: Int = 0,
    omittedWarnings: Int = 0
  ) {
    self.file = file
    self.formID = formID
    self.rows = rows
    self.diagnostics = diagnostics
    self.omittedErrors = omittedErrors
    self.omittedWarnings = omittedWarnings
  }

  public var errors: Int { diagnostics.count { $0.severity == .error } + omittedErrors }
  public var warnings: Int { diagnostics.count { $0.severity == .warning } + omittedWarnings }
  public var omitted: Int { omittedErrors + omittedWarnings }
}
