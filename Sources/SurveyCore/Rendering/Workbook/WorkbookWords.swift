/// The Japanese words of a workbook kyodo writes, in one place.
enum WorkbookWords {
  /// The first sheet's name and heading: the list of the tables.
  static let contents = "目次"
  static let number = "No."
  static let table = "表"
  static let sheet = "シート"
  /// The font Japanese Office uses by default; LibreOffice and others substitute their own.
  static let font = "游ゴシック"
}
