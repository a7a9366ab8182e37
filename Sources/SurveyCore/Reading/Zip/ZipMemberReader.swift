/// A member's bytes, inflated when deflated, a piece at a time; its CRC-32 and size are checked
/// against the central directory when the last piece has been read.
public final class ZipMemberReader {
  private static let localHeaderSignature = 0x0403_4B50
  private static let readSize = 1 << 20

  private let archive: ZipArchive
  private let member: ZipMember
  private var inflater: Inflater?
  /// Where the next compressed (or stored) bytes start, and how many are left.
  private var position: Int
  private var left: Int
  private var checksum = CRC32()
  private var produced = 0
  private var finished = false

  init(archive: ZipArchive, member: ZipMember) throws(SurveyError) {
    self.archive = archive
    self.member = member
    guard !member.isEncrypted else {
      throw SurveyError(
        Diagnostic(
          .error, file: archive.file,
          found: "an encrypted workbook (\(member.name) is protected by a password)",
          expected: "a workbook saved without a password to open it"))
    }
    guard member.method == 0 || member.method == 8 else {
      throw archive.damaged("\(member.name) is compressed with method \(member.method), not DEFLATE")
    }
    let header = try archive.bytes(
      at: member.headerOffset, count: 30, reading: "the header of \(member.name)")
    let fields = LittleEndianFields(bytes: header)
    guard fields.u32(0) == Self.localHeaderSignature else {
      throw archive.damaged("no header where \(member.name) should start")
    }
    position = member.headerOffset + 30 + fields.u16(26) + fields.u16(28)
    left = member.compressedSize
    guard position <= archive.size, left <= archive.size - position else {
      throw archive.damaged("\(member.name) runs past the end of the file")
    }
    if member.method == 8 {
      inflater = Inflater(limit: ZipArchive.memberSizeLimit) { [unowned self] () throws(InflateFailure) in
        try self.readCompressed()
      }
    }
  }

  /// The next piece of the member's bytes, or nil after the last.
  public func next() throws(SurveyError) -> [UInt8]? {
    guard !finished else { return nil }
    let piece: [UInt8]?
    if let inflater {
      do {
        piece = try inflater.next()
      } catch {
        throw failure(error)
      }
    } else {
      piece = try readStored()
    }
    guard let piece else {
      try finish()
      return nil
    }
    produced += piece.count
    checksum.update(piece)
    return piece
  }

  private func readStored() throws(SurveyError) -> [UInt8]? {
    guard left > 0 else { return nil }
    let count = min(left, Self.readSize)
    let bytes = try archive.bytes(at: position, count: count, reading: member.name)
    position += count
    left -= count
    return bytes
  }

  private func readCompressed() throws(InflateFailure) -> [UInt8]? {
    do {
      return try readStored()
    } catch {
      throw .unreadable(error.description)
    }
  }

  private func finish() throws(SurveyError) {
    finished = true
    guard produced == member.size else {
      throw archive.damaged("\(member.name) holds \(produced) bytes where its directory says \(member.size)")
    }
    guard checksum.value == member.crc32 else {
      throw archive.damaged("\(member.name) fails its CRC-32 check")
    }
  }

  private func failure(_ failure: InflateFailure) -> SurveyError {
    switch failure {
    case .truncated: archive.damaged("\(member.name) ends before its last compressed block")
    case .invalid(let what): archive.damaged("\(member.name) holds \(what)")
    case .tooLarge(let limit):
      archive.damaged("\(member.name) inflates past \(limit >> 30) GB, the most kyodo reads from one member")
    case .unreadable(let why): SurveyError(Diagnostic(.error, file: archive.file, found: why))
    }
  }
}
