// The part of the fuzz target that checks the fast paths of reading against the slow ones and the
// ways of reading an export against each other (see FuzzReading.swift): any disagreement traps,
// and is a finding.

import Foundation

enum FuzzCounting {
  typealias Setup = (codebook: Codebook, headers: [String: [UInt8]], exports: [String: [UInt8]])

  static let file = "fuzz.tsv"

  static func run(_ input: [UInt8], setup: Setup) {
    checkUTF8(input)
    checkTranscoders(input)
    checkPlainAmounts(input, codebook: setup.codebook)
    checkFigureSpill(input)
    let codebook = setup.codebook
    // Chunk sizes chosen by the input: from one byte to more than the fuzzer's longest input.
    let sizes = [1, 2, 3, 7, 64, 255, 4096, FileChunks.defaultChunkSize]
    let countingChunk = sizes[Int(input.last ?? 0) % sizes.count]
    let wholeChunk = sizes[Int(input.first ?? 0) % sizes.count]
    for form in codebook.forms {
      let bytes = (setup.headers[form.id] ?? []) + input
      if !form.isRoster {
        compareCounting(form, bytes: bytes, chunkSize: countingChunk, pairSeed: input, codebook: codebook)
      }
      compareWholeAndChunks(form, bytes: bytes, chunkSize: wholeChunk, codebook: codebook)
    }
    // The input alone, its first line as the header: every encoding, BOMs included.
    if let roster = codebook.forms.first(where: { $0.isRoster }) {
      compareWholeAndChunks(roster, bytes: input, chunkSize: wholeChunk, codebook: codebook)
    }
  }

  /// The UTF-8 check agrees with the standard library's decoder.
  static func checkUTF8(_ input: [UInt8]) {
    let offset = TextDecoding.firstInvalidUTF8Offset(input)
    if (offset == nil) != (String(validating: input, as: UTF8.self) != nil) {
      fatalError("UTF-8 check: offset \(String(describing: offset)) against the standard library")
    }
    if let offset, String(validating: input[..<offset], as: UTF8.self) == nil {
      fatalError("UTF-8 check: the bytes before offset \(offset) are not valid")
    }
  }

  /// Transcoding in pieces, cut where the input's first byte says, gives what the whole gives.
  static func checkTranscoders(_ input: [UInt8]) {
    guard let cut = input.first else { return }
    for encoding in [TextEncoding.cp932, .utf16LittleEndian, .utf16BigEndian] {
      let whole = transcoded(input, as: encoding, pieces: input.count)
      let pieces = transcoded(input, as: encoding, pieces: Int(cut % 7) + 1)
      if whole.output != pieces.output || whole.failure != pieces.failure {
        fatalError("\(encoding) in pieces of \(cut % 7 + 1): \(pieces) against the whole's \(whole)")
      }
    }
  }

  /// A plain amount read from its bytes is what the parser reads, with no diagnostic.
  static func checkPlainAmounts(_ input: [UInt8], codebook: Codebook) {
    guard input.count <= 256, let cell = String(validating: input, as: UTF8.self) else { return }
    for item in codebook.allItems where item.kind == .amount {
      guard let reader = PlainAmountReader(item: item, units: codebook.amountUnits),
        let read = input.withUnsafeBufferPointer({ reader.read($0) })
      else { continue }
      let location = CellLocation(file: file, line: 1, column: 1, item: "fuzz")
      let parsed = CellParser.parse(cell, item: item, codebook: codebook, at: location)
      guard parsed.diagnostics.isEmpty, case .amount(let amount) = parsed.value, amount.yen == read.yen,
        amount.answer.code == read.code
      else { fatalError("plain amount \(read) of '\(cell)' against the parser's \(parsed)") }
    }
  }

