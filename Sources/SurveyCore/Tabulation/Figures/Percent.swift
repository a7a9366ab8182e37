/// A percentage computed from integers and rounded half up, as survey reports print it.
public struct Percent: Sendable, Hashable {
  public var count: Int
  public var base: Int

  public init(_ count: Int, of base: Int) {
    self.count = count
    self.base = base
  }

  /// The percentage with `decimals` decimals, or nil when the base is zero.
  public func formatted(decimals: Int = 1) -> String? {
    guard base > 0 else { return nil }
    let (product, overflow) = count.multipliedReportingOverflow(by: 100)
    guard !overflow else { return nil }
    return Fraction(product, base).formatted(decimals: decimals)
  }
}
