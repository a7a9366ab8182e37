/// The columns of an item whose answer is spread over one column per option (`Item.hasOptionColumns`),
/// and how a row's marks in them become the one coded cell the rest of the engine reads.
///
/// A row's cell is the chosen options' lines, `①講座` and `③広報` one per line in the codebook's
/// order, as an office that writes the answer in one cell writes it; no option chosen (every
/// column blank, 0 or ×) is a blank cell, 無回答. The column of an option whose role is `other` or
/// `text` may hold the respondent's words instead of a mark: the option is chosen with them
/// (`⑩その他（…）`). Any other cell that is no mark is an error naming its column.
struct OptionColumns: Sendable {
  let item: Item
  /// For each option of the item, in the codebook's order, its column (0-based) in the export, or
  /// nil when the header lacks it (logged by `ExportLoader.mapColumns`; the option is never chosen).
  let columns: [Int?]
  /// For each option, its line in a row's cell when chosen with a mark: its code and label.
  private let lines: [[UInt8]]

  init(item: Item, columns: [Int?]) {
    self.item = item
    self.columns = columns
    lines = item.options.map { Array(($0.mark + $0.label).utf8) }
  }

  /// Writes into `cell` a row's one cell, read from the option columns' `spans` in `buffer` (their
  /// bytes already checked to be UTF-8); a cell that is no mark is logged at its column.
  func cell(
    of spans: [FieldSpan], in buffer: UnsafeBufferPointer<UInt8>, into cell: inout [UInt8],
    at location: CellLocation, log: inout DiagnosticLog
  ) {
    cell.removeAll(keepingCapacity: true)
    for (index, column) in columns.enumerated() {
      guard let column, column < spans.count else { continue }
      let span = spans[column]
      var words: String?
      if span.isVerbatim {
        let bytes = CellBytes.trimmed(UnsafeBufferPointer(rebasing: buffer[span.start..<span.end]))
        switch OptionMark.read(bytes) {
        case .notChosen: continue
        case .chosen: words = nil
        case nil: words = String(decoding: bytes, as: UTF8.self)
        }
      } else {
        let text = TSVReader.string(of: span, in: buffer).trimmingSpaces
        switch OptionMark.read(text) {
        case .notChosen: continue
        case .chosen: words = nil
        case nil: words = text
        }
      }
      guard let line = self.line(index, words: words, column: column, at: location, log: &log) else {
        continue
      }
      if !cell.isEmpty { cell.append(UInt8(ascii: "\n")) }
      cell += line
    }
  }

  /// An option's line in a row's cell: chosen with a mark or with the option's own number (`3` or
  /// `③` in 委託's column), or with the respondent's `words` when its role takes them; nil
  /// (logged) for words in any other option's column.
  private func line(
    _ index: Int, words: String?, column: Int, at location: CellLocation, log: inout DiagnosticLog
  )
    -> [UInt8]?
  {
    guard let words else { return lines[index] }
    let option = item.options[index]
    if words == option.mark || TextNormalization.matchKey(words) == String(option.code) {
      return lines[index]
    }
    // The words stay on the option's one line: a line break would start another answer.
    let flat = words.split(whereSeparator: \.isNewline).joined(separator: " ")
    switch option.role {
    case .other where !option.label.isEmpty:
      return Array((option.mark + option.label + "（" + flat + "）").utf8)
    case .other, .text: return Array((option.mark + flat).utf8)
    default:
      var place = location
      place.column = column + 1
      log.append(
        place.diagnostic(
          .error, found: "'\(words)' in the column of option \(option.display) ('\(option.column)')",
          expected: OptionMark.expected))
      return nil
    }
  }
}
