/// Writes a ZIP archive (PKWARE APPNOTE 6.3) in memory: members stored as they are (method 0),
/// each with its CRC-32, then the central directory. Every time is 1980-01-01 00:00, so the same
/// members give the same bytes.
///
/// Storing, not deflating, keeps the writer small; a workbook of report tables is a few hundred
/// KB either way, and Excel and LibreOffice open stored members as they do deflated ones.
struct ZipWriter {
  private var bytes: [UInt8] = []
  private var directory: [UInt8] = []
  private var count = 0

  /// Adds a member named `name` (a path in the archive) holding `contents`.
  mutating func add(_ name: String, _ contents: [UInt8]) {
    var crc = CRC32()
    crc.update(contents)
    let nameBytes = Array(name.utf8)
    let offset = bytes.count
    // Local file header: version 2.0, flags bit 11 (UTF-8 names), method 0, time 0, date 1980-01-01.
    append(to: &bytes, 0x0403_4B50, width: 4)
    for (value, width) in [(20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2)] {
      append(to: &bytes, value, width: width)
    }
    append(to: &bytes, Int(crc.value), width: 4)
    append(to: &bytes, contents.count, width: 4)
    append(to: &bytes, contents.count, width: 4)
    append(to: &bytes, nameBytes.count, width: 2)
    append(to: &bytes, 0, width: 2)
    bytes += nameBytes
    bytes += contents
    append(to: &directory, 0x0201_4B50, width: 4)
    for (value, width) in [(20, 2), (20, 2), (0x0800, 2), (0, 2), (0, 2), (0x21, 2)] {
      append(to: &directory, value, width: width)
    }
    append(to: &directory, Int(crc.value), width: 4)
    append(to: &directory, contents.count, width: 4)
    append(to: &directory, contents.count, width: 4)
    append(to: &directory, nameBytes.count, width: 2)
    for _ in 0..<4 { append(to: &directory, 0, width: 2) }
    append(to: &directory, 0, width: 4)
    append(to: &directory, offset, width: 4)
    directory += nameBytes
    count += 1
  }

  /// The whole archive.
  func finished() -> [UInt8] {
    var archive = bytes + directory
    append(to: &archive, 0x0605_4B50, width: 4)
    for value in [0, 0, count, count] { append(to: &archive, value, width: 2) }
    append(to: &archive, directory.count, width: 4)
    append(to: &archive, bytes.count, width: 4)
    append(to: &archive, 0, width: 2)
    return archive
  }

  private func append(to output: inout [UInt8], _ value: Int, width: Int) {
    for shift in 0..<width { output.append(UInt8(truncatingIfNeeded: value >> (8 * shift))) }
  }
}
