// The workbook readers under fuzzing: each input is fed to the DEFLATE decoder (whole and a byte
// at a time, which must agree), to the ZIP reader as an archive, to the XML scanner as shared
// strings, as cell styles and as a worksheet (rows, merged ranges filled, dates shown; an error
// must name the sheet), to the date formats as a format code, a serial number and an ISO date, and
// to the CSV converter (whole and in pieces, which must agree). Any crash, trap, hang or disagreement is a finding.

import Foundation

enum FuzzWorkbook {
  static func run(_ input: [UInt8]) {
    inflate(input)
    zip(input)
    xml(input)
    csv(input)
  }

  /// A raw DEFLATE stream, handed over whole and a byte at a time: the same bytes or the same failure.
  private static func inflate(_ input: [UInt8]) {
    func inflated(chunkSize: Int) -> Result<[UInt8], InflateFailure> {
      var position = 0
      let inflater = Inflater(pieceSize: 997, limit: 1 << 20) { () throws(InflateFailure) -> [UInt8]? in
        guard position < input.count else { return nil }
        let end = min(input.count, position + chunkSize)
        defer { position = end }
        return Array(input[position..<end])
      }
      var output: [UInt8] = []
      do {
        while let piece = try inflater.next() { output += piece }
      } catch {
        return .failure(error)
      }
      return .success(output)
    }
    let whole = inflated(chunkSize: max(1, input.count))
    let pieces = inflated(chunkSize: 1)
    switch (whole, pieces) {
    case (.success(let a), .success(let b)) where a == b: break
    case (.failure(let a), .failure(let b)) where a == b: break
    default: fatalError("DEFLATE whole and in pieces disagree: \(whole) against \(pieces)")
    }
  }

  /// The input as a ZIP archive on disk: every member it lists, read to its end.
  private static func zip(_ input: [UInt8]) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kyodo-fuzz-\(getpid()).zip")
    guard (try? Data(input).write(to: url)) != nil else { return }
    defer { try? FileManager.default.removeItem(at: url) }
    guard let archive = try? ZipArchive(url: url, file: "fuzz.xlsx") else { return }
    for member in archive.members.prefix(8) {
      guard let reader = try? archive.contents(of: member) else { continue }
      var total = 0
      while let piece = try? reader.next() {
        total += piece.count
        if total > 4 << 20 { break }
      }
    }
    _ = try? Workbook(url: url, file: "fuzz.xlsx")
  }

  /// The input as the XML of shared strings and of a worksheet.
  private static func xml(_ input: [UInt8]) {
    // Named as Workbook names a sheet's part, so that its errors are placed at a cell.
    func scanner() -> XMLScanner {
      var given = false
      return XMLScanner(
        source: { () throws(SurveyError) -> [UInt8]? in
          defer { given = true }
          return given ? nil : input
        },
        failure: { SurveyError(Diagnostic(.error, file: "fuzz.xlsx:fuzz", found: $0)) })
    }
    let strings = (try? SharedStrings(scanner: scanner())) ?? SharedStrings()
    var styles = (try? CellStyles(scanner: scanner())) ?? CellStyles()
    styles.date1904 = input.first.map { $0 & 1 == 1 } ?? false
    let rows = SheetReader(
      scanner: scanner(), strings: strings, styles: styles, place: "fuzz.xlsx:fuzz", workbook: "fuzz.xlsx")
    var read: [SheetRow] = []
    do {
      while let row = try rows.next(), read.count < 100_000 { read.append(row) }
    } catch {
      // An error names the sheet, with a cell or a row when reading had reached one.
      for diagnostic in error.diagnostics where !diagnostic.file.hasPrefix("fuzz.xlsx:fuzz") {
        fatalError("a sheet's error names \(diagnostic.file)")
      }
    }
    var fill = MergeFill(rows.merges)
    for var row in read.prefix(1000) { fill.fill(&row) }
    dates(input)
  }

  /// The input as a number format code, a serial number and an ISO date: no trap.
  private static func dates(_ input: [UInt8]) {
    let text = String(decoding: input.prefix(256), as: UTF8.self)
    if let format = DateFormat(code: text) {
      _ = SerialDate(serial: 41365.5, date1904: false)?.text(as: format)
    }
    _ = SerialDate(iso: text)?.text(as: .dateTime(seconds: true))
    if input.count >= 8 {
      let bits = input.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
      let serial = Double(bitPattern: bits)
      for format in [DateFormat.date, .era(named: true), .era(named: false), .elapsed(seconds: true)] {
        _ = SerialDate(serial: serial, date1904: input[0] & 1 == 1)?.text(as: format)
      }
    }
  }

  /// CSV to TSV whole and in pieces of three bytes: the same bytes.
  private static func csv(_ input: [UInt8]) {
    var whole = CSVConverter()
    let once = whole.convert(input, atEnd: true)
    var pieces = CSVConverter()
    var inPieces: [UInt8] = []
    for start in stride(from: 0, to: input.count, by: 3) {
      inPieces += pieces.convert(input[start..<min(input.count, start + 3)])
    }
    inPieces += pieces.convert([UInt8](), atEnd: true)
    if once != inPieces { fatalError("CSV whole and in pieces disagree") }
  }
}
