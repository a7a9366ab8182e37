/// A command line's options and positional arguments, parsed by the rules all subcommands share:
/// `--name value` or `--name=value` for options, `--name` for flags, `--` ends the options.
/// Each subcommand names the options it takes; any other is an error.
struct Arguments: Sendable {
  private(set) var positionals: [String] = []
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []

  init(_ arguments: [String], options valued: Set<String>, flags knownFlags: Set<String>) throws(UsageError) {
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
        positionals.append(argument)
        continue
      }
      if argument == "--" {
        optionsEnded = true
        continue
      }
      if argument == "-h" {
        flags.insert("help")
        continue
      }
      guard argument.hasPrefix("--") else { throw UsageError("unknown option '\(argument)'") }
      var name = String(argument.dropFirst(2))
      var value: String?
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if valued.contains(name) {
        if value == nil {
          guard index < arguments.count else { throw UsageError("option '--\(name)' needs a value") }
          value = arguments[index]
          index += 1
        }
        values[name, default: []].append(value ?? "")
      } else if knownFlags.contains(name) || name == "help", value == nil {
        flags.insert(name)
      } else {
        throw UsageError("unknown option '--\(name)'")
      }
    }
  }

  func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The last value of an option, or nil.
  func value(_ name: String) -> String? { values[name]?.last }

  /// Every value of a repeatable option.
  func values(_ name: String) -> [String] { values[name] ?? [] }
}

/// A mistake on the command line.
struct UsageError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
