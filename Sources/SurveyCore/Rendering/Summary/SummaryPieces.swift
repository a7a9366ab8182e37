/// A summary format as the pieces a document prints, in order, so that a document can be written
/// while its rows are read (`writePieces`): whatever comes before a form's rows, then each row.
protocol SummaryPieces {
  /// The lines before the first summary.
  func opening(_ document: SummaryDocument) -> [String]
  /// A summary's lines before its forms' rows: its place, its units' answers, the comparison.
  func head(_ summary: UnitSummary, index: Int, of count: Int) -> [String]
  /// A form's heading, with its number of rows (and a word when it has none).
  func formHead(_ form: UnitSummary.FormEntries) -> [String]
  /// One row of a form: its name, its place and every answer.
  mutating func entry(_ entry: UnitSummary.Entry) -> [String]
  /// A summary's lines after its forms: the hearing questions.
  func tail(_ summary: UnitSummary, questions: HearingQuestions) -> [String]
  /// The lines after the last summary.
  func closing() -> [String]
}

extension SummaryPieces {
  /// Writes a document to `sink` a piece at a time (each line ending in a line feed, about 64 KB a
  /// call): the rows of an outline's forms are read as they are written, none kept.
  func writePieces<Failure: Error>(
    of document: SummaryDocument, to sink: (String) throws(Failure) -> Void
  ) throws(Failure) {
    var buffer = ""
    var wroteLine = false
    func emit(_ lines: [String]) throws(Failure) {
      for line in lines {
        buffer += line
        buffer += "\n"
      }
      wroteLine = wroteLine || !lines.isEmpty
      guard buffer.utf8.count >= 1 << 16 else { return }
      try sink(buffer)
      buffer = ""
    }
    var pieces = self
    try emit(opening(document))
    let count = document.summaries.count
    for (index, summary) in document.summaries.enumerated() {
      try emit(head(summary, index: index, of: count))
      for (position, form) in summary.forms.enumerated() {
        try emit(formHead(form))
        try document.forEachEntry(summary: index, form: position) { (entry) throws(Failure) in
          try emit(pieces.entry(entry))
        }
      }
      try emit(tail(summary, questions: document.questions))
    }
    try emit(closing())
    // A document of no lines is one empty line, as its lines joined by line feeds and ended by one.
    if !wroteLine { buffer = "\n" }
    if !buffer.isEmpty { try sink(buffer) }
  }

  /// The whole document as one text.
  func rendered(_ document: SummaryDocument) -> String {
    var text = ""
    writePieces(of: document) { text += $0 }
    return text
  }
}
