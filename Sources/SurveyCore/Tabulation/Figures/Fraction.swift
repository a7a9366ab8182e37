/// A fraction printed as a decimal rounded half up (四捨五入), computed from integers.
///
/// `String(format: "%.1f", 6.25)` gives 6.2 (ties to even, on a binary fraction); reports want 6.3.
public struct Fraction: Sendable, Hashable {
  public var numerator: Int
  public var denominator: Int

  public init(_ numerator: Int, _ denominator: Int) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// The value with `decimals` decimals, or nil when the denominator is zero.
  public func formatted(decimals: Int = 1, grouped: Bool = false) -> String? {
    guard denominator != 0, decimals >= 0, decimals <= 6 else { return nil }
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let negative = (numerator < 0) != (denominator < 0)
    let magnitude = numerator.magnitude
    let divisor = denominator.magnitude
    // round(magnitude * scale / divisor), halves away from zero, in wide arithmetic.
    let (high, low) = magnitude.multipliedFullWidth(by: UInt(scale) * 2)
    let twice = (high, low)
    guard twice.0 < divisor else { return nil }
    let (quotient, _) = divisor.dividingFullWidth(twice)
    let scaled = quotient / 2 + quotient % 2
    let whole = Int(scaled / UInt(scale))
    var text = grouped ? whole.groupedDigits : String(whole)
    if decimals > 0 {
      var fraction = String(scaled % UInt(scale))
      while fraction.count < decimals { fraction = "0" + fraction }
      text += "." + fraction
    }
    return negative && scaled != 0 ? "-" + text : text
  }
}
