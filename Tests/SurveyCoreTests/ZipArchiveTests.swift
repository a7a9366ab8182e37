import Foundation
import XCTest

@testable import SurveyCore

/// ZIP archives written by Python's zipfile (and one ZIP64 archive written by hand with struct,
/// read back by zipfile: Fixtures/zip/make-fixtures.py); the members' expected bytes are the
/// files the script wrote beside them.
final class ZipArchiveTests: XCTestCase {
  private func archive(_ name: String) throws -> ZipArchive {
    try ZipArchive(url: InflaterTests.fixtures.appendingPathComponent(name), file: name)
  }

  private func read(_ member: String, of archive: ZipArchive) throws -> [UInt8] {
    guard let found = archive.member(named: member) else {
      XCTFail("no \(member)")
      return []
    }
    let reader = try archive.contents(of: found)
    var bytes: [UInt8] = []
    while let piece = try reader.next() { bytes += piece }
    return bytes
  }

  private func withCopy(_ bytes: [UInt8], _ body: (ZipArchive) throws -> Void) throws -> SurveyError? {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kyodo-zip-\(UUID().uuidString).xlsx")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      try body(try ZipArchive(url: url, file: "調査.xlsx"))
      return nil
    } catch let error as SurveyError {
      return error
    }
  }

  func testMembersListedAndInflated() throws {
    let zip = try archive("members.zip")
    XCTAssertEqual(
      zip.members.map(\.name), ["xl/text.xml", "xl/noise.bin", "stored.txt", "tiny.txt", "empty.txt"])
    let text = try InflaterTests.fixture("text.txt")
    XCTAssertEqual(try read("xl/text.xml", of: zip), text)
    XCTAssertEqual(try read("xl/noise.bin", of: zip), try InflaterTests.fixture("noise.bin"))
    XCTAssertEqual(try read("stored.txt", of: zip), Array(text.prefix(5000)))
    XCTAssertEqual(try read("tiny.txt", of: zip), [0x61])
    XCTAssertEqual(try read("empty.txt", of: zip), [])
  }

  func testZip64SizesAndOffsets() throws {
    let zip = try archive("zip64.zip")
    XCTAssertEqual(zip.members.first?.size, 119_200)
    XCTAssertEqual(try read("xl/text.xml", of: zip), try InflaterTests.fixture("text.txt"))
  }

  func testBrokenArchivesNameWhatIsWrong() throws {
    let good = try InflaterTests.fixture("members.zip")
    let notZip = try withCopy(Array("部\t課\r\n".utf8)) { _ in }
    XCTAssertEqual(
      notZip?.description,
      "調査.xlsx: error: a damaged workbook: no ZIP end record (not a ZIP file, or one cut short); "
        + "expected a workbook as Excel saves it")
    XCTAssertNotNil(try withCopy(Array(good.prefix(good.count - 30))) { _ in })
    // The first member's data (after its 30-byte header and 11-byte name) with a byte changed:
    // an invalid stream or a failed CRC, never a crash.
    var damaged = good
    damaged[30 + 11 + 100] ^= 0xFF
    let error = try withCopy(damaged) { zip in _ = try self.read("xl/text.xml", of: zip) }
    XCTAssertTrue(
      error?.description.hasPrefix("調査.xlsx: error: a damaged workbook: xl/text.xml ") ?? false,
      "\(String(describing: error))")
  }

  func testEncryptedMemberIsRefused() throws {
    var bytes = try InflaterTests.fixture("members.zip")
    // Set bit 0 (encrypted) of the flags of the first central directory header.
    guard
      let header = (0..<(bytes.count - 4)).first(where: { bytes[$0..<($0 + 4)] == [0x50, 0x4B, 0x01, 0x02] })
    else { return XCTFail("no central directory") }
    bytes[header + 8] |= 1
    let error = try withCopy(bytes) { zip in _ = try self.read("xl/text.xml", of: zip) }
    XCTAssertEqual(
      error?.description,
      "調査.xlsx: error: an encrypted workbook (xl/text.xml is protected by a password); "
        + "expected a workbook saved without a password to open it")
  }
}
