/// A field of the record `TSVReader.nextSpans` read: a range of the reader's buffer.
public struct FieldSpan: Sendable, Hashable {
  public var start: Int
  public var end: Int
  /// Whether the bytes are the cell's text as they stand (no `""` to undo, nothing after a
  /// closing quote); otherwise `TSVReader.string(of:)` makes the text.
  public var isVerbatim: Bool
}
