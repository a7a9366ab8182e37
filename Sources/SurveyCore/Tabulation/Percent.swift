/// A percentage computed from integers and rounded half up (四捨五入), as survey reports print it.
///
/// `String(format: "%.1f", 6.25)` gives 6.2 (ties to even, and on a binary fraction); reports want
/// 6.3, so the rounding is done on integers.
public struct Percent: Sendable, Hashable {
  public var count: Int
  public var base: Int

  public init(_ count: Int, of base: Int) {
    self.count = count
    self.base = base
  }

  /// The percentage with `decimals` decimals, or nil when the base is zero.
  public func formatted(decimals: Int = 1) -> String? {
    guard base > 0, decimals >= 0, decimals <= 6 else { return nil }
    var scale = 1
    for _ in 0..<decimals { scale *= 10 }
    let negative = count < 0
    let magnitude = abs(count)
    // round(magnitude * 100 * scale / base), halves up.
    let scaled = (2 * magnitude * 100 * scale + base) / (2 * base)
    var text = String(scaled / scale)
    if decimals > 0 {
      var fraction = String(scaled % scale)
      while fraction.count < decimals { fraction = "0" + fraction }
      text += "." + fraction
    }
    return negative && scaled != 0 ? "-" + text : text
  }
}
