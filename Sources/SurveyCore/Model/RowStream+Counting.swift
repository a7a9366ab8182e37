import Foundation

extension RowStream {
  /// Counts every row for the consumers in one pass. A large file is read in parts of at most
  /// `partBytes`, each from a record start guessed near its place, two at a time when there is a
  /// second core. Each part counts the combinations of cells the consumers read; the consumers then
  /// get each combination once per part, with its count, part after part in file order. A pass
  /// that reaches the end records the rows and problems found, the same as a row-by-row pass.
  func count(_ consumers: [RowConsumer], form: Form) {
    guard let opened = open() else { return }
    CountingPass(self, form: form, consumers: consumers, rowReader: opened.0, chunks: opened.1).run()
  }

  /// Where the parts of a counting pass start, in stream offsets of the first part's reader (in
  /// file offsets after its start, for a CP932 file): only 0 (one part) for a small or UTF-16
  /// file, or when no record start can be guessed.
  func partStarts(chunks: FileChunks, form: Form, rowReader: FormReader) -> [Int] {
    // CP932's bytes for tab, line feed, carriage return and quote are never part of a character,
    // so a record start is found in its bytes as in UTF-8's; UTF-16's, in its pairs of bytes.
    guard let url,
      let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int,
      size >= 2 * minimumPartBytes
    else { return [0] }
    let parts = max(2, (size + partBytes - 1) / partBytes)
    let hierarchyColumns = form.items.indices.filter { form.items[$0].fillsDown }.compactMap {
      rowReader.columns[$0]
    }
    var starts = [0]
    for part in 1..<parts {
      guard
        let boundary = Self.boundary(
          in: url, near: size / parts * part, headerCount: rowReader.headerCount,
          hierarchyColumns: hierarchyColumns, encoding: chunks.encoding),
        boundary - chunks.firstOffset
          > max(
            starts.last ?? 0,
            chunks.transcodes ? chunks.rawPosition - chunks.firstOffset : rowReader.reader.offset)
      else { continue }
      starts.append(boundary - chunks.firstOffset)
    }
    return starts
  }

  /// The offset of a record start near `middle`: the first line start after it where two whole
  /// records follow with the header's number of fields, the first with its filled-down cells
  /// (部, 課 …) written (so that nothing is inherited across the parts). Nil when none is found
  /// nearby. In UTF-16 a line start is after the code unit of a line feed, and the records are
  /// read from its bytes transcoded. The guess is checked when the part before reaches it.
  static func boundary(
    in url: URL, near middle: Int, headerCount: Int, hierarchyColumns: [Int], encoding: TextEncoding = .utf8
  ) -> Int? {
    let unit = encoding == .utf16LittleEndian || encoding == .utf16BigEndian ? 2 : 1
    // UTF-16 code units start at even offsets: after the BOM's two bytes.
    let aligned = middle - middle % unit
    guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
    defer { try? handle.close() }
    guard (try? handle.seek(toOffset: UInt64(aligned))) != nil,
      let data = try? handle.read(upToCount: 1 << 20)
    else { return nil }
    let window = [UInt8](data)
    var index = 0
    while index + unit <= window.count {
      defer { index += unit }
      let isLineFeed =
        switch encoding {
        case .utf16LittleEndian: window[index] == 0x0A && window[index + 1] == 0
        case .utf16BigEndian: window[index] == 0 && window[index + 1] == 0x0A
        default: window[index] == 0x0A
        }
      guard isLineFeed else { continue }
      let start = index + unit
      guard start < window.count,
        plausibleStart(
          Array(window[start..<min(window.count, start + (256 << 10))]), encoding: encoding,
          headerCount: headerCount, hierarchyColumns: hierarchyColumns)
      else { continue }
      return aligned + start
    }
    return nil
  }

  /// Whether bytes start with two whole records of the header's number of fields, the first with
  /// its filled-down cells written (no blank line first).
  private static func plausibleStart(
    _ raw: [UInt8], encoding: TextEncoding, headerCount: Int, hierarchyColumns: [Int]
  ) -> Bool {
    var bytes = raw
    if var transcoder = Transcoder(encoding), encoding != .cp932 {
      bytes = []
      do throws(Transcoder.Failure) {
        try raw.withUnsafeBufferPointer { buffer throws(Transcoder.Failure) in
          try transcoder.transcode(buffer, atEnd: false, into: &bytes)
        }
      } catch {
        return false
      }
    }
    guard let first = bytes.first, first != 0x0A, first != 0x0D else { return false }
    var reader = TSVReader(utf8: bytes, file: "")
    var spans: [FieldSpan] = []
    for record in 0..<2 {
      guard (try? reader.nextSpans(into: &spans)) != nil, spans.count == headerCount,
        reader.offset < bytes.count
      else { return false }
      if record == 0
        && hierarchyColumns.contains(where: { reader.string(of: spans[$0]).trimmingSpaces.isEmpty })
      {
        return false
      }
    }
    return true
  }
}
