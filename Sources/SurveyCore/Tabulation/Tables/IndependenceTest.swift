import Foundation

/// Tests of independence for a crosstab of two single-choice variables: Pearson's chi-square with
/// its degrees of freedom and p-value, Cramér's V, and Fisher's exact test for a 2×2 table.
///
/// Rows and columns whose total is zero are left out, as PSPP and SPSS leave out values that do
/// not occur; 無回答 is not a category here. Results agree with GNU PSPP's CROSSTABS
/// (/STATISTICS=CHISQ PHI) to its printed precision (see scripts/compare-pspp.py).
public struct IndependenceTest: Sendable {
  /// The counts tested, after empty rows and columns are dropped.
  public let counts: [[Int]]
  public let total: Int
  public let chiSquare: Double
  public let degreesOfFreedom: Int
  /// The asymptotic p-value of the chi-square (upper tail).
  public let pValue: Double
  public let cramersV: Double
  /// Cells whose expected count is under 5, and all cells.
  public let lowExpectedCells: Int
  public let cells: Int
  public let minimumExpected: Double
  /// Fisher's exact test (2×2 tables only): two-sided and one-sided p-values.
  public let fisher: (twoSided: Double, oneSided: Double)?

  /// Nil when fewer than two rows or columns have counts: there is nothing to test.
  public init?(_ counts: [[Int]]) {
    let rows = counts.filter { $0.reduce(0, +) > 0 }
    guard let width = rows.first?.count else { return nil }
    let keptColumns = (0..<width).filter { column in rows.contains { $0[column] > 0 } }
    let table = rows.map { row in keptColumns.map { row[$0] } }
    guard table.count >= 2, keptColumns.count >= 2 else { return nil }
    let rowTotals = table.map { $0.reduce(0, +) }
    let columnTotals = keptColumns.indices.map { column in table.reduce(0) { $0 + $1[column] } }
    let total = rowTotals.reduce(0, +)
    var chiSquare = 0.0
    var low = 0
    var minimum = Double.infinity
    for (rowIndex, row) in table.enumerated() {
      for (columnIndex, observed) in row.enumerated() {
        let expected = Double(rowTotals[rowIndex]) * Double(columnTotals[columnIndex]) / Double(total)
        chiSquare += (Double(observed) - expected) * (Double(observed) - expected) / expected
        if expected < 5 { low += 1 }
        minimum = min(minimum, expected)
      }
    }
    let degreesOfFreedom = (table.count - 1) * (keptColumns.count - 1)
    self.counts = table
    self.total = total
    self.chiSquare = chiSquare
    self.degreesOfFreedom = degreesOfFreedom
    self.pValue = IndependenceTest.chiSquareUpperTail(chiSquare, degreesOfFreedom: degreesOfFreedom)
    self.cramersV = (chiSquare / (Double(total) * Double(min(table.count, keptColumns.count) - 1)))
      .squareRoot()
    self.lowExpectedCells = low
    self.cells = table.count * keptColumns.count
    self.minimumExpected = minimum
    self.fisher = table.count == 2 && keptColumns.count == 2 ? IndependenceTest.fisherExact(table) : nil
  }

  /// The cases of a crosstab as a test sees them: breakdown category by item category, counting
  /// only rows with exactly one category of each (no 無回答, no 結合なし, no second code).
  public static func cases(_ item: Categorization, by breakdown: Categorization, rows: [Row]) -> (
    counts: [[Int]], multiplyCoded: Int
  ) {
    Crosstab(item, by: breakdown, rows: rows, rowNoun: "row").cases
  }

  /// Whether more than 20% of cells expect fewer than 5: the chi-square approximation is then poor.
  public var expectedCountsTooLow: Bool { lowExpectedCells * 5 > cells }

  /// P(X ≥ x) for a chi-square variable with the given degrees of freedom.
  public static func chiSquareUpperTail(_ x: Double, degreesOfFreedom: Int) -> Double {
    guard x > 0, degreesOfFreedom > 0 else { return 1 }
    return regularizedUpperGamma(Double(degreesOfFreedom) / 2, x / 2)
  }

