import Foundation

/// Where text goes: data to standard output, diagnostics to standard error.
struct Output: Sendable {
  var standardOutput: @Sendable (String) -> Void
  var standardError: @Sendable (String) -> Void

  static let terminal = Output(
    standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
    standardError: { FileHandle.standardError.write(Data($0.utf8)) })
}
