/// The parts of a row that a variable or a table reads.
///
/// A pass over a large export counts each distinct combination of these parts once and hands it
/// over with its count, instead of every row: what is not read is not kept.
public struct RowReads: Sendable, Hashable {
  /// Positions of the items read, in the form's item order; nil when anything may be read.
  public var items: [Int]?
  /// Whether the row's unit is read (it comes from the 部 and 課 cells).
  public var unit: Bool

  public init(items: [Int]?, unit: Bool = false) {
    self.items = items.map { Array(Set($0)).sorted() }
    self.unit = unit
  }

  /// A reader of the whole row, whose needs are not known.
  public static let wholeRow = RowReads(items: nil)

  /// What either of two readers reads.
  public func union(_ other: RowReads) -> RowReads {
    guard let items, let others = other.items else { return .wholeRow }
    return RowReads(items: items + others, unit: unit || other.unit)
  }
}

/// A table filled a row at a time: what it reads of a row, and how it counts one row that stands
/// for `weight` rows alike in what it reads.
public struct RowConsumer {
  public var reads: RowReads
  public var add: (Row, Int) -> Void

  public init(reads: RowReads, add: @escaping (Row, Int) -> Void) {
    self.reads = reads
    self.add = add
  }
}

extension FormData {
  /// Hands every row to every consumer. A streamed export is read once in parts, on every core,
  /// and each consumer gets each distinct combination of the cells it reads, with its count
  /// (`RowStream.count`); rows kept in memory are handed over one by one, with weight 1.
  public func tally(_ consumers: [RowConsumer]) {
    if let stream = streamForCounting, consumers.allSatisfy({ $0.reads.items != nil }) {
      stream.count(consumers, form: form)
      return
    }
    forEachRow { row in
      for consumer in consumers { consumer.add(row, 1) }
    }
  }
}
