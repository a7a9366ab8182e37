/// A unit an amount can be written in, with its value in yen.
///
/// A unit with a `warning` is read but reported: it is how a codebook records a known typo such
/// as `千万` written for `千円`.
public struct AmountUnit: Sendable, Hashable {
  public var suffix: String
  public var yen: Int
  public var warning: String?

  public init(suffix: String, yen: Int, warning: String? = nil) {
    self.suffix = suffix
    self.yen = yen
    self.warning = warning
  }
}
