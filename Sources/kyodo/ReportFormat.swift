import SurveyCore

/// What `--format` asks for: a text format of the library's, or an Excel workbook (binary).
enum ReportFormat: Equatable {
  case text(OutputFormat)
  case workbook

  /// The names `--format` takes, in the order its error lists them.
  static let names = OutputFormat.allCases.map(\.rawValue) + ["xlsx"]

  init?(name: String) {
    if name == "xlsx" {
      self = .workbook
    } else if let format = OutputFormat(rawValue: name) {
      self = .text(format)
    } else {
      return nil
    }
  }

  /// The report in this format, as the bytes to write.
  func bytes(_ report: Report, options: RenderOptions) -> [UInt8] {
    switch self {
    case .text(let format): Array(format.render(report, options: options).utf8)
    case .workbook: WorkbookRenderer(options: options).render(report)
    }
  }
}
