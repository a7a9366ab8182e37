/// One option of a subcommand, declared once: the command line is parsed by it and `--help` lists it.
struct CommandOption: Sendable {
  /// What an option takes on the command line.
  enum Kind: Sendable, Equatable {
    /// No value: `--stats`.
    case flag
    /// One value, given at most once: `--by ITEM`.
    case single
    /// A value each time it is given, all of them kept: `--where FILTER`.
    case repeatable
  }

  var name: String
  var kind: Kind
  /// The placeholder of the value in the help (`ITEM` in `--by ITEM`); nil for a flag.
  var valueName: String?
  /// The description beside the option; its later lines are aligned under its first.
  var help: String
  /// Lines printed under the option as they are written, indented below it (check's formats).
  var details: String?
  /// The one-letter form, written with one dash (`-h`).
  var shortName: Character?

  /// An option that takes no value.
  static func flag(_ name: String, help: String) -> CommandOption {
    CommandOption(name: name, kind: .flag, help: help)
  }

  /// An option that takes one value and may be given once.
  static func single(_ name: String, _ valueName: String, help: String, details: String? = nil)
    -> CommandOption
  {
    CommandOption(name: name, kind: .single, valueName: valueName, help: help, details: details)
  }

  /// An option that takes a value and may be given any number of times.
  static func repeatable(_ name: String, _ valueName: String, help: String) -> CommandOption {
    CommandOption(name: name, kind: .repeatable, valueName: valueName, help: help)
  }

  /// `-h, --help`, which every subcommand takes.
  static let help = CommandOption(name: "help", kind: .flag, help: "Show this help.", shortName: "h")

  /// The same option described for a subcommand that uses it in its own way.
  func described(_ help: String, details: String? = nil) -> CommandOption {
    var option = self
    option.help = help
    option.details = details
    return option
  }

  /// How the option is written in the help: `-h, --help`, `--by ITEM`.
  var label: String {
    (shortName.map { "-\($0), " } ?? "") + "--" + name + (valueName.map { " " + $0 } ?? "")
  }

  /// The width of the column of labels in a subcommand's OPTIONS.
  static let labelWidth = 20

  /// The option's lines in the OPTIONS part of a subcommand's help.
  var helpText: String {
    let indent = "  "
    let column = String(repeating: " ", count: CommandOption.labelWidth)
    var lines = help.split(separator: "\n", omittingEmptySubsequences: false).map { column + $0 }
    if label.count < CommandOption.labelWidth - 1, let first = lines.first {
      lines[0] = label + first.dropFirst(label.count)
    } else {
      lines.insert(label, at: 0)
    }
    let detailLines = details.map { $0.split(separator: "\n").map { "    " + $0 } } ?? []
    return (lines + detailLines).map { indent + $0 }.joined(separator: "\n")
  }

  /// The OPTIONS part of a subcommand's help: each option's lines, in the order given.
  static func helpText(_ options: [CommandOption]) -> String {
    options.map(\.helpText).joined(separator: "\n")
  }
}
