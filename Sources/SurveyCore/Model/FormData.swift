import Foundation

/// The rows of one questionnaire's export, typed according to the codebook.
///
/// The overall form's rows are kept: they are the units every other row is placed in. Every other
/// export, of any size and whether a file or bytes in memory, is read again on each pass by the
/// one reader (`FormReader`), counted in parts (`RowStream.count`) or a row at a time: tabulation
/// takes memory in proportion to its categories, not to the rows.
public struct FormData: Sendable {
  public var form: Form
  /// The file name the rows came from, for messages.
  public var file: String
  /// The encoding of the file; for a streamed export, known for certain once a pass has read it.
  public var encoding: TextEncoding { stream?.check.encoding ?? headerEncoding }
  private let headerEncoding: TextEncoding
  private var stored: [Row]
  private var stream: RowStream?

  /// How many rows the export has (for a streamed export, known once a pass has read it).
  public var rowCount: Int { stream?.check.rowCount ?? stored.count }

  public init(form: Form, file: String, encoding: TextEncoding, rows: [Row]) {
    self.form = form
    self.file = file
    self.headerEncoding = encoding
    self.stored = rows
    self.stream = nil
  }

  /// An export read from its file on each pass.
  public init(form: Form, file: String, encoding: TextEncoding, stream: RowStream) {
    self.form = form
    self.file = file
    self.headerEncoding = encoding
    self.stored = []
    self.stream = stream
  }

  /// The problems of a streamed export, found by its first pass (made now when none has been).
  public func checked() -> [Diagnostic] {
    guard let stream else { return [] }
    if !stream.check.isDone { stream.forEach { _ in } }
    return stream.check.diagnostics
  }

  /// The same export, counted in parts of at most `partBytes`, or holding at most `combinations`
  /// before handing them over (tests count small files so).
  func counting(partBytes: Int? = nil, holding combinations: Int? = nil) -> FormData {
    var copy = self
    if let partBytes {
      copy.stream?.minimumPartBytes = 1
      copy.stream?.partBytes = partBytes
    }
    if let combinations { copy.stream?.combinationsHeld = combinations }
    return copy
  }

  /// The stream of a streamed export, for a counting pass.
  var streamForCounting: RowStream? { stream }

  /// Whether the rows are read from the file on each pass rather than kept.
  public var isStreamed: Bool { stream != nil }

  /// Every row, in file order. For a streamed export this reads the whole file into memory: passes
  /// over many rows should use `forEachRow`.
  public var rows: [Row] {
    get {
      guard let stream else { return stored }
      if let rows = stream.check.materialized { return rows }
      var rows: [Row] = []
      stream.forEach { rows.append($0) }
      stream.check.materialized = rows
      return rows
    }
    set {
      stored = newValue
    }
  }

  /// Hands every row to `body`, in file order, without keeping them.
  public func forEachRow(_ body: (Row) throws -> Void) rethrows {
    if let stream {
      try stream.forEach(body)
    } else {
      for row in stored { try body(row) }
    }
  }

  /// Hands the rows `keeps` accepts to `body`, in file order, without keeping them. `keeps` may
  /// see only the cells of `items` (and the row's unit): a streamed export already checked reads
  /// the other cells of the rows it keeps only (`RowStream.forEach(reading:keeping:_:)`).
  public func forEachRow<Failure: Error>(
    reading items: [Int], keeping keeps: @escaping (Row) -> Bool, _ body: (Row) throws(Failure) -> Void
  ) throws(Failure) {
    if let stream {
      try stream.forEach(reading: items, keeping: keeps, body)
    } else {
      for row in stored where keeps(row) { try body(row) }
    }
  }

  /// The position of an item in this form's rows, or nil when the item is another form's.
  public func index(of item: Item) -> Int? {
    form.items.firstIndex { $0.id == item.id }
  }

  /// The first item of a kind, such as the department column.
  public func index(of kind: ItemKind) -> Int? {
    form.items.firstIndex { $0.kind == kind }
  }

  /// The text a row holds for a hierarchy or identifier item, or "" when it has none.
  public func text(of kind: ItemKind, in row: Row) -> String {
    guard let index = index(of: kind) else { return "" }
    return row.values[index].text ?? ""
  }
}
