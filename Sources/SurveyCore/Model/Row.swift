/// One row of an export, its cells read into typed values.
public struct Row: Sendable {
  /// The physical line where the row starts in its file.
  public var line: Int
  /// One value per item of the form, in the form's item order.
  public var values: [Value]
  /// The responding unit the row belongs to, or nil when the overall form does not list it.
  public var unit: UnitPath?

  public init(line: Int, values: [Value], unit: UnitPath? = nil) {
    self.line = line
    self.values = values
    self.unit = unit
  }
}
