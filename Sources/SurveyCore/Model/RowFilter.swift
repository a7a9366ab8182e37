/// Which rows a pass makes, decided from a few of their cells: a later pass over a checked export
/// that wants few of its rows reads those cells of every row, and the others only of the rows it
/// keeps.
///
/// The test sees a row holding only the cells of `items` (the others blank), and is asked once for
/// each distinct combination of their ids: it must depend on nothing else, and the items must be
/// ones whose ids stand for their whole values (hierarchy names: `Value.counted(as:)`).
struct RowFilter {
  /// The items the test reads, in the form's order.
  let items: [Int]
  private let test: (Row) -> Bool
  private var known: [[Int32]: Bool] = [:]
  private var key: [Int32]

  init(items: [Int], keeps test: @escaping (Row) -> Bool) {
    self.items = Array(Set(items)).sorted()
    self.test = test
    self.key = [Int32](repeating: 0, count: self.items.count)
  }

  /// Whether the row whose cells have these ids (and, where the filter reads them, these values)
  /// is kept; remembered by the ids of `items`, for at most 65,536 combinations.
  mutating func keeps(ids: [Int32], values: [Value], formItems: Int) -> Bool {
    for (position, item) in items.enumerated() { key[position] = ids[item] }
    if let known = known[key] { return known }
    var row = Row(line: 0, values: [Value](repeating: .blank, count: formItems))
    for item in items { row.values[item] = values[item] }
    let kept = test(row)
    if known.count < 1 << 16 { known[key] = kept }
    return kept
  }
}
