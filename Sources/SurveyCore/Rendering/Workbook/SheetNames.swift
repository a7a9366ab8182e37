/// Names for a workbook's sheets that Excel accepts: at most 31 characters, none of `[ ] : * ? / \`,
/// no apostrophe at either end, and unique regardless of case.
struct SheetNames {
  static let maximumLength = 31
  private var taken: Set<String> = []

  /// A valid name, not yet given, made from `wanted`.
  mutating func name(for wanted: String) -> String {
    var base = String(wanted.map { "[]:*?/\\".contains($0) ? "_" : $0 })
    while base.hasPrefix("'") { base.removeFirst() }
    while base.hasSuffix("'") { base.removeLast() }
    if base.isEmpty { base = "_" }
    var candidate = String(base.prefix(Self.maximumLength))
    var suffix = 2
    while taken.contains(candidate.lowercased()) {
      let tail = "(\(suffix))"
      candidate = String(base.prefix(Self.maximumLength - tail.count)) + tail
      suffix += 1
    }
    taken.insert(candidate.lowercased())
    return candidate
  }
}
