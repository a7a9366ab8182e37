/// The words every summary format prints around the data, so the three formats say the same.
enum SummaryWords {
  static let comparison = "市全体との比較"
  static let hearing = "ヒアリング共通質問"
  static let notes = "メモ"
  static let noEntries = "なし"
  static let target = "対象"
  static let city = "市全体"
  static let handout = "ヒアリング資料"

  /// `Ａ調査票（7件）`.
  static func formHeading(_ entries: UnitSummary.FormEntries) -> String {
    "\(entries.form.title)（\(entries.count)件）"
  }

  /// `17 環境市民会議補助金`; a multi-line name is joined by a full-width space.
  static func entryHeading(_ entry: UnitSummary.Entry) -> String {
    let title = entry.title.cellLines.joined(separator: "　")
    return [entry.identifier, title].filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// Where an entry sits: `環境部 > 環境政策課 > 緑と公園係`, the 係 cell's extra lines in brackets.
  static func entryPlace(_ entry: UnitSummary.Entry) -> String {
    unitPlace(entry.unit) + (entry.team.map { " > " + $0.cellLines.joined(separator: " ") } ?? "")
  }

  /// `環境部 > 環境政策課`, or `生涯学習部 > 生涯学習課 > （スポーツ振興担当）`.
  static func unitPlace(_ unit: UnitPath) -> String {
    SummaryTarget(level: .subunit, names: unit.names, subunit: unit.subunit).path.joined(separator: " > ")
  }

  /// `ヒアリング資料 2/15`: the line each target starts with, which the PDF check counts.
  static func marker(_ index: Int, of count: Int) -> String {
    "\(handout) \(index + 1)/\(count)"
  }

  /// `42.9%（3/7）`.
  static func share(_ percent: Percent, decimals: Int) -> String {
    "\(percent.formatted(decimals: decimals) ?? "-")%（\(percent.count)/\(percent.base)）"
  }

  /// A figure's cell as people read it.
  static func text(_ cell: Cell, decimals: Int) -> String {
    RenderOptions(decimals: decimals).humanText(cell)
  }
}
