/// The decoded answers of a form's rows, each coded, amount or year cell decoded once: a target's
/// projects repeat the same few answers (`①講座`, `③委託`) on row after row. At most `capacity`
/// answers of an item are remembered, so that memory stays bounded.
struct DecodedAnswers {
  /// For each item of the form, by position, the answers met.
  private var known: [[Value: DecodedAnswer]] = []
  private static let capacity = 4096

  /// A row's answers, hierarchy and identifier items left out (the summary places the row itself),
  /// and the item at `skipping` too (an entry's name, which heads it).
  mutating func answers(of row: Row, in data: FormData, skipping skipped: Int? = nil) -> [DecodedAnswer] {
    let items = data.form.items
    if known.count < items.count { known += Array(repeating: [:], count: items.count - known.count) }
    var answers: [DecodedAnswer] = []
    answers.reserveCapacity(items.count)
    for index in items.indices where index != skipped {
      let kind = items[index].kind
      guard !kind.isHierarchy && kind != .identifier else { continue }
      let value = row.values[index]
      guard kind != .text else {
        answers.append(DecodedAnswer(value, item: items[index]))
        continue
      }
      if let answer = known[index][value] {
        answers.append(answer)
        continue
      }
      let answer = DecodedAnswer(value, item: items[index])
      if known[index].count < Self.capacity { known[index][value] = answer }
      answers.append(answer)
    }
    return answers
  }
}
