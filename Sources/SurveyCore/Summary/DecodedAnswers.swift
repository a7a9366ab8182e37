/// The decoded answers of a form's rows, each coded, amount or year cell decoded once: a target's
/// projects repeat the same few answers (`①講座`, `③委託`) on row after row. At most `capacity`
/// answers of an item are remembered, so that memory stays bounded.
struct DecodedAnswers {
  /// For each item of the form, by position, the answers met.
  private var known: [[Key: DecodedAnswer]] = []
  private static let capacity = 4096

  /// A value as a key hashed by its bytes and codes (`Value.bytesHash`), not with the Unicode
  /// normalization of a string's hash, which took a sixteenth of `kyodo summary`'s time; equal
  /// keys are equal values of equal such hashes.
  private struct Key: Hashable {
    let value: Value
    let bytesHash: UInt64

    init(_ value: Value) {
      self.value = value
      bytesHash = value.bytesHash
    }

    static func == (left: Key, right: Key) -> Bool {
      left.bytesHash == right.bytesHash && left.value == right.value
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
  }

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
      let key = Key(value)
      if let answer = known[index][key] {
        answers.append(answer)
        continue
      }
      let answer = DecodedAnswer(value, item: items[index])
      if known[index].count < Self.capacity { known[index][key] = answer }
      answers.append(answer)
    }
    return answers
  }
}
