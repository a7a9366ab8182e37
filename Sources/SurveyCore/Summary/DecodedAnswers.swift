/// The decoded answers of a form's rows, each coded, amount or year cell decoded once: a target's
/// projects repeat the same few answers (`①講座`, `③委託`) on row after row. At most `capacity`
/// answers of an item are remembered, so that memory stays bounded.
struct DecodedAnswers {
  private var known: [Int: [Value: DecodedAnswer]] = [:]
  private static let capacity = 4096

  /// A row's answers, hierarchy and identifier items left out (the summary places the row itself).
  mutating func answers(of row: Row, in data: FormData) -> [DecodedAnswer] {
    var answers: [DecodedAnswer] = []
    for (index, item) in data.form.items.enumerated() {
      guard !item.kind.isHierarchy && item.kind != .identifier else { continue }
      let value = row.values[index]
      guard item.kind != .text else {
        answers.append(DecodedAnswer(value, item: item))
        continue
      }
      if let answer = known[index]?[value] {
        answers.append(answer)
        continue
      }
      let answer = DecodedAnswer(value, item: item)
      if known[index, default: [:]].count < Self.capacity { known[index, default: [:]][value] = answer }
      answers.append(answer)
    }
    return answers
  }
}
