/// kyodo's exit statuses, documented in the README. A struct, not an enum, because `kyodo check`
/// gives 1 and 2 other meanings than `kyodo tabulate` does.
struct ExitStatus: RawRepresentable, Equatable, Sendable {
  var rawValue: Int32

  /// The run did what was asked (warnings may have been printed).
  static let success = ExitStatus(rawValue: 0)
  /// An input could not be read or holds errors: nothing was tabulated.
  static let dataError = ExitStatus(rawValue: 1)
  /// The command line was wrong: unknown subcommand, option or item.
  static let usageError = ExitStatus(rawValue: 2)
  /// `kyodo check`: the data holds warnings but no errors.
  static let checkWarnings = ExitStatus(rawValue: 1)
  /// `kyodo check`: the data holds errors.
  static let checkErrors = ExitStatus(rawValue: 2)
  /// `kyodo check`: the command line was wrong (EX_USAGE of sysexits.h), distinct from 0, 1 and 2.
  static let checkUsageError = ExitStatus(rawValue: 64)
  /// Every subcommand: the output could not be written, to a full disk or a closed pipe, say
  /// (EX_IOERR of sysexits.h).
  static let outputError = ExitStatus(rawValue: 74)
}
