/// A heading and its tables, e.g. one questionnaire of the standard report.
public struct ReportSection: Sendable {
  public var heading: String
  public var summary: [String]
  public var tables: [Table]

  public init(heading: String, summary: [String] = [], tables: [Table]) {
    self.heading = heading
    self.summary = summary
    self.tables = tables
  }
}
