/// The names of units at one level, each qualified by the names above it only as far as makes it
/// unique: `区民部` while one ward has a 区民部, `北区役所 区民部` once another ward has one too.
///
/// A name's qualification only grows as paths are added, so each addition relabels at most the one
/// path that shared its shortest unique ending before.
struct QualifiedNames {
  /// How many paths end in each list of names (blank names left out).
  private var endings: [[String]: Int] = [:]
  /// The path that alone ends in a list of names, while it is alone.
  private var owner: [[String]: Int] = [:]
  private var paths: [[String]] = []
  /// Each path's label, by its index.
  private(set) var labels: [String] = []

  /// Adds a path (its names top down, "" for a level without one); returns the indexes of the
  /// earlier paths whose label changed.
  mutating func add(_ path: [String]) -> [Int] {
    let names = path.filter { !$0.isEmpty }
    let index = paths.count
    paths.append(names)
    labels.append("")
    var changed: [Int] = []
    for length in 1...max(names.count, 1) {
      let ending = Array(names.suffix(length))
      let count = (endings[ending] ?? 0) + 1
      endings[ending] = count
      if count == 1 {
        owner[ending] = index
      } else if count == 2, let earlier = owner.removeValue(forKey: ending) {
        let label = self.label(of: paths[earlier])
        if label != labels[earlier] {
          labels[earlier] = label
          changed.append(earlier)
        }
      }
    }
    labels[index] = label(of: names)
    return changed
  }

  /// The shortest ending of a path's names that no other path has, its names separated by a space
  /// (the whole path when every ending is shared).
  private func label(of names: [String]) -> String {
    for length in 1...max(names.count, 1) {
      let ending = Array(names.suffix(length))
      if endings[ending] == 1 { return ending.joined(separator: " ") }
    }
    return names.joined(separator: " ")
  }
}
