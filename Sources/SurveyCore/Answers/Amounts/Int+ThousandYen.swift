extension Int {
  /// Yen as 千円 for printing: `1180000` → `1,180`; a fraction of 千円 keeps its decimals.
  public var formattedThousandYen: String {
    let magnitude = self.magnitude
    let rest = magnitude % 1000
    var text = (self < 0 ? "-" : "") + Int(magnitude / 1000).groupedDigits
    if rest != 0 {
      var fraction = String(rest)
      while fraction.count < 3 { fraction = "0" + fraction }
      while fraction.hasSuffix("0") { fraction.removeLast() }
      text += "." + fraction
    }
    return text
  }

  /// The number with a comma every three digits: `13950` → `13,950`.
  public var groupedDigits: String {
    let digits = String(self.magnitude)
    var result = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
      result.append(digit)
    }
    return self < 0 ? "-" + result : result
  }
}
