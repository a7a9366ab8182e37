import Foundation
import XCTest

@testable import SurveyCore

/// Tests on the bundled 2010 survey in `data/`, with ways to look into its summaries.
protocol BundledSurveyTesting {}

extension BundledSurveyTesting {
  static var dataDirectory: URL {
    URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("data")
  }

  func survey() throws -> Survey {
    try Survey.load(directory: Self.dataDirectory)
  }

  func summary(_ name: String, in survey: Survey) throws -> UnitSummary {
    try UnitSummary.make(try TargetResolution.resolve(name, in: survey).target, in: survey)
  }

  func entries(_ summary: UnitSummary, form: String) -> [UnitSummary.Entry] {
    summary.forms.first { $0.form.id == form }?.entries ?? []
  }

  func answer(_ entry: UnitSummary.Entry, _ itemID: String) -> [String] {
    entry.answers.first { $0.item.id == itemID }?.lines ?? ["(no such item)"]
  }
}
