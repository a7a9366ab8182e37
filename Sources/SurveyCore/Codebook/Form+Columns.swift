extension Form {
  /// The item each column of an export holds, given the column of each item (`nil`: none).
  func itemsByColumn(_ columns: [Int?]) -> [Int: Item] {
    var items: [Int: Item] = [:]
    for (index, column) in columns.enumerated() {
      if let column { items[column] = self.items[index] }
    }
    return items
  }

  /// The warning for an export with a header and no rows (empty when it has rows).
  func noRowsWarning(file: String, rowsRead: Int) -> DiagnosticLog {
    var log = DiagnosticLog()
    if rowsRead == 0 {
      log.append(
        Diagnostic(
          .warning, file: file, line: 1, found: "a header and no rows",
          expected: "one row per \(rowNoun) of \(title)"))
    }
    return log
  }
}