  /// Figures written out to a spill now and then, where the input says, and summed less others,
  /// read back as the same figures kept in memory: each three bytes of the input a figure (two
  /// bytes, spread over every size of step), a weight, which part it goes to, and whether that
  /// part is then written out.
  static func checkFigureSpill(_ input: [UInt8]) {
    let spill = FigureSpill(directory: FileManager.default.temporaryDirectory)
    var written = [FigureCounts(), FigureCounts(), FigureCounts()]
    var kept = written
    var taken = FigureCounts()
    var expected: [Int: Int] = [:]
    for at in stride(from: 0, to: input.count - 2, by: 3) {
      let figure = (Int(input[at]) << 8 | Int(input[at + 1])) << Int(input[at + 2] % 32)
      let (weight, part) = (Int(input[at + 2] >> 5 & 3) + 1, Int(input[at + 2] >> 7) + Int(input[at] & 1))
      written[part].add(figure, weight: weight)
      kept[part].add(figure, weight: weight)
      if input[at + 1] & 3 == 0 { _ = written[part].spill(to: spill) }
      expected[figure, default: 0] += 2 * weight
      if input[at + 1] & 4 == 0 {
        taken.add(figure, weight: 1)
        expected[figure, default: 0] -= 1
      }
    }
    let ranks = Array(0..<8).map { kept[0].occurrences.reduce(0) { $0 + $1.count } * $0 / 8 }
    for (one, other) in zip(written, kept) {
      guard one.occurrences.map(\.value) == other.occurrences.map(\.value),
        one.occurrences.map(\.count) == other.occurrences.map(\.count), one.minimum == other.minimum,
        one.maximum == other.maximum
      else { fatalError("figures written out: \(one.occurrences) against \(other.occurrences) kept") }
    }
    guard written[0].orderStatistics(ranks) == kept[0].orderStatistics(ranks) else {
      fatalError("order statistics of figures written out differ at ranks \(ranks)")
    }
    // A figure taken away once for each time it was added (at least once): counts never below 0.
    let sum = FigureCounts.sum(written + written, less: taken, spill: spill)
    let keptSum = FigureCounts.sum(kept + kept, less: taken)
    let counted = expected.filter { $0.value != 0 }.sorted { $0.key < $1.key }
    guard sum.occurrences.map(\.count) == keptSum.occurrences.map(\.count),
      sum.occurrences.map(\.value) == keptSum.occurrences.map(\.value),
      keptSum.occurrences.map(\.value) == counted.map(\.key),
      keptSum.occurrences.map(\.count) == counted.map(\.value)
    else { fatalError("a sum of figures written out: \(sum.occurrences), in memory \(keptSum.occurrences)") }
    do {
      try spill.check()
    } catch {
      fatalError("the spill could not read its figures back: \(error)")
    }
  }

  /// A reader of whole rows over `bytes` in chunks of `chunkSize`, as a row-by-row pass opens an
  /// export (the chunks check UTF-8), and its chunks.
  static func rowReader(_ form: Form, bytes: [UInt8], chunkSize: Int, codebook: Codebook) -> (
    FormReader, FileChunks
  ) {
    let chunks = FileChunks(bytes: bytes, file: file, chunkSize: chunkSize)
    let reader = FormReader(
      form, reader: TSVReader(source: chunks, file: file), file: file, codebook: codebook)
    return (reader, chunks)
  }

