/// Where text goes: data to standard output, diagnostics to standard error. A write that fails
/// throws, and the run ends with `ExitStatus.outputError`.
struct Output: Sendable {
  var standardOutput: @Sendable (String) throws(WriteError) -> Void
  var standardError: @Sendable (String) throws(WriteError) -> Void

  static let terminal = Output(
    standardOutput: { text throws(WriteError) in try DescriptorWriter.standardOutput.write(text) },
    standardError: { text throws(WriteError) in try DescriptorWriter.standardError.write(text) })
}
