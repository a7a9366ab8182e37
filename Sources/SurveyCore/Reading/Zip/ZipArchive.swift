import Foundation

/// A ZIP archive (PKWARE APPNOTE 6.3), such as an .xlsx workbook, read from its central
/// directory: its members' names, and each member's bytes a piece at a time.
///
/// Only what Office and LibreOffice write is read: stored and deflated members, ZIP64 sizes and
/// offsets, one disk. Encrypted members and other methods are refused with a clear error.
public final class ZipArchive {
  /// The most a member may inflate to: a worksheet of a few million rows stays far below it,
  /// and a "zip bomb" stops here instead of filling the disk or memory of its reader.
  public static let memberSizeLimit = 8 << 30

  private let handle: FileHandle
  /// The archive's name in diagnostics.
  let file: String
  private let length: Int
  /// The members, in the central directory's order.
  public private(set) var members: [ZipMember] = []

  /// Opens the archive at `url` and reads its central directory.
  public init(url: URL, file: String) throws(SurveyError) {
    guard let handle = try? FileHandle(forReadingFrom: url) else {
      throw SurveyError(
        Diagnostic(.error, file: file, found: "a file that cannot be read", expected: "a readable file"))
    }
    self.handle = handle
    self.file = file
    length = Int((try? handle.seekToEnd()) ?? 0)
    members = try ZipDirectory(archive: self).members()
  }

  deinit {
    try? handle.close()
  }

  /// The member named `name`, if the archive has one.
  public func member(named name: String) -> ZipMember? {
    members.first { $0.name == name }
  }

  /// The archive's size in bytes.
  public var size: Int { length }

  /// `count` bytes from `offset`, or an error naming what was being read when the archive ends
  /// before them.
  func bytes(at offset: Int, count: Int, reading what: String) throws(SurveyError) -> [UInt8] {
    guard offset >= 0, count >= 0, offset <= length, count <= length - offset else {
      throw damaged("the archive ends inside \(what)")
    }
    guard count > 0 else { return [] }
    let (buffer, failure) = DescriptorIO.read(count, at: offset, from: handle.fileDescriptor)
    guard buffer.count == count else {
      if failure != 0 {
        throw SurveyError(
          Diagnostic(
            .error, file: file, found: "a read error (\(String(cString: strerror(failure))))",
            expected: "a readable file"))
      }
      throw damaged("the archive ends inside \(what)")
    }
    return buffer
  }

  /// The error for an archive whose structure is broken.
  func damaged(_ found: String) -> SurveyError {
    SurveyError(
      Diagnostic(
        .error, file: file, found: "a damaged workbook: \(found)", expected: "a workbook as Excel saves it"))
  }

  /// A reader of the member's bytes, inflated, a piece at a time.
  public func contents(of member: ZipMember) throws(SurveyError) -> ZipMemberReader {
    try ZipMemberReader(archive: self, member: member)
  }
}
