import Foundation
import XCTest

@testable import kyodo

/// The outputs shown in README.md and docs/*.md are what kyodo prints.
///
/// A checked block is a fenced block right under a marker line:
///
///     <!-- output: kyodo tabulate 形態 --chart | head -12 -->
///     ```
///     …what kyodo prints…
///     ```
///
/// Each command runs in-process (`CommandLine.run`) with the repository root as the current
/// directory, standard error appended when the command ends in `2>&1`, trailing line breaks
/// dropped, and the lines an optional `| head -N`, `| tail -N` or `| lines A-B` selects kept:
/// the rules of `scripts/update-readme.py`, which rewrites the blocks when they are out of date.
final class DocumentationTests: XCTestCase {
  /// One checked block: where it is, its command and the text it shows.
  struct Block {
    var file: String
    var line: Int
    var command: String
    var shown: String
  }

  /// The documents whose blocks are checked, relative to the repository root: README.md, then
  /// docs/*.md by name.
  static func documents() throws -> [String] {
    let docs = KyodoCommandTests.root.appendingPathComponent("docs")
    let names = try FileManager.default.contentsOfDirectory(atPath: docs.path)
      .filter { $0.hasSuffix(".md") }.sorted()
    return ["README.md"] + names.map { "docs/" + $0 }
  }

