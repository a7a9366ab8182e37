import Foundation
import XCTest

/// The built binary when its output cannot be written: status 74 and one line on standard error,
/// never a crash.
extension KyodoCommandTests {
  /// Runs kyodo with the given standard output and error, SIGPIPE ignored as `trap '' PIPE` does.
  func kyodo(_ arguments: [String], standardOutput: Any, standardError: Any) throws -> Int32 {
    let binary = Bundle.main.bundleURL.appendingPathComponent("kyodo")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw XCTSkip("the kyodo binary is not built at \(binary.path)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "trap '' PIPE; exec \"$0\" \"$@\"", binary.path] + arguments
    process.currentDirectoryURL = Self.root
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = standardOutput
    process.standardError = standardError
    try process.run()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationReason, .exit, "killed by a signal")
    return process.terminationStatus
  }

  func testAFullDiskEndsTheRunWithSeventyFour() throws {
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
    let errors = Pipe()
    let status = try kyodo(["tabulate", "--data", Self.mini], standardOutput: full, standardError: errors)
    XCTAssertEqual(status, 74)
    XCTAssertEqual(
      String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
      "kyodo: error: cannot write to standard output: No space left on device\n")
  }

  func testAPipeClosedByItsReaderEndsTheRunWithSeventyFour() throws {
    let output = Pipe()
    try output.fileHandleForReading.close()
    let errors = Pipe()
    let status = try kyodo(["summary", "--all"], standardOutput: output, standardError: errors)
    XCTAssertEqual(status, 74)
    XCTAssertEqual(
      String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
      "kyodo: 14 warnings in the data (--show-warnings lists them)\n"
        + "kyodo: error: cannot write to standard output: Broken pipe\n")
  }

  func testAnUnwritableStandardErrorEndsTheRunWithSeventyFourAndNoOutput() throws {
    guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
    let output = Pipe()
    let status = try kyodo(["tabulate", "形態"], standardOutput: output, standardError: full)
    XCTAssertEqual(status, 74)
    XCTAssertEqual(output.fileHandleForReading.readDataToEndOfFile(), Data())
  }
}
