// The part of the fuzz target that checks the fast paths of a counting pass against the slow ones
// (see FuzzReading.swift): any disagreement traps, and is a finding.

import Foundation

enum FuzzCounting {
  static func run(
    _ input: [UInt8], setup: (codebook: Codebook, headers: [String: [UInt8]], exports: [String: [UInt8]])
  ) {
    // The UTF-8 check agrees with the standard library's decoder.
    let offset = TextDecoding.firstInvalidUTF8Offset(input)
    if (offset == nil) != (String(validating: input, as: UTF8.self) != nil) {
      fatalError("UTF-8 check: offset \(String(describing: offset)) against the standard library")
    }
    if let offset, String(validating: input[..<offset], as: UTF8.self) == nil {
      fatalError("UTF-8 check: the bytes before offset \(offset) are not valid")
    }
    // Transcoding in pieces, cut where the input's first byte says, gives what the whole gives.
    if let cut = input.first {
      for encoding in [TextEncoding.cp932, .utf16LittleEndian, .utf16BigEndian] {
        let whole = transcoded(input, as: encoding, pieces: input.count)
        let pieces = transcoded(input, as: encoding, pieces: Int(cut % 7) + 1)
        if whole.output != pieces.output || whole.failure != pieces.failure {
          fatalError("\(encoding) in pieces of \(cut % 7 + 1): \(pieces) against the whole's \(whole)")
        }
      }
    }
    let codebook = setup.codebook
    // A plain amount read from its bytes is what the parser reads, with no diagnostic.
    let cell = String(decoding: input, as: UTF8.self)
    if input.count <= 256, String(validating: input, as: UTF8.self) != nil {
      for item in codebook.allItems where item.kind == .amount {
        guard let reader = PlainAmountReader(item: item, units: codebook.amountUnits) else { continue }
        let read = input.withUnsafeBufferPointer { reader.read($0) }
        guard let read else { continue }
        let location = CellLocation(file: "fuzz.tsv", line: 1, column: 1, item: "fuzz")
        let parsed = CellParser.parse(cell, item: item, codebook: codebook, at: location)
        guard parsed.diagnostics.isEmpty, case .amount(let amount) = parsed.value, amount.yen == read.yen,
          amount.answer.code == read.code
        else { fatalError("plain amount \(read) of '\(cell)' against the parser's \(parsed)") }
      }
    }
    // A part counter reports what the row-by-row reader reports, line for line.
    for form in codebook.forms where !form.isRoster {
      let bytes = (setup.headers[form.id] ?? []) + input
      var rows = RowReader(form, reader: TSVReader(utf8: bytes, file: "fuzz.tsv"), file: "fuzz.tsv", codebook: codebook)
      let counting = RowReader(
        form, reader: TSVReader(utf8: bytes, file: "fuzz.tsv"), file: "fuzz.tsv", codebook: codebook)
      guard rows.hasHeader else { continue }
      var count = 0
      while rows.next() != nil { count += 1 }
      var part = PartCounter(
        form: form, file: "fuzz.tsv", reader: counting.reader, columns: counting.columns,
        headerCount: counting.headerCount, codebook: codebook, groups: [], read: [], log: counting.log,
        unitLookup: nil, checksUnits: false)
      part.run(stopAt: nil)
      let expected = rows.log.diagnostics.map(\.description)
      let found = part.log.diagnostics.map(\.description)
      if found != expected || part.rowCount != count {
        fatalError("counting pass: \(part.rowCount) rows, \(found) against \(count) rows, \(expected)")
      }
    }
  }

  /// The UTF-8 a transcoder gives for `bytes` in pieces of `size`, up to its failure if any.
  static func transcoded(_ bytes: [UInt8], as encoding: TextEncoding, pieces size: Int) -> (
    output: [UInt8], failure: Transcoder.Failure?
  ) {
    guard var transcoder = Transcoder(encoding) else { return (bytes, nil) }
    var output: [UInt8] = []
    var start = 0
    repeat {
      let end = min(bytes.count, start + max(1, size))
      let piece = Array(bytes[start..<end])
      do throws(Transcoder.Failure) {
        try piece.withUnsafeBufferPointer { buffer throws(Transcoder.Failure) in
          try transcoder.transcode(buffer, atEnd: end == bytes.count, into: &output)
        }
      } catch {
        // What was written before a failure may differ with the cut; the failure may not.
        return ([], error)
      }
      start = end
    } while start < bytes.count
    return (output, nil)
  }
}