  /// The checked blocks of a document's text.
  static func blocks(in text: String, file: String) -> [Block] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var blocks: [Block] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard line.hasPrefix("<!-- output: "), line.hasSuffix(" -->"), index + 1 < lines.count,
        lines[index + 1].hasPrefix("```")
      else {
        index += 1
        continue
      }
      let command = String(line.dropFirst("<!-- output: ".count).dropLast(" -->".count))
      var end = index + 2
      while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
      let shown = lines[min(index + 2, end)..<end].joined(separator: "\n")
      blocks.append(Block(file: file, line: index + 1, command: command, shown: shown))
      index = end + 1
    }
    return blocks
  }

  /// A command's words, split as a shell splits them: on blanks, with '…' and "…" quoting.
  static func words(_ command: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    for character in command {
      if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character == " " || character == "\t" {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else {
        word.append(character)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return words
  }

  /// Collects what a run writes; the lock because a run may count on several threads.
  final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var out = ""
    private var err = ""

    var output: Output {
      Output(
        standardOutput: { text in self.lock.withLock { self.out += text } },
        standardError: { text in self.lock.withLock { self.err += text } })
    }

    var standardOutput: String { lock.withLock { out } }
    var standardError: String { lock.withLock { err } }
  }

  /// What the block of `command` must show, or a message saying why the command is not one.
  static func expected(_ command: String) -> Result<String, BlockError> {
    let pipeline = command.split(separator: "|", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: .whitespaces) }
    var arguments = words(pipeline[0])
    let withStandardError = arguments.last == "2>&1"
    if withStandardError { arguments.removeLast() }
    guard arguments.first == "kyodo" else {
      return .failure(BlockError(message: "the command does not start with kyodo"))
    }
    let capture = Capture()
    let root = KyodoCommandTests.root.path
    let directory = FileManager.default.currentDirectoryPath
    guard FileManager.default.changeCurrentDirectoryPath(root) else {
      return .failure(BlockError(message: "cannot change the current directory to \(root)"))
    }
    _ = CommandLine.run(Array(arguments.dropFirst()), output: capture.output)
    FileManager.default.changeCurrentDirectoryPath(directory)
    var text = capture.standardOutput + (withStandardError ? capture.standardError : "")
    while text.hasSuffix("\n") { text.removeLast() }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for step in pipeline.dropFirst() {
      let parts = step.split(separator: " ", omittingEmptySubsequences: true)
      let argument = parts.count == 2 ? parts[1].drop { $0 == "-" } : ""
      switch (parts.first, Int(argument)) {
      case ("head", let count?):
        lines = Array(lines.prefix(count))
      case ("tail", let count?):
        lines = Array(lines.suffix(count))
      case ("lines", nil):
        let bounds = argument.split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, bounds[0] >= 1, bounds[0] <= bounds[1] else {
          return .failure(BlockError(message: "'\(step)' is not lines A-B"))
        }
        lines = Array(lines.dropFirst(bounds[0] - 1).prefix(bounds[1] - bounds[0] + 1))
      default:
        return .failure(BlockError(message: "unknown step '\(step)'; expected head -N, tail -N or lines A-B"))
      }
    }
    return .success(lines.joined(separator: "\n"))
  }

  struct BlockError: Error {
    var message: String
  }

  /// The first line where two texts differ, for the failure message.
  static func firstDifference(_ shown: String, _ printed: String) -> String {
    let shownLines = shown.split(separator: "\n", omittingEmptySubsequences: false)
    let printedLines = printed.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(shownLines.count, printedLines.count) {
      let a = index < shownLines.count ? String(shownLines[index]) : "(no line)"
      let b = index < printedLines.count ? String(printedLines[index]) : "(no line)"
      if a != b { return "line \(index + 1) of the block shows\n  \(a)\nwhere kyodo prints\n  \(b)" }
    }
    return "the texts differ"
  }

  /// Every checked block of every document shows what its command prints.
  func testDocumentedOutputsAreWhatKyodoPrints() throws {
    var count: [String: Int] = [:]
    for file in try Self.documents() {
      let url = KyodoCommandTests.root.appendingPathComponent(file)
      let text = try String(contentsOf: url, encoding: .utf8)
      for block in Self.blocks(in: text, file: file) {
        count[file, default: 0] += 1
        switch Self.expected(block.command) {
        case .failure(let error):
          XCTFail("\(block.file):\(block.line): `\(block.command)`: \(error.message)")
        case .success(let printed) where printed != block.shown:
          XCTFail(
            """
            \(block.file):\(block.line): the output shown for `\(block.command)` is not what kyodo prints; \
            \(Self.firstDifference(block.shown, printed))
            (after `swift build`, `python3 scripts/update-readme.py` rewrites the blocks)
            """)
        case .success:
          break
        }
      }
    }
    // A marker that stopped matching would silently check nothing: each document named here has blocks.
    for file in ["README.md", "docs/GUIDE.md"] {
      XCTAssertGreaterThan(count[file, default: 0], 0, "\(file) has no checked output blocks")
    }
  }

  /// The block reader and the selections follow update-readme.py's rules.
  func testBlocksAndSelections() throws {
    let text = """
      <!-- output: kyodo --version -->
      ```
      kyodo 0.1.0
      ```
      <!-- output: kyodo tabulate 形態 --format tsv | lines 2-3 -->
      ```
      1\t共催\t17\t24.3
      2\t実行委\t20\t28.6
      ```
      """
    let blocks = Self.blocks(in: text, file: "test.md")
    XCTAssertEqual(blocks.map(\.command), ["kyodo --version", "kyodo tabulate 形態 --format tsv | lines 2-3"])
    XCTAssertEqual(blocks.map(\.line), [1, 5])
    XCTAssertEqual(try Self.expected(blocks[0].command).get(), blocks[0].shown)
    XCTAssertEqual(try Self.expected(blocks[1].command).get(), blocks[1].shown)
    XCTAssertEqual(
      Self.words(#"kyodo summary '環境 政策課' "a b" c"#), ["kyodo", "summary", "環境 政策課", "a b", "c"])
    XCTAssertEqual(
      try Self.expected("kyodo tabulate 形体 2>&1").get(),
      "kyodo: error: unknown item '形体'; expected an item id or title, such as a.4 (形態), a.8 (全体予算)")
    XCTAssertEqual(try Self.expected("kyodo --version | tail -1").get(), "kyodo 0.1.0")
    XCTAssertThrowsError(try Self.expected("kyodo --version | sort").get())
  }
}
