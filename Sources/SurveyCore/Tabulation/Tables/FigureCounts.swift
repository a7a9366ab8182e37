/// How many rows gave each distinct figure, kept as sorted runs (a figure and its count) in two
/// flat arrays rather than a dictionary: 16 bytes a figure, with little slack, and found by
/// sorting what came since the last merge instead of hashing each figure.
///
/// Figures added are held in a short list, sorted and merged into the runs once it holds a
/// quarter as many (or 64), so that each addition costs a few comparisons and moves.
struct FigureCounts: Sendable {
  /// The distinct figures merged so far, increasing, and how many rows gave each.
  private var figures: [Int] = []
  private var counts: [Int] = []
  /// Figures added since the last merge, in the order added, with their weights.
  private var pending: [(figure: Int, weight: Int)] = []

  /// Counts `weight` rows that gave `figure`.
  mutating func add(_ figure: Int, weight: Int) {
    pending.append((figure, weight))
    if pending.count >= max(64, figures.count / 4) { merge() }
  }

  /// Whether no figure has been added.
  var isEmpty: Bool { figures.isEmpty && pending.isEmpty }

  /// The smallest figure, or nil.
  var minimum: Int? {
    let held = pending.lazy.map(\.figure).min()
    guard let first = figures.first else { return held }
    return held.map { Swift.min($0, first) } ?? first
  }

  /// The largest figure, or nil.
  var maximum: Int? {
    let held = pending.lazy.map(\.figure).max()
    guard let last = figures.last else { return held }
    return held.map { Swift.max($0, last) } ?? last
  }

  /// Each distinct figure and how many rows gave it, in increasing order of the figures.
  var occurrences: [(value: Int, count: Int)] {
    var merged = self
    merged.merge()
    return zip(merged.figures, merged.counts).map { ($0, $1) }
  }

  /// Merges the pending figures into the runs (reading them then copies nothing).
  mutating func settle() { merge() }

  /// Sorts the pending figures and merges them into the runs: those already there add to their
  /// count, the others are merged in from the back, in place (the arrays grow by a quarter when
  /// they must, not doubled). A hot loop on large reports: it works on the arrays' buffers.
  private mutating func merge() {
    guard !pending.isEmpty else { return }
    pending.sort { $0.figure < $1.figure }
    let added = countInPlace()
    guard added > 0 else { return pending.removeAll(keepingCapacity: true) }
    let old = figures.count
    let total = old + added
    if total > figures.capacity {
      figures.reserveCapacity(total + total / 4)
      counts.reserveCapacity(total + total / 4)
    }
    figures.append(contentsOf: repeatElement(0, count: added))
    counts.append(contentsOf: repeatElement(0, count: added))
    figures.withUnsafeMutableBufferPointer { figures in
      counts.withUnsafeMutableBufferPointer { counts in
        pending.withUnsafeBufferPointer { pending in
          var from = old - 1
          var to = total - 1
          for next in (0..<added).reversed() {
            let (figure, weight) = pending[next]
            while from >= 0 && figures[from] > figure {
              figures[to] = figures[from]
              counts[to] = counts[from]
              from -= 1
              to -= 1
            }
            figures[to] = figure
            counts[to] = weight
            to -= 1
          }
        }
      }
    }
    pending.removeAll(keepingCapacity: true)
  }

  /// Adds the (sorted) pending figures already among the runs to their counts, and gathers the
  /// others, distinct, at the front of `pending`; returns how many those are.
  private mutating func countInPlace() -> Int {
    var added = 0
    figures.withUnsafeBufferPointer { figures in
      counts.withUnsafeMutableBufferPointer { counts in
        pending.withUnsafeMutableBufferPointer { pending in
          var at = 0
          for index in pending.indices {
            let (figure, weight) = pending[index]
            while at < figures.count && figures[at] < figure { at += 1 }
            if at < figures.count && figures[at] == figure {
              counts[at] += weight
            } else if added > 0 && pending[added - 1].figure == figure {
              pending[added - 1].weight += weight
            } else {
              pending[added] = (figure, weight)
              added += 1
            }
          }
        }
      }
    }
    return added
  }
}
