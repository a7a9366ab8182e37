/// Labels set in a column before their answers: the start of each label's first line (the label
/// padded with spaces to the widest, by display width) and of its further lines. Made once for a
/// list of items and used again while the items are the same: every row of a form has them.
struct LabelColumn {
  /// The ids of the labels' items.
  let items: [String]
  let indent: Int
  /// Each label's first line start: the margin, the padded label and two spaces.
  let heads: [String]
  /// A further line's start: the margin, spaces as wide as the labels, two spaces.
  let continuation: String

  init(_ answers: [DecodedAnswer], indent: Int, ambiguousIsWide: Bool) {
    items = answers.map(\.item.id)
    self.indent = indent
    let labels = answers.map(\.label)
    let widths = labels.map { DisplayWidth.of($0, ambiguousIsWide: ambiguousIsWide) }
    let width = widths.max() ?? 0
    let margin = String(repeating: " ", count: indent)
    heads = zip(labels, widths).map { label, own in
      margin + label + String(repeating: " ", count: max(0, width - own)) + "  "
    }
    continuation = margin + String(repeating: " ", count: width) + "  "
  }

  /// Whether the answers are to the column's items (so have its labels), at its indent.
  func matches(_ answers: [DecodedAnswer], indent: Int) -> Bool {
    self.indent == indent && items.count == answers.count
      && zip(items, answers).allSatisfy { $0.utf8.elementsEqual($1.item.id.utf8) }
  }
}
