import Foundation
import XCTest

@testable import kyodo

/// The option tables: each subcommand's command line is parsed by the options its help lists, and
/// an option that takes one value takes it once.
final class OptionTableTests: XCTestCase {
  private let by = CommandOption.single("by", "ITEM", help: "The breakdown.")
  private let filter = CommandOption.repeatable("where", "FILTER", help: "A filter.")
  private let stats = CommandOption.flag("stats", help: "Add statistics.")

  private func usageMessage(_ arguments: [String]) -> String? {
    do {
      _ = try Arguments(arguments, options: [by, filter, stats, .help])
      return nil
    } catch {
      return error.message
    }
  }

  func testAnOptionThatTakesOneValueTakesItOnce() {
    XCTAssertEqual(usageMessage(["--by", "部", "--by", "課"]), "option '--by' can be given only once")
    XCTAssertEqual(usageMessage(["--by=部", "--by", "課"]), "option '--by' can be given only once")
  }

  func testARepeatableOptionKeepsEveryValueInOrder() throws {
    let arguments = try Arguments(
      ["形態", "--where", "部=市民部", "--by", "部", "--where=形態!=委託", "--stats"],
      options: [by, filter, stats, .help])
    XCTAssertEqual(arguments.values(filter), ["部=市民部", "形態!=委託"])
    XCTAssertEqual(arguments.value(by), "部")
    XCTAssertTrue(arguments.flag(stats))
    XCTAssertFalse(arguments.flag(.help))
    XCTAssertEqual(arguments.positionals, ["形態"])
  }

  func testUndeclaredOptionsAndMisusedFlagsAreUnknown() {
    XCTAssertEqual(usageMessage(["--layer", "部"]), "unknown option '--layer'")
    XCTAssertEqual(usageMessage(["--stats=yes"]), "unknown option '--stats'")
    XCTAssertEqual(usageMessage(["-x"]), "unknown option '-x'")
    XCTAssertEqual(usageMessage(["--by"]), "option '--by' needs a value")
    XCTAssertNil(usageMessage(["-h", "--", "--by", "-"]))
  }

  func testTheHelpOfAnOptionIsAlignedInItsColumn() {
    XCTAssertEqual(by.helpText, "  --by ITEM           The breakdown.")
    XCTAssertEqual(CommandOption.help.helpText, "  -h, --help          Show this help.")
    let long = CommandOption.single("a-very-long-name", "VALUE", help: "First line.\nSecond line.")
    XCTAssertEqual(
      long.helpText,
      """
        --a-very-long-name VALUE
                            First line.
                            Second line.
      """)
  }

  /// Every option a subcommand parses is listed in its help, and every subcommand has examples.
  func testEverySubcommandsHelpListsTheOptionsItParses() {
    for command in Subcommand.all {
      let options = command.help.components(separatedBy: "\nOPTIONS:\n")[1]
      for option in command.allOptions {
        XCTAssertTrue(options.contains("  \(option.label)  "), "\(command.name): \(option.label)")
      }
      XCTAssertTrue(command.help.contains("\nEXAMPLES:\n  kyodo \(command.name)"), command.name)
    }
  }
}
