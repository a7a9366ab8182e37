import Foundation
import SurveyCore

extension CommandLine {
  /// The version `kyodo --version` prints.
  static let kyodoVersion = "0.1.0"

  /// What `kyodo --help` prints.
  static let overview = """
    kyodo \(kyodoVersion): tabulates the exports of a survey on citizen collaboration (市民協働に関する実態調査).

    USAGE: kyodo <subcommand> [options]

    SUBCOMMANDS:
    \(Subcommand.all.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.abstract }.joined(separator: "\n"))

    OPTIONS:
      -h, --help    Show help; `kyodo <subcommand> --help` for a subcommand's.
      --version     Print the version.

    With no data options kyodo reads the bundled 2010 Koganei survey (data/ of the repository).
    Exit status: 0 success, 1 bad input data, 2 bad command line
    (kyodo check: 0 clean, 1 warnings only, 2 errors, 64 bad command line);
    74 from every subcommand when its output cannot be written (a full disk, a closed pipe).
    """

  /// Runs kyodo with the arguments after the program name; the entry point and the tests share it.
  /// Output that cannot be written ends the run with `ExitStatus.outputError`, and one line on
  /// standard error when that is not what failed.
  static func run(_ arguments: [String], output: Output = .terminal) -> ExitStatus {
    var output = output
    do {
      return try dispatch(arguments, output: &output)
    } catch {
      if error.destination != DescriptorWriter.standardError.destination {
        try? output.standardError("kyodo: error: \(error)\n")
      }
      return .outputError
    }
  }

  private static func dispatch(_ arguments: [String], output: inout Output) throws(WriteError) -> ExitStatus {
    guard let first = arguments.first else {
      try output.standardError(overview + "\n")
      return .usageError
    }
    switch first {
    case "-h", "--help", "help":
      if arguments.count > 1, let command = Subcommand.all.first(where: { $0.name == arguments[1] }) {
        try output.standardOutput(command.help + "\n")
      } else {
        try output.standardOutput(overview + "\n")
      }
      return .success
    case "--version":
      try output.standardOutput("kyodo \(kyodoVersion)\n")
      return .success
    default:
      break
    }
    guard let command = Subcommand.all.first(where: { $0.name == first }) else {
      try output.standardError(
        "kyodo: error: unknown subcommand '\(first)'; expected one of \(Subcommand.all.map(\.name).joined(separator: ", "))\n"
      )
      return .usageError
    }
    do {
      let parsed = try Arguments(Array(arguments.dropFirst()), options: command.allOptions)
      if parsed.flag(.help) {
        try output.standardOutput(command.help + "\n")
        return .success
      }
      return try command.run(parsed, &output)
    } catch let error as WriteError {
      throw error
    } catch let error as UsageError {
      try output.standardError(
        "kyodo \(command.name): error: \(error.message)\nSee 'kyodo \(command.name) --help'.\n")
      return command.usageStatus
    } catch let error as SurveyError {
      switch error {
      case .data(let diagnostics):
        for diagnostic in DiagnosticPlaces.placed(diagnostics) {
          try output.standardError(diagnostic.description + "\n")
        }
        return .dataError
      case .usage(let problems):
        for problem in problems { try output.standardError("kyodo: \(problem)\n") }
        return command.usageStatus
      }
    } catch {
      try output.standardError("kyodo \(command.name): error: \(error)\n")
      return .dataError
    }
  }
}
