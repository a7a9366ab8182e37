/// The formats `kyodo summary` prints in: for reading on a terminal, for pasting into documents,
/// and a self-contained page for printing.
public enum SummaryFormat: String, Sendable, CaseIterable {
  /// Aligned by display width, for a terminal.
  case text
  /// GitHub-flavoured Markdown: headings, tables and a checklist.
  case markdown
  /// One HTML page with its styles and charts inside, laid out for A4 printing.
  case html

  public func render(_ document: SummaryDocument, options: RenderOptions = RenderOptions()) -> String {
    switch self {
    case .text: SummaryTextRenderer(options: options).render(document)
    case .markdown: SummaryMarkdownRenderer(options: options).render(document)
    case .html: SummaryHTMLRenderer(options: options).render(document)
    }
  }

  /// Writes a document to `sink` a piece at a time (about 64 KB a call): an outline's rows
  /// (`SummaryDocument.outline`) are read as they are written, none kept.
  public func write<Failure: Error>(
    _ document: SummaryDocument, options: RenderOptions = RenderOptions(),
    to sink: (String) throws(Failure) -> Void
  ) throws(Failure) {
    switch self {
    case .text: try SummaryTextRenderer(options: options).write(document, to: sink)
    case .markdown: try SummaryMarkdownRenderer(options: options).write(document, to: sink)
    case .html: try SummaryHTMLRenderer(options: options).write(document, to: sink)
    }
  }
}
