/// One column: its machine name (the TSV header) and its human heading.
public struct Column: Sendable, Hashable {
  public var key: String
  public var heading: String

  public init(_ key: String, _ heading: String? = nil) {
    self.key = key
    self.heading = heading ?? key
  }
}
