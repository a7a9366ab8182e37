/// The runs of several sorted sources merged into one sorted sequence: each figure once, with the
/// counts of the sources that hold it, each times its source's sign, added up; a figure whose
/// count comes to 0 is left out. The sources wait in a heap by their next figure.
struct FigureRunMerge: IteratorProtocol, Sequence {
  private var readers: [FigureRunReader]
  /// The readers not at their end, as (next figure, reader), the smallest figure first.
  private var heap: [(figure: Int, reader: Int)] = []

  init(_ readers: [FigureRunReader]) {
    self.readers = readers
    for (index, reader) in readers.enumerated() {
      if let run = reader.current { push((run.figure, index)) }
    }
  }

  mutating func next() -> (figure: Int, count: Int)? {
    if heap.count == 1 { return nextOfOne() }
    while let smallest = heap.first {
      var count = 0
      while let top = heap.first, top.figure == smallest.figure {
        pop()
        count += (readers[top.reader].current?.count ?? 0) * readers[top.reader].sign
        readers[top.reader].advance()
        if let run = readers[top.reader].current { push((run.figure, top.reader)) }
      }
      if count != 0 { return (smallest.figure, count) }
    }
    return nil
  }

  /// The next run when one source is left (a line read alone, most often): its runs as they
  /// come, without a heap to keep.
  private mutating func nextOfOne() -> (figure: Int, count: Int)? {
    let index = heap[0].reader
    while let run = readers[index].current {
      readers[index].advance()
      if readers[index].current == nil { heap.removeAll() }
      if run.count != 0 { return (run.figure, run.count * readers[index].sign) }
    }
    heap.removeAll()
    return nil
  }

  private mutating func push(_ entry: (figure: Int, reader: Int)) {
    heap.append(entry)
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard heap[child].figure < heap[parent].figure else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func pop() {
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count && heap[left].figure < heap[smallest].figure { smallest = left }
      if right < heap.count && heap[right].figure < heap[smallest].figure { smallest = right }
      guard smallest != parent else { return }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
