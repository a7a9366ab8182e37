/// A command line's options and positional arguments, parsed by the rules all subcommands share:
/// `--name value` or `--name=value` for options, `--name` for flags, `--` ends the options.
/// Each subcommand declares the options it takes; any other is an error, and so is a second value
/// of an option that takes one.
struct Arguments: Sendable {
  private(set) var positionals: [String] = []
  private var values: [String: [String]] = [:]
  private var flags: Set<String> = []

  init(_ arguments: [String], options: [CommandOption]) throws(UsageError) {
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
      guard argument.hasPrefix("--") else {
        guard let option = options.first(where: { $0.shortName.map { "-\($0)" } == argument }) else {
          throw UsageError("unknown option '\(argument)'")
        }
        flags.insert(option.name)
        continue
      }
      var name = String(argument.dropFirst(2))
      var value: String?
      if let equals = name.firstIndex(of: "=") {
        value = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = options.first(where: { $0.name == name }) else {
        throw UsageError("unknown option '--\(name)'")
      }
      switch option.kind {
      case .flag:
        guard value == nil else { throw UsageError("unknown option '--\(name)'") }
        flags.insert(name)
      case .single, .repeatable:
        if value == nil {
          guard index < arguments.count else { throw UsageError("option '--\(name)' needs a value") }
          value = arguments[index]
          index += 1
        }
        if option.kind == .single, values[name] != nil {
          throw UsageError("option '--\(name)' can be given only once")
        }
        values[name, default: []].append(value ?? "")
      }
    }
  }

  func flag(_ option: CommandOption) -> Bool { flags.contains(option.name) }

  /// The value of an option that takes one, or nil.
  func value(_ option: CommandOption) -> String? { values[option.name]?.first }

  /// Every value of a repeatable option.
  func values(_ option: CommandOption) -> [String] { values[option.name] ?? [] }
}
