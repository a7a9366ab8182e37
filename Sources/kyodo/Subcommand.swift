/// A subcommand: its name, one line for the overview, its help text, its options and what it does.
struct Subcommand: Sendable {
  var name: String
  var abstract: String
  /// The help before its OPTIONS: overview, usage, description and arguments.
  var synopsis: String
  /// The options it takes besides `-h, --help`, in the order its help lists them.
  var options: [CommandOption]
  /// The help after its OPTIONS: notes, exit status and examples.
  var epilogue: String
  /// The status of a wrong command line for this subcommand.
  var usageStatus: ExitStatus = .usageError
  var run: @Sendable (Arguments, inout Output) throws -> ExitStatus

  /// Every option the command line may give, `-h, --help` last.
  var allOptions: [CommandOption] { options + [.help] }

  /// What `kyodo NAME --help` prints, its OPTIONS made from the options it parses.
  var help: String {
    synopsis + "\n\nOPTIONS:\n" + CommandOption.helpText(allOptions) + "\n\n" + epilogue
  }

  /// kyodo's subcommands, in the order the overview lists them.
  static let all: [Subcommand] = [
    Tabulate.command, Summary.command, Check.command, Items.command, Syntax.command,
  ]
}
