import XCTest

@testable import SurveyCore

final class XMLScannerTests: XCTestCase {
  /// The scanner's tokens for `xml` handed out `pieceSize` bytes at a time, as text.
  private func tokens(_ xml: String, pieceSize: Int = 3) throws -> [String] {
    let bytes = Array(xml.utf8)
    var position = 0
    let scanner = XMLScanner(
      source: { () throws(SurveyError) -> [UInt8]? in
        guard position < bytes.count else { return nil }
        defer { position += pieceSize }
        return Array(bytes[position..<min(bytes.count, position + pieceSize)])
      },
      failure: { SurveyError(Diagnostic(.error, file: "sheet1.xml", found: $0)) })
    var found: [String] = []
    while try scanner.next() {
      switch scanner.token {
      case .start:
        let ref = try scanner.attribute("r").map { String(decoding: $0, as: UTF8.self) } ?? "-"
        found.append(
          "start \(scanner.isNamed("c") ? "c" : "?") r=\(ref)\(scanner.isEmptyElement ? " empty" : "")")
      case .end: found.append("end")
      case .text: found.append("text \(String(decoding: scanner.text, as: UTF8.self))")
      }
    }
    return found
  }

  func testTagsAttributesAndTextAcrossPieces() throws {
    let xml =
      "<?xml version=\"1.0\"?><!-- a > comment --><x:c r='A1' t=\"s\">1&amp;2 &#x2460;&#12354;</x:c><c r=\"a>b\"/>"
    for size in [1, 2, 5, 100] {
      XCTAssertEqual(
        try tokens(xml, pieceSize: size),
        ["start c r=A1", "text 1&2 ①あ", "end", "start c r=a>b empty"])
    }
  }

  func testCDATAAndLineEnds() throws {
    XCTAssertEqual(try tokens("<c><![CDATA[<b>&amp;]]></c>"), ["start c r=-", "text <b>&amp;", "end"])
    XCTAssertEqual(try tokens("<c>a\r\nb\rc</c>"), ["start c r=-", "text a\nb\nc", "end"])
  }

  func testDoctypeAndBrokenMarkupAreErrors() {
    // A DOCTYPE could declare entities that expand without end ("billion laughs"): refused.
    XCTAssertThrowsError(try tokens("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><c>&a;</c>")) {
      XCTAssertEqual(
        "\($0)", "sheet1.xml: error: a DOCTYPE or other declaration, which workbooks do not have")
    }
    XCTAssertThrowsError(try tokens("<c>&nbsp;</c>"))
    XCTAssertThrowsError(try tokens("<c r=\"A1"))
    XCTAssertThrowsError(try tokens("<c r=A1>"))
    XCTAssertThrowsError(try tokens("<!-- never ends"))
  }

  func testSharedStringsLeaveOutPhoneticReadings() throws {
    // Japanese Excel keeps a reading (<rPh>, furigana) beside a string; a rich-text string is
    // runs (<r>) whose texts are joined.
    let xml = """
      <sst><si><t>市民協働</t><rPh sb="0" eb="2"><t>シミン</t></rPh><phoneticPr fontId="1"/></si>\
      <si><r><rPr><b/></rPr><t>①</t></r><r><t xml:space="preserve">自治会 </t></r></si><si/>\
      <si><t>行_x000D_\n末</t></si></sst>
      """
    let strings = try SharedStrings(scanner: Self.scanner(xml))
    XCTAssertEqual(strings.count, 4)
    XCTAssertEqual(try strings.text(at: 0).map { String(decoding: $0, as: UTF8.self) }, "市民協働")
    XCTAssertEqual(try strings.text(at: 1).map { String(decoding: $0, as: UTF8.self) }, "①自治会 ")
    XCTAssertEqual(try strings.text(at: 2).map { String(decoding: $0, as: UTF8.self) }, "")
    XCTAssertEqual(try strings.text(at: 3).map { String(decoding: $0, as: UTF8.self) }, "行\r\n末")
    XCTAssertNil(try strings.text(at: 4))
  }

  func testSharedStringsPastTheMemoryLimitAreReadBackFromTheirFile() throws {
    // 3,000 strings of every length from 0 to 49 bytes (an empty one among them), kept in memory
    // up to 1 KB and the rest in a temporary file: each reads back as the XML wrote it.
    let texts = (0..<3_000).map { index in String(repeating: "協", count: index % 17) + String(index) }
    let xml = "<sst>" + texts.map { $0.isEmpty ? "<si/>" : "<si><t>\($0)</t></si>" }.joined() + "</sst>"
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kyodo-test-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let strings = try SharedStrings(
      scanner: Self.scanner(xml), spillingInto: directory, file: "t.xlsx", memoryLimit: 1_024)
    XCTAssertEqual(strings.count, 3_000)
    for (index, text) in texts.enumerated() {
      XCTAssertEqual(try strings.text(at: index).map { String(decoding: $0, as: UTF8.self) }, text)
    }
    XCTAssertNil(try strings.text(at: 3_000))
    // The files are unlinked once made: nothing is left in the directory.
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
  }

  /// A scanner of the whole of `xml`, given at once.
  private static func scanner(_ xml: String) -> XMLScanner {
    let bytes = Array(xml.utf8)
    var given = false
    return XMLScanner(
      source: { () throws(SurveyError) -> [UInt8]? in
        defer { given = true }
        return given ? nil : bytes
      },
      failure: { SurveyError(Diagnostic(.error, file: "sharedStrings.xml", found: $0)) })
  }
}
