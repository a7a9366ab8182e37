import Foundation
import SurveyCore

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
}

/// The version `kyodo --version` prints.
let kyodoVersion = "0.1.0"

/// A subcommand: its name, one line for the overview, its help text and what it does.
struct Subcommand: Sendable {
  var name: String
  var abstract: String
  var help: String
  var run: @Sendable (Arguments, inout Output) throws -> ExitStatus
  /// The options that take a value, and the flags, that this subcommand accepts.
  var options: Set<String>
  var flags: Set<String>
  /// The status of a wrong command line for this subcommand.
  var usageStatus: ExitStatus = .usageError
}

let subcommands: [Subcommand] = [
  Tabulate.command, Summary.command, Check.command, Items.command, Syntax.command,
]

let overview = """
  kyodo \(kyodoVersion): tabulates the exports of a survey on citizen collaboration (市民協働に関する実態調査).

  USAGE: kyodo <subcommand> [options]

  SUBCOMMANDS:
  \(subcommands.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.abstract }.joined(separator: "\n"))

  OPTIONS:
    -h, --help    Show help; `kyodo <subcommand> --help` for a subcommand's.
    --version     Print the version.

  With no data options kyodo reads the bundled 2010 Koganei survey (data/ of the repository).
  Exit status: 0 success, 1 bad input data, 2 bad command line
  (kyodo check: 0 clean, 1 warnings only, 2 errors, 64 bad command line).
  """

/// Where text goes: data to standard output, diagnostics to standard error.
struct Output: Sendable {
  var standardOutput: @Sendable (String) -> Void
  var standardError: @Sendable (String) -> Void

  static let terminal = Output(
    standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
    standardError: { FileHandle.standardError.write(Data($0.utf8)) })
}

extension CommandLine {
  /// Runs kyodo with the arguments after the program name; the entry point and the tests share it.
  static func run(_ arguments: [String], output: Output = .terminal) -> ExitStatus {
    var output = output
    guard let first = arguments.first else {
      output.standardError(overview + "\n")
      return .usageError
    }
    switch first {
    case "-h", "--help", "help":
      if arguments.count > 1, let command = subcommands.first(where: { $0.name == arguments[1] }) {
        output.standardOutput(command.help + "\n")
      } else {
        output.standardOutput(overview + "\n")
      }
      return .success
    case "--version":
      output.standardOutput("kyodo \(kyodoVersion)\n")
      return .success
    default:
      break
    }
    guard let command = subcommands.first(where: { $0.name == first }) else {
      output.standardError(
        "kyodo: error: unknown subcommand '\(first)'; expected one of \(subcommands.map(\.name).joined(separator: ", "))\n"
      )
      return .usageError
    }
    do {
      let parsed = try Arguments(Array(arguments.dropFirst()), options: command.options, flags: command.flags)
      if parsed.flag("help") {
        output.standardOutput(command.help + "\n")
        return .success
      }
      return try command.run(parsed, &output)
    } catch let error as UsageError {
      output.standardError(
        "kyodo \(command.name): error: \(error.message)\nSee 'kyodo \(command.name) --help'.\n")
      return command.usageStatus
    } catch let error as SurveyError {
      switch error {
      case .data(let diagnostics):
        for diagnostic in diagnostics { output.standardError(diagnostic.description + "\n") }
        return .dataError
      case .usage(let problems):
        for problem in problems { output.standardError("kyodo: \(problem)\n") }
        return command.usageStatus
      }
    } catch {
      output.standardError("kyodo \(command.name): error: \(error)\n")
      return .dataError
    }
  }
}