  /// (a) A counting reader counts what the whole rows of the same export hold: for each item alone
  /// and for a pair of items, the same counting values (`Value.counted(as:)`) the same number of
  /// times; the same rows; the same diagnostics in the same order, on the same lines. Counted once
  /// with every item read, once with only the pair read (free text and identifiers are skipped).
  static func compareCounting(
    _ form: Form, bytes: [UInt8], chunkSize: Int, pairSeed: [UInt8], codebook: Codebook
  ) {
    let items = form.items.indices
    guard items.count >= 2 else { return }
    let first = Int(pairSeed.first ?? 0) % items.count
    var second = Int(pairSeed.dropFirst().first ?? 1) % items.count
    if second == first { second = (first + 1) % items.count }
    let pair = [min(first, second), max(first, second)]

    // Whole rows, and what they count.
    var (rows, _) = rowReader(form, bytes: bytes, chunkSize: chunkSize, codebook: codebook)
    var alone = [[[Value]: Int]](repeating: [:], count: items.count)
    var pairs: [[Value]: Int] = [:]
    var rowCount = 0
    while let row = rows.next() {
      rowCount += 1
      let counted = items.map { row.values[$0].counted(as: form.items[$0].kind) }
      for item in items { alone[item][[counted[item]], default: 0] += 1 }
      pairs[pair.map { counted[$0] }, default: 0] += 1
    }

    let damaged = TextDecoding.firstInvalidUTF8Offset(bytes) != nil || bytes.contains(0)
    // Shared as a pass's parts share it: the second reading finds the cells the first parsed.
    let parsedCells = ParsedCells(items: form.items)
    for readsAll in [true, false] {
      let groups = readsAll ? items.map { [$0] } + [pair] : [pair]
      let expected = readsAll ? alone + [pairs] : [pairs]
      // As a counting pass opens it: the header read as a row-by-row pass reads it, then the
      // chunks leave UTF-8 to the counting reader.
      let (opened, chunks) = rowReader(form, bytes: bytes, chunkSize: chunkSize, codebook: codebook)
      // A pass never counts an export whose header could not be read: loading it failed.
      guard opened.hasHeader, !opened.failed else { return }
      chunks.leavesUTF8ToReader = true
      var counting = opened.counting(
        reader: opened.reader, log: opened.log, groups: groups, read: Set(groups.joined()), unitLookup: nil,
        checksUnits: false, checkingUTF8Of: chunks, sharing: parsedCells)
      var counted = [[[Value]: Int]](repeating: [:], count: groups.count)
      // Handed over and dropped whenever it pauses, as a part read alone is.
      repeat {
        counting.run(stopAt: nil, pausingAbove: 0)
        for group in groups.indices {
          let part = counting
          let members = part.items(of: group)
          if members != groups[group] {
            fatalError("counting reader: group \(group) reads items \(members), not \(groups[group])")
          }
          part.forEachCombination(of: group) { key, count in
            let values = members.indices.map { part.value(item: members[$0], id: key[$0]) }
            if count <= 0 { fatalError("counting reader: \(values) counted \(count) times") }
            counted[group][values, default: 0] += count
          }
          counting.dropCounts(group)
        }
      } while counting.paused
      let what =
        "counting reader (\(readsAll ? "every item" : "only items \(pair)") read, chunks of \(chunkSize))"
      let found = (counting.log.diagnostics, counting.rowCount, counting.rowsRead, counting.failed)
      let wanted = (rows.log.diagnostics, rowCount, rows.rowsRead, rows.failed)
      guard damaged else {
        if found.0 != wanted.0 {
          fatalError("\(what): diagnostics " + difference(found.0, wanted.0, against: "the whole rows'"))
        }
        if found.1 != wanted.1 || found.2 != wanted.2 || found.3 != wanted.3 {
          fatalError(
            "\(what): rows, records, failed \((found.1, found.2, found.3)) against "
              + "\((wanted.1, wanted.2, wanted.3)) read whole")
        }
        for group in groups.indices where counted[group] != expected[group] {
          fatalError("\(what): items \(groups[group]) counted \(counted[group]) against \(expected[group])")
        }
        continue
      }
      // Bytes that are not UTF-8 (or a NUL) stop both readings, at different places: the chunks of
      // a row-by-row pass check UTF-8 before any record of theirs is read, a counting reader checks
      // each cell as it reads it. The rows before the chunk are read alike; the counting reader
      // may read more of them, and meet another error first (a NUL in a later chunk, a quote never
      // closed over the bad bytes).
      let before = wanted.0.dropLast()
      if !found.3 || !wanted.3 || found.1 < wanted.1 || !found.0.starts(with: before) {
        fatalError(
          "\(what), damaged bytes: rows, failed \(found.1), \(found.3) against \(wanted.1), \(wanted.3) "
            + "read whole; diagnostics "
            + difference(found.0, Array(before), against: "the whole rows' before"))
      }
      for group in groups.indices {
        for (values, count) in expected[group] where counted[group][values, default: 0] < count {
          fatalError(
            "\(what), damaged bytes: items \(groups[group]) counted \(values) fewer than \(count) times")
        }
      }
    }
  }

