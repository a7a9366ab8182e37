/// The accumulators of one slice of a request's rows, and how to turn them into tables.
final class QuerySlice {
  var consumers: [RowConsumer] = []
  var makers: [() -> Table] = []

  func add(_ row: Row, weight: Int) {
    for consumer in consumers { consumer.add(row, weight) }
  }

  /// What the slice's tables read of a row.
  var reads: RowReads { consumers.reduce(RowReads(items: [])) { $0.union($1.reads) } }

  func tables() -> [Table] { makers.map { $0() } }
}
