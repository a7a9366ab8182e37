/// The bytes of one export and the name to report it by.
public struct ExportSource: Sendable {
  public var bytes: [UInt8]
  public var file: String

  public init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }
}
