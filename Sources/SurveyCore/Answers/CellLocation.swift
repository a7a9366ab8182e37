/// Where a cell is: file, line and item, for diagnostics.
public struct CellLocation: Sendable, Hashable {
  public var file: String
  public var line: Int
  public var column: Int?
  public var item: String

  public init(file: String, line: Int, column: Int? = nil, item: String) {
    self.file = file
    self.line = line
    self.column = column
    self.item = item
  }

  public func diagnostic(_ severity: Diagnostic.Severity, found: String, expected: String? = nil)
    -> Diagnostic
  {
    Diagnostic(severity, file: file, line: line, column: column, item: item, found: found, expected: expected)
  }
}