  /// Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, a continued fraction above.
  static func regularizedUpperGamma(_ a: Double, _ x: Double) -> Double {
    let logPrefix = -x + a * log(x) - lgamma(a)
    if x < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<10_000 {
        n += 1
        term *= x / n
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return max(0, 1 - sum * exp(logPrefix))
    }
    let tiny = 1e-300
    var b = x + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1...10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return exp(logPrefix) * h
  }

  /// Fisher's exact test of a 2×2 table, as SPSS Statistical Algorithms (appendix 5) define it and
  /// PSPP computes it: the one-sided p sums the tail from the observed table toward the more extreme
  /// (arranged so that cell a shrinks); the two-sided adds the tables of the other tail that are
  /// strictly less probable than the observed one.
  static func fisherExact(_ table: [[Int]]) -> (twoSided: Double, oneSided: Double) {
    var (a, b, c, d) = (table[0][0], table[0][1], table[1][0], table[1][1])
    if min(c, d) < min(a, b) { (a, b, c, d) = (c, d, a, b) }
    if min(b, d) < min(a, c) { (a, b, c, d) = (b, a, d, c) }
    if b * c < a * d { (a, b, c, d) = b < c ? (b, a, d, c) : (c, d, a, b) }
    func logFactorial(_ n: Int) -> Double { lgamma(Double(n + 1)) }
    func probability(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
      exp(
        logFactorial(a + b) + logFactorial(c + d) + logFactorial(a + c) + logFactorial(b + d)
          - logFactorial(a) - logFactorial(b) - logFactorial(c) - logFactorial(d)
          - logFactorial(a + b + c + d))
    }
    let observed = probability(a, b, c, d)
    var oneSided = observed
    if a > 0 {
      for step in 1...a { oneSided += probability(a - step, b + step, c + step, d - step) }
    }
    var twoSided = oneSided
    if b > 0 {
      for step in 1...b where c - step >= 0 {
        let p = probability(a + step, b - step, c - step, d + step)
        if p < observed { twoSided += p }
      }
    }
    return (min(1, twoSided), min(1, oneSided))
  }

  /// The test as a table: statistic, value, df and significance, as PSPP prints it; people's
  /// formats show three decimals, machine formats six.
  public func table(id: String, title: String) -> Table {
    func rows(_ decimals: Int) -> [[Cell]] {
      let value = { (number: Double) in Cell.text(Self.format(number, decimals)) }
      var rows: [[Cell]] = [
        [.text("Pearson chi-square"), value(chiSquare), .count(degreesOfFreedom), value(pValue)],
        [.text("Cramér's V"), value(cramersV), .empty, .empty],
      ]
      if let fisher {
        rows.append([.text("Fisher's exact test (2-sided)"), .empty, .empty, value(fisher.twoSided)])
        rows.append([.text("Fisher's exact test (1-sided)"), .empty, .empty, value(fisher.oneSided)])
      }
      rows.append([.text("N of valid cases"), .count(total), .empty, .empty])
      return rows
    }
    let columns = [Column("statistic"), Column("value"), Column("df"), Column("p", "p (2-sided)")]
    var notes = [
      "\(lowExpectedCells) of \(cells) cells (\(Percent(lowExpectedCells, of: cells).formatted() ?? "0.0")%) expect fewer than 5; the minimum expected count is \(Self.format(minimumExpected, 2))."
    ]
    if expectedCountsTooLow {
      notes.append(
        "Warning: over 20% of expected counts are below 5, so the chi-square p-value is unreliable\(fisher == nil ? "" : "; use Fisher's exact test")."
      )
    }
    return Table(
      id: id, title: title, columns: columns, rows: rows(3), notes: notes,
      long: Table(id: id, title: title, columns: columns, rows: rows(6), notes: notes))
  }

  static func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }
}
