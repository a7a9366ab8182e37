/// Labels set in a column before their answers: the start of each label's first line (the label
/// padded with spaces to the widest, by display width) and of its further lines. Made once for a
/// list of labels and used again while the labels are the same: every row of a form has them.
struct LabelColumn {
  let labels: [String]
  let indent: Int
  /// Each label's first line start: the margin, the padded label and two spaces.
  let heads: [String]
  /// A further line's start: the margin, spaces as wide as the labels, two spaces.
  let continuation: String

  init(labels: [String], indent: Int, ambiguousIsWide: Bool) {
    self.labels = labels
    self.indent = indent
    let widths = labels.map { DisplayWidth.of($0, ambiguousIsWide: ambiguousIsWide) }
    let width = widths.max() ?? 0
    let margin = String(repeating: " ", count: indent)
    heads = zip(labels, widths).map { label, own in
      margin + label + String(repeating: " ", count: max(0, width - own)) + "  "
    }
    continuation = margin + String(repeating: " ", count: width) + "  "
  }

  /// Whether these are the column's labels, byte for byte, at its indent.
  func matches(_ other: [String], indent: Int) -> Bool {
    self.indent == indent && labels.count == other.count
      && zip(labels, other).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
  }
}
