import Foundation
import XCTest

/// Inputs a careless user or an attacker gives: endless standard input, a symbolic link loop, a
/// named pipe nobody writes to, a cell of many megabytes. Each ends at once with a clear error and
/// a documented status, in bounded memory; `tabulate` and `check` give the same answer.
final class HostileInputTests: XCTestCase {
  private let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  private struct Outcome {
    var status: Int32
    var standardError: String
  }

  /// Runs the built binary with standard input read from `input` (or closed).
  private func kyodo(_ arguments: [String], input: String? = nil) throws -> Outcome {
    let binary = Bundle.main.bundleURL.appendingPathComponent("kyodo")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw XCTSkip("the kyodo binary is not built at \(binary.path)")
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = root
    let error = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = error
    if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
    try process.run()
    let errData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus, standardError: String(decoding: errData, as: UTF8.self))
  }

  private func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
  }

  func testEndlessZerosOnStandardInputStopAtTheFirstChunk() throws {
    let outcome = try kyodo(["tabulate", "--file", "c=-"], input: "/dev/zero")
    XCTAssertEqual(outcome.status, 1)
    XCTAssertTrue(outcome.standardError.contains("<stdin>:1: error:"), outcome.standardError)
  }

  func testASymbolicLinkLoopIsNamedForWhatItIs() throws {
    let directory = try temporaryDirectory()
    let first = directory.appendingPathComponent("a.tsv")
    let second = directory.appendingPathComponent("b.tsv")
    try FileManager.default.createSymbolicLink(atPath: first.path, withDestinationPath: second.path)
    try FileManager.default.createSymbolicLink(atPath: second.path, withDestinationPath: first.path)
    for (command, status) in [("tabulate", Int32(1)), ("check", Int32(2))] {
      let outcome = try kyodo([command, "--file", "a=\(first.path)"])
      XCTAssertEqual(outcome.status, status, command)
      XCTAssertTrue(outcome.standardError.contains("a symbolic link loop") || command == "check", command)
    }
  }

  func testANamedPipeIsRefusedAtOnceByEveryCommand() throws {
    let fifo = try temporaryDirectory().appendingPathComponent("a.tsv")
    XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
    let tabulate = try kyodo(["tabulate", "--file", "a=\(fifo.path)"])
    XCTAssertEqual(tabulate.status, 1)
    XCTAssertTrue(tabulate.standardError.contains("a named pipe"), tabulate.standardError)
    let check = try kyodo(["check", "--file", "a=\(fifo.path)"])
    XCTAssertEqual(check.status, 2)
  }

  func testARecordPastTheLimitIsAnErrorAtItsLineInBothCommands() throws {
    let file = try temporaryDirectory().appendingPathComponent("a.tsv")
    let export = try String(contentsOf: root.appendingPathComponent("data/a.tsv"), encoding: .utf8)
    var bytes = Array((export.split(separator: "\n").first ?? "").utf8) + [0x0A]
    bytes += Array(("\"" + String(repeating: "x", count: 17 << 20)).utf8)
    try Data(bytes).write(to: file)
    let message = "\(file.path):2: error: a record longer than 16 MB"
    let tabulate = try kyodo(["tabulate", "--file", "a=\(file.path)"])
    XCTAssertEqual(tabulate.status, 1)
    XCTAssertTrue(tabulate.standardError.contains(message), tabulate.standardError)
    let check = try kyodo(["check", "--file", "a=\(file.path)"])
    XCTAssertEqual(check.status, 2)
  }
}
