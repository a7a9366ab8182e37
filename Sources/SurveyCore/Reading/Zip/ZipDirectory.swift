/// Reads a ZIP archive's central directory: the end record (ZIP64's when sizes need it), then one
/// header per member.
struct ZipDirectory {
  private static let endSignature = 0x0605_4B50
  private static let zip64EndSignature = 0x0606_4B50
  private static let zip64LocatorSignature = 0x0706_4B50
  private static let headerSignature = 0x0201_4B50
  /// The end record's fixed part; a comment of up to 65,535 bytes may follow it.
  private static let endLength = 22

  let archive: ZipArchive

  /// The members the central directory lists.
  func members() throws(SurveyError) -> [ZipMember] {
    let (count, offset, size) = try directoryPlace()
    let directory = try archive.bytes(at: offset, count: size, reading: "its central directory")
    var members: [ZipMember] = []
    var fields = LittleEndianFields(bytes: directory)
    for _ in 0..<count {
      guard fields.base + 46 <= directory.count, fields.u32(0) == Self.headerSignature else {
        throw archive.damaged("a central directory that ends before its \(count) members")
      }
      let nameLength = fields.u16(28)
      let extraLength = fields.u16(30)
      let next = fields.base + 46 + nameLength + extraLength + fields.u16(32)
      guard next <= directory.count else {
        throw archive.damaged("a member's header that runs past the directory")
      }
      let nameBytes = directory[(fields.base + 46)..<(fields.base + 46 + nameLength)]
      var member = ZipMember(
        name: String(decoding: nameBytes, as: UTF8.self), method: fields.u16(10), flags: fields.u16(8),
        crc32: UInt32(fields.u32(16)), compressedSize: fields.u32(20), size: fields.u32(24),
        headerOffset: fields.u32(42))
      let extra = Array(
        directory[(fields.base + 46 + nameLength)..<(fields.base + 46 + nameLength + extraLength)])
      Self.applyZip64(extra, to: &member)
      members.append(member)
      fields.base = next
    }
    return members
  }

  /// The number of members, and the offset and size of the central directory.
  private func directoryPlace() throws(SurveyError) -> (count: Int, offset: Int, size: Int) {
    let tailLength = min(archive.size, Self.endLength + 65_535)
    let tail = try archive.bytes(at: archive.size - tailLength, count: tailLength, reading: "its end")
    guard tailLength >= Self.endLength,
      let end = stride(from: tailLength - Self.endLength, through: 0, by: -1).first(where: {
        LittleEndianFields(bytes: tail, base: $0).u32(0) == Self.endSignature
      })
    else {
      throw archive.damaged("no ZIP end record (not a ZIP file, or one cut short)")
    }
    let fields = LittleEndianFields(bytes: tail, base: end)
    var place = (count: fields.u16(10), offset: fields.u32(16), size: fields.u32(12))
    if place.count == 0xFFFF || place.offset == 0xFFFF_FFFF || place.size == 0xFFFF_FFFF, end >= 20 {
      let locator = LittleEndianFields(bytes: tail, base: end - 20)
      if locator.u32(0) == Self.zip64LocatorSignature {
        let record = try archive.bytes(at: locator.u64(8), count: 56, reading: "its ZIP64 end record")
        let zip64 = LittleEndianFields(bytes: record)
        guard zip64.u32(0) == Self.zip64EndSignature else {
          throw archive.damaged("a ZIP64 end record not found")
        }
        place = (count: zip64.u64(32), offset: zip64.u64(48), size: zip64.u64(40))
      }
    }
    guard place.offset <= archive.size, place.size <= archive.size - place.offset else {
      throw archive.damaged("a central directory placed past the end of the file")
    }
    return place
  }

  /// Replaces the sizes and offset a header marks as 0xFFFFFFFF with those of its ZIP64 extra field.
  private static func applyZip64(_ extra: [UInt8], to member: inout ZipMember) {
    var position = 0
    while position + 4 <= extra.count {
      let fields = LittleEndianFields(bytes: extra, base: position)
      let (id, length) = (fields.u16(0), fields.u16(2))
      if id == 1 {
        var offset = 4
        for keyPath in [\ZipMember.size, \ZipMember.compressedSize, \ZipMember.headerOffset]
        where member[keyPath: keyPath] == 0xFFFF_FFFF && offset + 8 <= 4 + length {
          member[keyPath: keyPath] = fields.u64(offset)
          offset += 8
        }
        return
      }
      position += 4 + length
    }
  }
}
