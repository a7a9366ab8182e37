/// Finds the summary target a name means, leniently, and suggests the closest names otherwise.
///
/// Names are compared by `TextNormalization.matchKey` after fixing the PDF text layer's glyph
/// errors (尐 → 少, 实 → 実) and dropping brackets, so `スポーツ振興担当` finds `（スポーツ振興担当）`.
/// A name may be qualified by its department or section (`企画財政部企画政策課`, as the hearing plan
/// writes them) and may leave out its final 課, 係, 担当, 部 or 室 (`児童青少年`). When a name fits
/// targets at several levels, the highest wins (`生涯学習` is the section 生涯学習課, not the team
/// 生涯学習係).
public struct TargetResolution: Sendable {
  /// The target found.
  public var target: SummaryTarget
  /// Set when the name was not written exactly as the data writes it, to tell the user how it was read.
  public var note: String?

  /// The target a name means.
  public static func resolve(_ name: String, in survey: Survey) throws(SurveyError) -> TargetResolution {
    let candidates = Candidate.all(in: survey)
    let key = TargetResolution.key(name)
    guard !key.isEmpty else {
      throw SurveyError.usage("an empty target name", expected: "a 部, 課, 担当 or 係 name")
    }
    let tiers: [(Candidate) -> Bool] = [
      { $0.keys.contains(key) },
      { $0.looseKeys.contains(TargetResolution.loose(key)) },
    ]
    for (tier, matches) in tiers.enumerated() {
      let found = candidates.filter(matches)
      guard let level = found.map(\.target.level).min() else { continue }
      let best = found.filter { $0.target.level == level }
      if best.count > 1 {
        throw SurveyError.usage(
          "'\(name)' names several targets: "
            + best.map { $0.target.path.joined(separator: " ") }.joined(
              separator: ", "),
          expected: "a name qualified by its 部 or 課, such as \(best[0].target.path.joined())")
      }
      let target = best[0].target
      let exact = tier == 0 && ([target.name] + [target.path.joined()]).contains(name.trimmingSpaces)
      let note = exact ? nil : "'\(name)' read as \(target.path.joined(separator: " > "))"
      return TargetResolution(target: target, note: note)
    }
    let close = suggestions(for: name, in: survey)
    throw SurveyError.usage(
      "unknown target '\(name)'",
      expected: "a 部, 課, 担当 or 係 of the survey"
        + (close.isEmpty
          ? " (kyodo tabulate overall.section lists the units)"
          : "; closest: " + close.joined(separator: ", ")))
  }

  /// The names closest to a name, best first: by edit distance between normalized names, with or
  /// without their final 課, 係, 担当, 部 or 室; each written with its place in the hierarchy.
  public static func suggestions(for name: String, in survey: Survey, limit: Int = 5) -> [String] {
    let key = TargetResolution.key(name)
    guard !key.isEmpty else { return [] }
    let scored = Candidate.all(in: survey).map { candidate -> (Candidate, Int) in
      let exact = candidate.keys.map { EditDistance.between(key, $0) }.min() ?? Int.max
      let looseKey = loose(key)
      let relaxed = candidate.looseKeys.map { EditDistance.between(looseKey, $0) }.min() ?? Int.max
      return (candidate, min(exact, relaxed))
    }
    let threshold = max(1, key.count / 2)
    var seen: [String] = []
    for (candidate, _) in scored.filter({ $0.1 <= threshold }).sorted(by: { $0.1 < $1.1 }) {
      let path = candidate.target.path
      let text =
        path.count > 1 ? "\(candidate.target.name) (\(path.dropLast().joined(separator: " ")))" : path[0]
      if !seen.contains(text) { seen.append(text) }
      if seen.count == limit { break }
    }
    return seen
  }

  /// A name as it is compared: glyph errors fixed, match key, no brackets.
  static func key(_ name: String) -> String {
    let fixed = String(name.map { glyphFixes[$0] ?? $0 })
    return TextNormalization.matchKey(fixed).filter { $0 != "(" && $0 != ")" }
  }

  /// A key without the suffix that says its level.
  static func loose(_ key: String) -> String {
    for suffix in levelSuffixes where key.hasSuffix(suffix) && key.count > suffix.count {
      return String(key.dropLast(suffix.count))
    }
    return key
  }

  /// The text layer's glyph errors (`data/README.md`): a name copied from the PDF may carry them.
  static let glyphFixes: [Character: Character] = ["尐": "少", "实": "実"]
  static let levelSuffixes = ["担当", "課", "係", "部", "室"]

  /// A target and the keys it can be named by.
  struct Candidate {
    var target: SummaryTarget
    var keys: Set<String>
    var looseKeys: Set<String>

    init(_ target: SummaryTarget) {
      self.target = target
      let path = target.path.map(TargetResolution.key)
      var keys: Set<String> = [TargetResolution.key(target.name)]
      // Every run of names that ends at the target: 課, 部+課, 部+課+係, 課+係 …
      for start in path.indices { keys.insert(path[start...].joined()) }
      // The hearing plan skips the section of a sub-unit: 生涯学習部スポーツ振興担当.
      if path.count > 2 { keys.insert(path[0] + path[path.count - 1]) }
      self.keys = keys
      self.looseKeys = Set(keys.map(TargetResolution.loose))
    }

    static func all(in survey: Survey) -> [Candidate] {
      SummaryTarget.all(in: survey).map(Candidate.init)
    }
  }
}
