// The fuzz target for kyodo's readers and cell parsers (libFuzzer, `scripts/fuzz.sh`).
//
// It is compiled together with the sources of SurveyCore, outside the package, so that
// `swift build` and `swift test` never see it. Each input is fed, as bytes, to:
// - TextDecoding.decode (encoding detection) and TSVReader (quoting, line ends);
// - CodebookLoader (the codebook is a TSV file too);
// - ExportLoader for every form of the bundled codebook, behind that form's real header line, so
//   the rows reach fill-down and every item's cell parser;
// - CellParser for every item of the bundled codebook, with the whole input as one cell;
// - Checker, the `kyodo check` validation, with the input as each form's export;
// - the fast paths against the slow ones: the UTF-8 check against the standard library, the
//   transcoders in pieces against whole, plain amounts against the amount parser;
// - the ways of reading against each other: a counting reader's combinations, rows and diagnostics
//   against the whole rows `FormReader.next()` gives; an export read in small chunks
//   (`FileChunks`) against the same bytes decoded and read whole;
// - amounts' figures written out to a temporary file and read back, against the same kept in
//   memory and a dictionary;
// - the workbook readers (FuzzWorkbook.swift): DEFLATE, ZIP, the XML of shared strings and sheets,
//   and the CSV converter.
// Any crash, trap, hang (-timeout) or memory blow-up (-rss_limit_mb, -malloc_limit_mb) is a finding.

import Foundation

/// The bundled codebook and each form's header line, read once.
let fuzzSetup: (codebook: Codebook, headers: [String: [UInt8]], exports: [String: [UInt8]]) = {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  let data = root.appendingPathComponent("data")
  guard
    let codebookData = FileManager.default.contents(atPath: data.appendingPathComponent("codebook.tsv").path),
    let codebook = try? CodebookLoader.load(utf8: Array(codebookData), file: "codebook.tsv")
  else {
    fatalError("the fuzz target needs data/codebook.tsv next to Fuzz/")
  }
  var headers: [String: [UInt8]] = [:]
  var exports: [String: [UInt8]] = [:]
  for form in codebook.forms {
    let bytes = Array(
      FileManager.default.contents(atPath: data.appendingPathComponent(form.file).path) ?? Data())
    exports[form.id] = bytes
    let end = bytes.firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
    headers[form.id] = Array(bytes[..<end])
  }
  return (codebook, headers, exports)
}()

/// Whether only the workbook readers are fuzzed (`KYODO_FUZZ=workbook`).
let fuzzWorkbookOnly = ProcessInfo.processInfo.environment["KYODO_FUZZ"] == "workbook"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
  let input = Array(UnsafeBufferPointer(start: start, count: count))
  // KYODO_FUZZ=workbook runs the workbook readers alone, many times as many inputs a second.
  if fuzzWorkbookOnly {
    FuzzWorkbook.run(input)
    return 0
  }
  let setup = fuzzSetup
  let codebook = setup.codebook

  // The reader: decoding, then every record.
  if let decoded = try? TextDecoding.decode(input, file: "fuzz.tsv") {
    var reader = TSVReader(utf8: decoded.utf8, file: "fuzz.tsv")
    _ = try? reader.readAll()
    _ = try? CodebookLoader.load(utf8: decoded.utf8, file: "fuzz.tsv")
  }
  // Rows behind each form's real header.
  for form in codebook.forms {
    let bytes = (setup.headers[form.id] ?? []) + input
    _ = try? ExportLoader.load(form, utf8: bytes, encoding: .utf8, file: "fuzz.tsv", codebook: codebook)
  }
  // The whole input as one cell of every item.
  let cell = String(decoding: input, as: UTF8.self)
  if cell.utf8.count <= 2048 {
    let location = CellLocation(file: "fuzz.tsv", line: 1, column: 1, item: "fuzz")
    for item in codebook.allItems {
      _ = CellParser.parse(cell, item: item, codebook: codebook, at: location)
    }
  }
  FuzzChecks.run(input, setup: setup)
  FuzzCounting.run(input, setup: setup)
  FuzzWorkbook.run(input)
  return 0
}
