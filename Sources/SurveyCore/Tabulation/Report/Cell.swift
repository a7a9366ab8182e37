/// One cell of a table, typed so that each renderer prints it its own way.
public enum Cell: Sendable, Hashable {
  case text(String)
  /// An answer code: `①` for people, `1` for machines.
  case code(Int)
  case count(Int)
  case percent(Percent)
  /// An amount of money, in yen (printed in 千円).
  case yen(Int)
  /// A statistic that need not be whole, such as a mean, printed to the table's decimals; people's
  /// formats group its digits when `grouped` (amounts, not years).
  case number(Fraction, grouped: Bool)
  /// A year.
  case year(Int)
  case empty
}
