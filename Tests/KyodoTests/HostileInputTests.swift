import Foundation
import XCTest

/// Inputs a careless user or an attacker gives: endless standard input, a symbolic link loop, a
/// named pipe nobody writes to, a cell of many megabytes. Each ends at once with a clear error and
/// a documented status, in bounded memory; `tabulate` and `check` give the same answer.
extension KyodoCommandTests {
  private func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
    return directory
  }

  func testEndlessZerosOnStandardInputStopAtTheFirstChunk() throws {
    let outcome = try kyodo(["tabulate", "--file", "c=-"], inputFile: "/dev/zero")
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
    let export = try String(contentsOf: Self.root.appendingPathComponent("data/a.tsv"), encoding: .utf8)
    var bytes = Array((export.split(separator: "\n").first ?? "").utf8) + [0x0A]
    bytes += Array(("\"" + String(repeating: "x", count: 17 << 20)).utf8)
    try Data(bytes).write(to: file)
    let message = "\(file.path):2 (row 2): error: a record longer than 16 MB"
    let tabulate = try kyodo(["tabulate", "--file", "a=\(file.path)"])
    XCTAssertEqual(tabulate.status, 1)
    XCTAssertTrue(tabulate.standardError.contains(message), tabulate.standardError)
    let check = try kyodo(["check", "--file", "a=\(file.path)"])
    XCTAssertEqual(check.status, 2)
  }
}
