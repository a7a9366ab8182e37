import Foundation

/// Reads back the records a `SheetSpool` wrote, a record per sheet row from row 1: each record's
/// cells, none for an empty line. Only what the spool writes is read: a field is quoted when it
/// starts with a quote, and a quote inside it is doubled.
struct SpooledRecords {
  private let handle: FileHandle
  private var chunk: [UInt8] = []
  private var index = 0
  private var ended = false
  /// How many bytes of the file were read into chunks.
  private var consumed = 0

  init(url: URL) throws {
    handle = try FileHandle(forReadingFrom: url)
  }

  func close() {
    try? handle.close()
  }

  /// Whether a byte is at `index`, reading the next chunk when the last is used up.
  private mutating func available() throws -> Bool {
    if index < chunk.count { return true }
    guard !ended, let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else {
      ended = true
      return false
    }
    chunk = [UInt8](data)
    consumed += chunk.count
    index = 0
    return true
  }

  /// The next byte, or nil at the end of the file.
  private mutating func byte() throws -> UInt8? {
    guard try available() else { return nil }
    index += 1
    return chunk[index - 1]
  }

  /// The next record's cells, or nil at the end of the file.
  mutating func next() throws -> [[UInt8]]? {
    guard try available() else { return nil }
    if chunk[index] == 0x0A {
      index += 1
      return []
    }
    var cells: [[UInt8]] = []
    while true {
      var cell: [UInt8] = []
      var terminator: UInt8?
      if try available(), chunk[index] == UInt8(ascii: "\"") {
        // A quoted field, up to the quote that is not doubled; what follows ends it.
        index += 1
        while let byte = try byte() {
          if byte == UInt8(ascii: "\"") {
            let after = try self.byte()
            guard after == UInt8(ascii: "\"") else {
              terminator = after
              break
            }
          }
          cell.append(byte)
        }
      } else {
        while try available() {
          guard let stop = chunk[index...].firstIndex(where: { $0 == 0x09 || $0 == 0x0A }) else {
            cell += chunk[index...]
            index = chunk.count
            continue
          }
          cell += chunk[index..<stop]
          terminator = chunk[stop]
          index = stop + 1
          break
        }
      }
      cells.append(cell)
      if terminator != 0x09 { return cells }
    }
  }

  /// Writes the bytes not yet read to the file open as `output` at its end, as they are: the
  /// kernel copies them (`sendfile`), or, where it cannot, they are read and written.
  mutating func copyRest(to output: Int32, destination: String) throws {
    var offset = off_t(consumed - (chunk.count - index))
    #if canImport(Glibc)
      let descriptor = handle.fileDescriptor
      while true {
        let copied = sendfile(output, descriptor, &offset, 1 << 30)
        if copied > 0 { continue }
        if copied == 0 { return }
        if errno == EINTR { continue }
        break
      }
    #endif
    // No copy in the kernel (another file system, an old kernel): by hand, from where it stopped.
    try handle.seek(toOffset: UInt64(offset))
    (chunk, index, ended) = ([], 0, false)
    let writer = DescriptorWriter(descriptor: output, destination: destination)
    while try available() {
      try writer.write(chunk[index...])
      index = chunk.count
    }
  }
}
