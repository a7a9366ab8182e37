/// One record of a tab-separated export: its fields and the physical line where it starts.
public struct TSVRecord: Sendable, Equatable {
  public var line: Int
  public var fields: [String]

  public init(line: Int, fields: [String]) {
    self.line = line
    self.fields = fields
  }
}
