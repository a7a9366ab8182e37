/// Reads amounts written in 千円 and similar units: `①１，１８０千円`, `① １,１０３千円`,
/// `①13,950千円`, `①０千円`, `③算定不能（…）`, `②無し`, `①未定`.
public enum AmountParser {
  /// The largest amount read, in yen (1兆円): sums of a million such amounts still fit an Int.
  public static let largest = 1_000_000_000_000

  public static func parse(
    _ answer: CodedAnswer, item: Item, units: [AmountUnit], at location: CellLocation
  ) -> (amount: Amount?, diagnostics: [Diagnostic]) {
    guard let option = item.option(code: answer.code) else { return (nil, []) }
    guard option.role == .figure else {
      return (Amount(answer: answer, status: .withheld(option)), [])
    }
    let figureText = CodedAnswer.split(answer.text).label
    let written = TextNormalization.halfWidth(figureText).filter { !$0.isWhitespace && $0 != "," }
    guard
      let digitEnd = written.firstIndex(where: { !$0.isASCII || !($0.isNumber || $0 == ".") })
        ?? Optional(written.endIndex),
      digitEnd > written.startIndex
    else {
      let reason = figureText.isEmpty ? "(no figure)" : figureText
      return (
        Amount(answer: answer, status: .figureMissing(reason)),
        [
          location.diagnostic(
            .warning, found: "\(option.mark)\(answer.text): code \(option.mark) without an amount",
            expected: "an amount such as \(option.mark)１，１８０千円")
        ]
      )
    }
    let number = String(written[..<digitEnd])
    let suffix = String(written[digitEnd...])
    let sortedUnits = units.sorted { $0.suffix.count > $1.suffix.count }
    guard
      let unit = sortedUnits.first(where: { TextNormalization.halfWidth($0.suffix) == suffix }),
      let yen = yen(number, times: unit.yen)
    else {
      let known = units.map(\.suffix).joined(separator: ", ")
      return (
        nil,
        [
          location.diagnostic(
            .error, found: "amount '\(answer.text)' that cannot be read",
            expected: "a number followed by one of \(known), e.g. \(option.mark)１，１８０千円")
        ]
      )
    }
    guard yen <= AmountParser.largest else {
      return (
        nil,
        [
          location.diagnostic(
            .error, found: "amount '\(answer.text)' above 1兆円, which no budget line reaches",
            expected: "an amount in 千円 such as \(option.mark)１，１８０千円")
        ]
      )
    }
    var diagnostics: [Diagnostic] = []
    if let warning = unit.warning {
      diagnostics.append(
        location.diagnostic(
          .warning, found: "amount '\(answer.text)' written in '\(unit.suffix)': \(warning)"))
    }
    return (Amount(answer: answer, status: .given(yen: yen)), diagnostics)
  }

  /// A decimal text times a unit, in whole yen, or nil when it is not a number or not whole.
  static func yen(_ number: String, times unit: Int) -> Int? {
    let parts = number.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = Int(parts[0].isEmpty ? "0" : parts[0]) else { return nil }
    var (result, overflow) = whole.multipliedReportingOverflow(by: unit)
    guard !overflow else { return nil }
    if parts.count == 2 {
      var scale = 1
      var fraction = 0
      for digit in parts[1] {
        guard let value = digit.wholeNumberValue, scale < 1_000_000_000 else { return nil }
        fraction = fraction * 10 + value
        scale *= 10
      }
      let (scaled, scaledOverflow) = fraction.multipliedReportingOverflow(by: unit)
      guard !scaledOverflow, scaled % scale == 0 else { return nil }
      (result, overflow) = result.addingReportingOverflow(scaled / scale)
      guard !overflow else { return nil }
    }
    return result
  }
}
