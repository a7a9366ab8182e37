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
}
