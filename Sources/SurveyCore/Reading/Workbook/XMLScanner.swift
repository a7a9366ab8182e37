import Foundation

/// A streaming scanner of the XML that workbooks are made of: it hands out one tag or text at a
/// time, reading its input a piece at a time, so a sheet of any size is read in bounded memory.
///
/// It reads what Office and LibreOffice write: elements, attributes, the five named entities and
/// character references, CDATA, comments and processing instructions (skipped). A DOCTYPE is
/// refused, since its entities are the way to make a small file expand without end. Names are
/// compared without their namespace prefix (`x:row` is `row`).
final class XMLScanner {
  /// What the scanner stopped at.
  enum Token: Equatable {
    case start
    case end
    case text
  }

  /// The most one tag or one text may take, as a record may in a text export.
  static let tokenLimit = 16 << 20

  // The stored properties read in the hot loop are not checked for exclusive access at each
  // access (a fifth of the time of reading a sheet): the scanner is used by one thread, and none
  // of its methods reaches one of them while another access to it is under way.
  @exclusivity(unchecked) private var buffer: [UInt8] = []
  @exclusivity(unchecked) private var position = 0
  @exclusivity(unchecked) private var exhausted = false
  private let source: () throws(SurveyError) -> [UInt8]?
  private let failure: (String) -> SurveyError

  @exclusivity(unchecked) private(set) var token = Token.text
  /// For a start tag: whether it closes itself (`<c r="A1"/>`).
  @exclusivity(unchecked) private(set) var isEmptyElement = false
  /// The current tag's name, and its attributes' names and values, as places in `buffer`.
  @exclusivity(unchecked) private var name = 0..<0 {
    didSet { localName = Self.localName(buffer[name]).indices }
  }
  /// The name without its prefix.
  @exclusivity(unchecked) private var localName = 0..<0
  /// The current tag's attributes are the first `attributeCount`; the array is overwritten from
  /// its start at each tag, not emptied (emptying an array of tuples is a slow generic path).
  @exclusivity(unchecked) private var attributes: [(name: Range<Int>, value: Range<Int>)] = []
  @exclusivity(unchecked) private var attributeCount = 0
  /// The current text, its entities decoded.
  var text: [UInt8] { textRange.map { Array(buffer[$0]) } ?? decodedText }
  /// The current text: its place in `buffer` when it needed no decoding, else decoded.
  @exclusivity(unchecked) private var textRange: Range<Int>?
  @exclusivity(unchecked) private var decodedText: [UInt8] = []

  /// A scanner of the bytes `source` hands out; `failure` makes the error for malformed XML,
  /// naming the part it is in.
  init(source: @escaping () throws(SurveyError) -> [UInt8]?, failure: @escaping (String) -> SurveyError) {
    self.source = source
    self.failure = failure
  }

  /// Moves to the next tag or text; false at the end of the input.
  func next() throws(SurveyError) -> Bool {
    // The bytes before the token are dropped here only, so that places found while scanning one
    // token stay valid.
    if position >= 1 << 16 {
      buffer.removeFirst(position)
      position = 0
    }
    while true {
      guard try available(1) else { return false }
      if buffer[position] != UInt8(ascii: "<") {
        try scanText()
        return true
      }
      if try scanMarkup() { return true }
    }
  }

