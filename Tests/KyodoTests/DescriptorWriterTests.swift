import Foundation
import XCTest

@testable import kyodo

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writing with write(2): every byte through a pipe, and a failure as an error with its errno,
/// never a crash.
final class DescriptorWriterTests: XCTestCase {
  /// Text written by a writer that keeps it, for CommandLine.run.
  final class Captured: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""
    var text: String { lock.withLock { storage } }
    func append(_ text: String) { lock.withLock { storage += text } }
  }

  func testAFullDeviceIsAnErrorNamingItsDestination() throws {
    let descriptor = open("/dev/full", O_WRONLY)
    guard descriptor >= 0 else { throw XCTSkip("no /dev/full") }
    defer { close(descriptor) }
    let writer = DescriptorWriter(descriptor: descriptor, destination: "standard output")
    XCTAssertThrowsError(try writer.write("kyodo\n")) { error in
      XCTAssertEqual(error as? WriteError, WriteError(destination: "standard output", code: ENOSPC))
      XCTAssertEqual(
        (error as? WriteError)?.description, "cannot write to standard output: No space left on device")
    }
  }

  func testAPipeWhoseReaderIsClosedIsAnError() throws {
    let previous = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, previous) }
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let writer = DescriptorWriter(
      descriptor: pipe.fileHandleForWriting.fileDescriptor, destination: "standard output")
    XCTAssertThrowsError(try writer.write("kyodo\n")) { error in
      XCTAssertEqual((error as? WriteError)?.code, EPIPE)
    }
  }

  func testAClosedDescriptorIsAnError() throws {
    let pipe = Pipe()
    let descriptor = dup(pipe.fileHandleForWriting.fileDescriptor)
    close(descriptor)
    let writer = DescriptorWriter(descriptor: descriptor, destination: "standard error")
    XCTAssertThrowsError(try writer.write("x")) { error in
      XCTAssertEqual((error as? WriteError)?.code, EBADF)
    }
  }

  /// More than a pipe holds at once goes through in several writes, each continuing the last.
  func testTextLargerThanAPipeArrivesWhole() throws {
    let pipe = Pipe()
    let text = String(repeating: "市民協働 kyodo\n", count: 100_000)
    let received = Captured()
    let done = expectation(description: "read")
    let readEnd = pipe.fileHandleForReading
    Thread {
      received.append(String(decoding: readEnd.readDataToEndOfFile(), as: UTF8.self))
      done.fulfill()
    }.start()
    try DescriptorWriter(descriptor: pipe.fileHandleForWriting.fileDescriptor, destination: "a pipe")
      .write(text)
    try pipe.fileHandleForWriting.close()
    wait(for: [done], timeout: 30)
    XCTAssertEqual(received.text.utf8.count, text.utf8.count)
    XCTAssertTrue(received.text == text)
  }

  func testARunWhoseOutputFailsEndsWithSeventyFourAndOneLine() {
    let errors = Captured()
    let noSpace = WriteError(destination: "standard output", code: ENOSPC)
    let output = Output(
      standardOutput: { _ throws(WriteError) in throw noSpace }, standardError: { errors.append($0) })
    XCTAssertEqual(CommandLine.run(["--version"], output: output), .outputError)
    XCTAssertEqual(errors.text, "kyodo: error: cannot write to standard output: No space left on device\n")
  }

  func testARunWhoseStandardErrorFailsEndsWithSeventyFourSilently() {
    let written = Captured()
    let closed = WriteError(destination: "standard error", code: EBADF)
    let output = Output(
      standardOutput: { written.append($0) }, standardError: { _ throws(WriteError) in throw closed })
    XCTAssertEqual(CommandLine.run(["tabulate", "--colour"], output: output), .outputError)
    XCTAssertEqual(CommandLine.run([], output: output).rawValue, 74)
    XCTAssertEqual(written.text, "")
  }
}
