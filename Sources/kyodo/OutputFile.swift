import Foundation

/// A file `--output` names, written whole or not at all: into a new temporary file beside it,
/// flushed to the disk, then renamed over it. A failure leaves any earlier file as it was.
enum OutputFile {
  static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    let url = URL(fileURLWithPath: path)
    var template = Array(
      (url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".kyodo-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { buffer in
      buffer.baseAddress.map { mkstemp($0) } ?? -1
    }
    guard descriptor >= 0 else { throw WriteError(destination: path, code: errno) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var finished = false
    defer {
      close(descriptor)
      if !finished { unlink(temporary) }
    }
    try DescriptorWriter(descriptor: descriptor, destination: path).write(bytes[...])
    // mkstemp makes the file for its owner alone; a file kyodo writes gets the usual mode.
    let mask = umask(0)
    umask(mask)
    guard fchmod(descriptor, 0o666 & ~mask) == 0, fsync(descriptor) == 0 else {
      throw WriteError(destination: path, code: errno)
    }
    guard rename(temporary, path) == 0 else { throw WriteError(destination: path, code: errno) }
    finished = true
  }
}
