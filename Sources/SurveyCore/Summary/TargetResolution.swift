/// Finds the summary target a name means, and suggests the closest names when there is none.
///
/// Names are compared by `TextNormalization.matchKey` without brackets, so full- and half-width
/// spellings match and `スポーツ振興担当` finds `（スポーツ振興担当）`. A name may be qualified by its
/// department or section (`企画財政部企画政策課`, as the hearing plan writes them). Anything else is
/// unknown and gets the closest names: a name with the PDF's glyph error (`児童青尐年課`) or without
/// its final 課 (`児童青少年`) is answered with `児童青少年課`, not guessed.
public struct TargetResolution: Sendable {
  /// The target found.
  public var target: SummaryTarget
  /// Set when the name was not written exactly as the data writes it, to tell the user how it was read.
  public var note: String?

  /// The target a name means; the targets are found from `census` when given (else by a pass of
  /// their own).
  public static func resolve(_ name: String, in survey: Survey, census: SummaryCensus? = nil)
    throws(SurveyError)
    -> TargetResolution
  {
    let candidates = Candidate.all(in: survey, census: census)
    let key = TargetResolution.exactKey(name)
    guard !key.isEmpty else {
      throw SurveyError.usage("an empty target name", expected: "a \(levelWords(survey)) name")
    }
    let found = candidates.filter { $0.keys.contains(key) }
    if let level = found.map(\.target.level).min() {
      let best = found.filter { $0.target.level == level }
      if best.count > 1 {
        throw SurveyError.usage(
          "'\(name)' names several targets: "
            + best.map { $0.target.path.joined(separator: " ") }.joined(separator: ", "),
          expected: "a name qualified by its \(aboveWords(survey)), such as \(best[0].target.path.joined())")
      }
      let target = best[0].target
      let exact = ([target.name] + [target.path.joined()]).contains(name.trimmingSpaces)
      let note = exact ? nil : "'\(name)' read as \(target.path.joined(separator: " > "))"
      return TargetResolution(target: target, note: note)
    }
    let close = suggestions(for: name, in: survey, census: census)
    throw SurveyError.usage(
      "unknown target '\(name)'",
      expected: "a \(levelWords(survey)) of the survey"
        + (close.isEmpty
          ? " (kyodo tabulate \(unitItemID(survey)) lists the units)"
          : "; closest: " + close.joined(separator: ", ")))
  }

  /// The names closest to a name, best first: by edit distance between normalized names, with or
  /// without their final 課, 係, 担当, 部 or 室; each written with its place in the hierarchy.
  public static func suggestions(
    for name: String, in survey: Survey, census: SummaryCensus? = nil, limit: Int = 5
  ) -> [String] {
    let key = TargetResolution.key(name)
    guard !key.isEmpty else { return [] }
    let scored = Candidate.all(in: survey, census: census).map { candidate -> (Candidate, Int) in
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

  /// The codebook's words for its levels, a sub-unit's after its level's: `部, 課, 担当 or 係`.
  static func levelWords(_ survey: Survey) -> String {
    listed(survey.organization.levels.flatMap { $0.hasSubunits ? [$0.name, "担当"] : [$0.name] })
  }

  /// Words listed as alternatives: `部 or 課`, `局・区, 部 or 課`.
  static func listed(_ words: [String]) -> String {
    guard let last = words.last, words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + " or " + last
  }

  /// The words for the levels down to the one that answers the overall form: `部 or 課`.
  static func aboveWords(_ survey: Survey) -> String {
    listed(survey.organization.levels.prefix(survey.organization.answering + 1).map(\.name))
  }

  /// The id of the roster's item of the answering level, whose table lists the units.
  static func unitItemID(_ survey: Survey) -> String {
    survey.roster.flatMap { roster in
      survey.levelItem(survey.organization.answering, in: roster).map { roster.form.items[$0].id }
    } ?? "overall.section"
  }

  /// A name as it is matched: match key, no brackets.
  static func exactKey(_ name: String) -> String {
    TextNormalization.matchKey(name).filter { $0 != "(" && $0 != ")" }
  }

  /// A name as it is ranked for suggestions: glyph errors fixed, match key, no brackets.
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

    static func all(in survey: Survey, census: SummaryCensus?) -> [Candidate] {
      let targets = census.map { SummaryTarget.all(in: survey, census: $0) } ?? SummaryTarget.all(in: survey)
      return targets.map(Candidate.init)
    }
  }
}