  /// Whether the current tag's name is `local`, whatever its prefix.
  func isNamed(_ local: StaticString) -> Bool {
    let range = localName
    guard range.count == local.utf8CodeUnitCount else { return false }
    return buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return range.isEmpty }
      return memcmp(base + range.lowerBound, local.utf8Start, range.count) == 0
    }
  }

  /// Appends the current text to `bytes`, without making an array of it first.
  func appendText(to bytes: inout [UInt8]) {
    if let textRange {
      bytes.append(contentsOf: buffer[textRange])
    } else {
      bytes.append(contentsOf: decodedText)
    }
  }

  /// The value of the current tag's attribute `local` (whatever its prefix), entities decoded.
  func attribute(_ local: StaticString) throws(SurveyError) -> [UInt8]? {
    try attributeSlice(local).map(Array.init)
  }

  /// The value of the current tag's attribute `local`, entities decoded, as the bytes of the
  /// tag themselves when it has none: valid until the next token.
  func attributeSlice(_ local: StaticString) throws(SurveyError) -> ArraySlice<UInt8>? {
    let wanted = UnsafeBufferPointer(start: local.utf8Start, count: local.utf8CodeUnitCount)
    for attribute in attributes.prefix(attributeCount)
    where Self.localName(buffer[attribute.name]).elementsEqual(wanted) {
      let raw = buffer[attribute.value]
      guard raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D }) else { return raw }
      return try decode(raw)[...]
    }
    return nil
  }

  private static func localName(_ name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return name }
    return name[(colon + 1)...]
  }

  /// Whether `count` bytes from `position` are in the buffer, reading more as needed.
  private func available(_ count: Int) throws(SurveyError) -> Bool {
    while buffer.count - position < count {
      guard !exhausted else { return false }
      guard let more = try source() else {
        exhausted = true
        return false
      }
      buffer.append(contentsOf: more)
    }
    return true
  }

  /// The index of the first `byte` at or after `from`, reading more as needed; nil at the end.
  private func find(_ byte: UInt8, from start: Int) throws(SurveyError) -> Int? {
    var offset = start - position
    while true {
      if let found = buffer[(position + offset)...].firstIndex(of: byte) { return found }
      offset = buffer.count - position
      guard offset <= Self.tokenLimit else {
        throw failure("a tag or text longer than \(Self.tokenLimit >> 20) MB")
      }
      guard try available(offset + 1) else { return nil }
    }
  }

  private func scanText() throws(SurveyError) {
    let end = try find(UInt8(ascii: "<"), from: position) ?? buffer.count
    let raw = buffer[position..<end]
    if raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D }) {
      (textRange, decodedText) = (nil, try decode(raw))
    } else {
      textRange = position..<end
    }
    position = end
    token = .text
  }

  /// Reads a tag, or skips a comment, declaration or instruction (then returns false).
  private func scanMarkup() throws(SurveyError) -> Bool {
    guard try available(2) else { throw failure("a \"<\" at the end of the part") }
    switch buffer[position + 1] {
    case UInt8(ascii: "?"):
      try skip(past: Array("?>".utf8))
      return false
    case UInt8(ascii: "!"):
      return try scanDeclaration()
    case UInt8(ascii: "/"):
      guard let close = try find(UInt8(ascii: ">"), from: position) else {
        throw failure("an end tag that never closes")
      }
      name = Self.trimmed(buffer, (position + 2)..<close)
      attributeCount = 0
      position = close + 1
      token = .end
      return true
    default:
      try scanStartTag()
      return true
    }
  }

  private func scanDeclaration() throws(SurveyError) -> Bool {
    let cdata = Array("<![CDATA[".utf8)
    if try available(cdata.count), buffer[position..<(position + cdata.count)].elementsEqual(cdata) {
      let start = position + cdata.count
      let end = try skip(past: Array("]]>".utf8))
      (textRange, decodedText) = (nil, Array(buffer[start..<(end - 3)]))
      token = .text
      return true
    }
    if try available(4), buffer[position..<(position + 4)].elementsEqual(Array("<!--".utf8)) {
      try skip(past: Array("-->".utf8))
      return false
    }
    throw failure("a DOCTYPE or other declaration, which workbooks do not have")
  }

  /// Moves past the next `terminator`; returns the position after it.
  @discardableResult
  private func skip(past terminator: [UInt8]) throws(SurveyError) -> Int {
    var from = position
    while true {
      guard let last = terminator.last, let found = try find(last, from: from) else {
        throw failure("a comment, instruction or CDATA section that never ends")
      }
      let start = found - terminator.count + 1
      if start >= position, buffer[start...found].elementsEqual(terminator) {
        position = found + 1
        return position
      }
      from = found + 1
    }
  }

  /// Reads `<name attribute="value" …>` or `…/>`, quotes respected.
  private func scanStartTag() throws(SurveyError) {
    var index = position + 1
    var quote: UInt8 = 0
    // The bytes are looked at through a pointer, a buffer's worth at a time: reading the stored
    // array byte by byte would check exclusive access at each byte.
    while true {
      let end: Int? = buffer.withUnsafeBufferPointer { bytes in
        while index < bytes.count {
          let byte = bytes[index]
          if quote != 0 {
            if byte == quote { quote = 0 }
          } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            quote = byte
          } else if byte == UInt8(ascii: ">") {
            return index
          }
          index += 1
        }
        return nil
      }
      if let end {
        index = end
        break
      }
      guard index - position <= Self.tokenLimit else {
        throw failure("a tag longer than \(Self.tokenLimit >> 20) MB")
      }
      guard try available(index - position + 1) else { throw failure("a tag that never closes") }
    }
    isEmptyElement = buffer[index - 1] == UInt8(ascii: "/")
    try parseTag((position + 1)..<(isEmptyElement ? index - 1 : index))
    position = index + 1
    token = .start
  }

  private func parseTag(_ range: Range<Int>) throws(SurveyError) {
    var index = range.lowerBound
    while index < range.upperBound, !Self.isSpace(buffer[index]) { index += 1 }
    name = range.lowerBound..<index
    attributeCount = 0
    while true {
      while index < range.upperBound, Self.isSpace(buffer[index]) { index += 1 }
      guard index < range.upperBound else { return }
      let nameStart = index
      while index < range.upperBound, buffer[index] != UInt8(ascii: "="), !Self.isSpace(buffer[index]) {
        index += 1
      }
      let attributeName = nameStart..<index
      while index < range.upperBound, Self.isSpace(buffer[index]) { index += 1 }
      guard index + 1 < range.upperBound, buffer[index] == UInt8(ascii: "=") else {
        throw failure("an attribute without a value in a tag")
      }
      index += 1
      while index < range.upperBound, Self.isSpace(buffer[index]) { index += 1 }
      guard index < range.upperBound else { throw failure("an attribute without a value in a tag") }
      let quote = buffer[index]
      guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
        let close = buffer[(index + 1)..<range.upperBound].firstIndex(of: quote)
      else { throw failure("an attribute value without quotes") }
      if attributeCount < attributes.count {
        attributes[attributeCount] = (attributeName, (index + 1)..<close)
      } else {
        attributes.append((attributeName, (index + 1)..<close))
      }
      attributeCount += 1
      index = close + 1
    }
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var end = range.upperBound
    while end > range.lowerBound, isSpace(bytes[end - 1]) { end -= 1 }
    return range.lowerBound..<end
  }

  /// The text with its entities and character references replaced, and its line ends made line
  /// feeds (XML 1.0, 2.11).
  private func decode(_ raw: ArraySlice<UInt8>) throws(SurveyError) -> [UInt8] {
    guard raw.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D }) else { return Array(raw) }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
      let byte = raw[index]
      if byte == 0x0D {
        decoded.append(0x0A)
        index += raw.index(after: index) < raw.endIndex && raw[index + 1] == 0x0A ? 2 : 1
        continue
      }
      guard byte == UInt8(ascii: "&") else {
        decoded.append(byte)
        index += 1
        continue
      }
      guard let semicolon = raw[index...].firstIndex(of: UInt8(ascii: ";")), semicolon - index <= 10 else {
        throw failure("an \"&\" that starts no entity")
      }
      decoded.append(contentsOf: try XMLEntity.expand(raw[(index + 1)..<semicolon], failure: failure))
      index = semicolon + 1
    }
    return decoded
  }
}