  /// (b) The same export read whole from memory (decoded at once, as the codebook is) and from its
  /// bytes in chunks of `chunkSize` (as every export is): the same rows, values and
  /// diagnostics. When decoding the whole fails, the chunks stop at the same error, after the rows
  /// before it.
  static func compareWholeAndChunks(_ form: Form, bytes: [UInt8], chunkSize: Int, codebook: Codebook) {
    // The encoding is guessed from a chunk as from the first 4 KB of the whole (UTF-16 without a
    // BOM): with a NUL in those, chunks smaller than them may guess otherwise.
    let guessedAlike =
      TextDecoding.utf16Encoding(byteOrderMark: bytes) != nil || !bytes.prefix(4096).contains(0)
    let size = guessedAlike ? chunkSize : FileChunks.defaultChunkSize
    var (chunked, chunks) = rowReader(form, bytes: bytes, chunkSize: size, codebook: codebook)
    var rows: [Row] = []
    while let row = chunked.next() { rows.append(row) }
    let what = "\(form.id) read in chunks of \(size)"

    // Known findings (fuzz run 10): exports are all read in chunks now, and the chunks take the
    // first chunk for CP932 as the whole decoding does, but these tiny chunks still differ, so
    // these inputs are only checked not to crash. With no UTF-16 BOM and `bad` the first byte that
    // breaks UTF-8:
    // - non-ASCII UTF-8 before `bad` (CP932 `ﾃｽﾄ` is C3 BD C4): decoded whole, the text is CP932
    //   when CP932 reads all of it; in chunks, an error ("expected UTF-8, as the text before them is").
    // - a NUL before `bad`: decoded whole, the error names `bad` (or CP932's NUL); in chunks, the NUL.
    let bad =
      TextDecoding.utf16Encoding(byteOrderMark: bytes) == nil
      ? TextDecoding.firstInvalidUTF8Offset(bytes) : nil

    let decoded: (utf8: [UInt8], encoding: TextEncoding)
    do throws(SurveyError) {
      decoded = try TextDecoding.decode(bytes, file: file)
    } catch {
      let expected = error.diagnostics
      if let bad, bytes[..<bad].contains(0), chunked.failed { return }
      guard chunked.failed, chunked.log.diagnostics.suffix(expected.count) == expected[...] else {
        fatalError(
          "\(what): \(chunked.log.diagnostics.map(\.description)) (failed: \(chunked.failed)) "
            + "against \(expected.map(\.description)) decoding it whole")
      }
      return
    }
    if let bad, decoded.encoding == .cp932, bytes[..<bad].contains(where: { $0 >= 0x80 }) { return }
    var wholeReader = FormReader(
      form, reader: TSVReader(utf8: decoded.utf8, file: file), file: file, codebook: codebook)
    var wholeRows: [Row] = []
    while let row = wholeReader.next() { wholeRows.append(row) }
    let whole = (diagnostics: wholeReader.log.diagnostics, rowsRead: wholeReader.rowsRead)
    if chunked.log.diagnostics != whole.diagnostics || chunked.rowsRead != whole.rowsRead {
      fatalError(
        "\(what): \(chunked.rowsRead) records against \(whole.rowsRead), diagnostics "
          + difference(chunked.log.diagnostics, whole.diagnostics, against: "those read whole"))
    }
    if rows.count != wholeRows.count
      || zip(rows, wholeRows).contains(where: { $0.line != $1.line || $0.values != $1.values })
    {
      let first = zip(rows, wholeRows).first { $0.line != $1.line || $0.values != $1.values }
      fatalError(
        "\(what): \(rows.count) rows against \(wholeRows.count) read whole; first differing: "
          + "\(String(describing: first))")
    }
    if chunks.encoding != decoded.encoding {
      fatalError("\(what): encoding \(chunks.encoding) against \(decoded.encoding) decoding it whole")
    }
  }

  /// Where two lists of diagnostics part, for a finding's message.
  static func difference(_ found: [Diagnostic], _ expected: [Diagnostic], against name: String) -> String {
    let same = zip(found, expected).prefix { $0 == $1 }.count
    return "\(found.count) against \(expected.count) of \(name), alike up to #\(same): "
      + "\(found.dropFirst(same).prefix(3).map(\.description)) against "
      + "\(expected.dropFirst(same).prefix(3).map(\.description))"
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
