import Foundation

/// Texts kept in files of their own and read back by their number: a workbook's shared strings
/// past those kept in memory, so that a sheet of a million distinct texts is read in the same
/// memory as one of a few. Two files: the texts end to end, and where each ends (eight bytes
/// each). Both are unlinked as soon as they are made, so nothing is left behind however the run
/// ends; their descriptors close with the spill.
final class StringSpill {
  private let texts: Int32
  private let ends: Int32
  /// The workbook's name, for an error.
  private let file: String
  private var textBuffer: [UInt8] = []
  private var endBuffer: [UInt8] = []
  /// The bytes of text appended so far, buffered ones included.
  private var written = 0
  /// The number of texts appended.
  private(set) var count = 0

  /// A spill in `directory` for the workbook named `file`.
  init(in directory: URL, file: String) throws(SurveyError) {
    self.file = file
    texts = try Self.unlinkedFile(in: directory, file: file)
    do {
      ends = try Self.unlinkedFile(in: directory, file: file)
    } catch {
      close(texts)
      throw error
    }
  }

  deinit {
    close(texts)
    close(ends)
  }

  /// Adds a text, numbered after the others.
  func append(_ text: [UInt8]) throws(SurveyError) {
    textBuffer.append(contentsOf: text)
    written += text.count
    withUnsafeBytes(of: Int64(written).littleEndian) { endBuffer.append(contentsOf: $0) }
    count += 1
    if textBuffer.count >= 1 << 20 || endBuffer.count >= 1 << 16 { try flush() }
  }

  /// Writes what is buffered: before the texts are read.
  func flush() throws(SurveyError) {
    try write(&textBuffer, to: texts)
    try write(&endBuffer, to: ends)
  }

  /// The text numbered `index` (from 0), read back from the files.
  func text(_ index: Int) throws(SurveyError) -> [UInt8] {
    let first = index == 0 ? 0 : try end(index - 1)
    let last = try end(index)
    guard last >= first else { throw failure("a damaged temporary file of shared strings") }
    return try read(last - first, at: first, from: texts)
  }

  private func end(_ index: Int) throws(SurveyError) -> Int {
    let bytes = try read(8, at: index * 8, from: ends)
    return Int(Int64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }))
  }

  private func read(_ count: Int, at offset: Int, from descriptor: Int32) throws(SurveyError) -> [UInt8] {
    let (bytes, failure) = DescriptorIO.read(count, at: offset, from: descriptor)
    guard bytes.count == count else {
      throw self.failure("a read error (\(String(cString: strerror(failure == 0 ? EIO : failure))))")
    }
    return bytes
  }

  private func write(_ buffer: inout [UInt8], to descriptor: Int32) throws(SurveyError) {
    if let failed = buffer.withUnsafeBytes({ DescriptorIO.writeAll($0, to: descriptor) }) {
      throw failure("a write error (\(String(cString: strerror(failed))))")
    }
    buffer.removeAll(keepingCapacity: true)
  }

  private func failure(_ found: String) -> SurveyError {
    SurveyError(
      Diagnostic(
        .error, file: file, found: "\(found) in the temporary copy of its shared strings",
        expected: "room for them in the temporary directory"))
  }

  /// A new file in `directory`, unlinked at once: its descriptor, open for reading and writing.
  private static func unlinkedFile(in directory: URL, file: String) throws(SurveyError) -> Int32 {
    var template = Array(directory.appendingPathComponent("kyodo-strings.XXXXXX").path.utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else {
      throw SurveyError(
        Diagnostic(
          .error, file: file,
          found: "no temporary file for its shared strings (\(String(cString: strerror(errno))))",
          expected: "a writable temporary directory"))
    }
    template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
    return descriptor
  }
}
