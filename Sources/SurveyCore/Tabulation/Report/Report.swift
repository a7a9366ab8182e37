/// A report: the tables of one run, in order, under headings.
public struct Report: Sendable {
  public var title: String
  public var sections: [ReportSection]

  public init(title: String, sections: [ReportSection]) {
    self.title = title
    self.sections = sections
  }

  public var tables: [Table] { sections.flatMap(\.tables) }
}
