/// One problem found in an input: where it is, what was found and what was expected.
///
/// `line` is the 1-based physical line where the record (or the field) starts, so a multi-line
/// quoted cell points at the line where its quote opens.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
  /// How serious a problem is: errors stop a run, warnings are reported and the run goes on.
  public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
      lhs == .warning && rhs == .error
    }
  }

  public var severity: Severity
  public var file: String
  public var line: Int?
  public var column: Int?
  public var item: String?
  public var found: String
  public var expected: String?
  /// For the note that ends a list cut short, the warnings it stands for (0 for any other).
  public var omittedWarnings = 0
  /// Where a spreadsheet user finds the problem: the cell (`K10`) or the row (`row 10`) of the
  /// sheet the export was saved from, when it has been worked out (`SheetPlaces.annotated`).
  public var cell: String?

  /// How many warnings this stands for: one, or those a note of omitted problems counts.
  public var warningCount: Int {
    omittedWarnings > 0 ? omittedWarnings : severity == .warning ? 1 : 0
  }

  public init(
    _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, item: String? = nil,
    found: String, expected: String? = nil
  ) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.item = item
    self.found = found
    self.expected = expected
  }

  /// The conventional `file:line:column: severity: …` form that editors and terminals understand.
  public var description: String {
    var location = file
    if let line { location += ":\(line)" }
    if let column { location += ":\(column)" }
    if let cell { location += " (\(cell))" }
    var text = "\(location): \(severity.rawValue):"
    if let item { text += " \(item):" }
    text += " \(found)"
    if let expected { text += "; expected \(expected)" }
    return text
  }
}

extension Diagnostic {
  /// The same problem at another place: a cell's diagnostics, kept from the first time its text
  /// was parsed, given to each later cell with the same text.
  func placed(file: String, line: Int, column: Int?) -> Diagnostic {
    var placed = self
    placed.file = file
    placed.line = line
    placed.column = column
    return placed
  }
}
