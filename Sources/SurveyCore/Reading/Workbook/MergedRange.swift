/// A range of merged cells (`<mergeCell ref="A2:A5"/>`): the sheet shows the top-left cell's text
/// across it, and keeps it in that cell only.
struct MergedRange: Sendable, Equatable {
  var first: CellReference
  var last: CellReference

  /// The range `A2:A5` names, or nil when it names none.
  init?(_ text: String) {
    let corners = text.split(separator: ":")
    guard corners.count == 2, let first = CellReference(corners[0]), let last = CellReference(corners[1]),
      first.row <= last.row, first.column <= last.column
    else { return nil }
    self.first = first
    self.last = last
  }

  /// Reads the `mergeCell` elements of a worksheet. They follow its rows, so the rows' bytes are
  /// only searched for where the `mergeCells` element starts; the XML is scanned from there.
  static func all(
    in member: ZipMemberReader,
    scanner makeScanner: (@escaping () throws(SurveyError) -> [UInt8]?) -> XMLScanner
  ) throws(SurveyError) -> [MergedRange] {
    let marker = Array("mergeCells".utf8)
    var carried: [UInt8] = []
    var start: [UInt8]?
    while start == nil, let piece = try member.next() {
      let bytes = carried + piece
      if let found = firstIndex(of: marker, in: bytes),
        let open = bytes[..<found].lastIndex(of: UInt8(ascii: "<"))
      {
        start = Array(bytes[open...])
      } else {
        carried = Array(bytes.suffix(marker.count + 8))
      }
    }
    guard var pending = start else { return [] }
    let scanner = makeScanner { () throws(SurveyError) -> [UInt8]? in
      if !pending.isEmpty {
        defer { pending = [] }
        return pending
      }
      return try member.next()
    }
    var ranges: [MergedRange] = []
    while try scanner.next() {
      guard scanner.token == .start, scanner.isNamed("mergeCell"), let ref = try scanner.attribute("ref"),
        let range = MergedRange(String(decoding: ref, as: UTF8.self))
      else { continue }
      ranges.append(range)
    }
    return ranges.sorted { ($0.first.row, $0.first.column) < ($1.first.row, $1.first.column) }
  }

  private static func firstIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
    guard let first = marker.first, bytes.count >= marker.count else { return nil }
    var index = 0
    while let found = bytes[index...].firstIndex(of: first) {
      guard found + marker.count <= bytes.count else { return nil }
      if bytes[found..<(found + marker.count)].elementsEqual(marker) { return found }
      index = found + 1
    }
    return nil
  }
}
