/// One file stored in a ZIP archive, as its central directory describes it.
public struct ZipMember: Sendable, Equatable {
  /// The member's path in the archive (`xl/worksheets/sheet1.xml`).
  public var name: String
  /// 0: stored; 8: deflated. Other methods are refused.
  public var method: Int
  public var flags: Int
  public var crc32: UInt32
  public var compressedSize: Int
  public var size: Int
  /// Where the member's local header starts in the archive.
  public var headerOffset: Int

  /// Whether the member is encrypted (bit 0 of its flags), as a password-protected file's are.
  public var isEncrypted: Bool { flags & 1 == 1 }
}
