/// Reads amounts as offices write them: `①１，１８０千円`, `① １,１０３千円`, `①13,950千円`,
/// `①０千円`, in kanji numerals (`①百万円`, `①五十万円`, `①一千二百万円`, `①一億二千万円`), with 億
/// (`①１億円`, `①1.5億円`), approximate (`①約５０万円`, `①１，１８０千円程度`), or as a bare number
/// in the unit the codebook gives the item (`①１，１８０` under `（千円）`); and the codes without a
/// figure: `③算定不能（…）`, `②無し`, `①未定`.
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
    let parts = CodedAnswer.split(answer.text)
    let (figureText, approximate) = CellWords.strippingApproximateMarkers(parts.label)
    let noted = parts.note.map { CellWords.strippingApproximateMarkers($0).approximate } ?? false
    let written = TextNormalization.halfWidth(figureText).filter { !$0.isWhitespace && $0 != "," }
    guard hasFigure(written, units: units) else {
      let reason = parts.label.isEmpty ? "(no figure)" : parts.label
      return (
        Amount(answer: answer, status: .figureMissing(reason)),
        [
          location.diagnostic(
            .warning, found: "\(option.mark)\(answer.text): code \(option.mark) without an amount",
            expected: "an amount such as \(option.mark)１，１８０千円")
        ]
      )
    }
    let bareUnit = item.bareAmountUnit.flatMap { suffix in units.first { $0.suffix == suffix } }
    guard let (yen, unit) = read(written, units: units, bareUnit: bareUnit) else {
      let known = units.map(\.suffix).joined(separator: ", ")
      // A bare number with no unit to read it in: say where the unit is declared.
      let bare =
        bareUnit == nil && Numeral(written) != nil
        ? "; for bare numbers, give the item the codebook flag unit=千円 or end its header with （千円）" : ""
      return (
        nil,
        [
          location.diagnostic(
            .error, found: "amount '\(answer.text)' that cannot be read",
            expected: "a number followed by one of \(known), e.g. \(option.mark)１，１８０千円\(bare)")
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
    if let unit, let warning = unit.warning {
      diagnostics.append(
        location.diagnostic(
          .warning, found: "amount '\(answer.text)' written in '\(unit.suffix)': \(warning)"))
    }
    return (
      Amount(answer: answer, status: .given(yen: yen), isApproximate: approximate || noted), diagnostics
    )
  }

  /// Whether a written figure (half-width, without spaces and commas) holds a number: a digit, or
  /// some numeral left once a unit is taken off (`百万円`). `．千円`, `千円` and `未定` hold none.
  static func hasFigure(_ written: String, units: [AmountUnit]) -> Bool {
    if written.contains(where: { $0.isASCII && $0.isNumber }) { return true }
    if written.contains(where: { CellWords.kanjiDigits[$0] != nil }) { return true }
    var rest = Substring(written)
    for unit in units.sorted(by: { $0.suffix.count > $1.suffix.count }) {
      let suffix = TextNormalization.halfWidth(unit.suffix)
      if rest.hasSuffix(suffix) {
        rest = rest.dropLast(suffix.count)
        break
      }
    }
    return rest.contains { $0 != "." && Numeral.isNumeralCharacter($0) }
  }

  /// The yen a written figure stands for, and the unit it was written in (nil for yen implied by
  /// 万 or 億 without a unit), or nil when it cannot be read.
  ///
  /// Digits followed by a unit are read first (`１，１８０千円`, and `３０千万`, a typo unit); then
  /// a numeral followed by a unit, the unit worth the fewest yen first, so that `一億二千万円` is
  /// 一億二千万 yen, not 一億二千 万円; then a numeral alone, in yen when it names 万 or 億 (`５０万`),
  /// else in the item's unit for bare numbers.
  static func read(_ written: String, units: [AmountUnit], bareUnit: AmountUnit?) -> (Int, AmountUnit?)? {
    let digitEnd = written.firstIndex { !$0.isASCII || !($0.isNumber || $0 == ".") } ?? written.endIndex
    let number = written[..<digitEnd]
    if number.contains(where: \.isNumber) {
      let suffix = String(written[digitEnd...])
      let sortedUnits = units.sorted { $0.suffix.count > $1.suffix.count }
      if let unit = sortedUnits.first(where: { TextNormalization.halfWidth($0.suffix) == suffix }),
        let yen = yen(String(number), times: unit.yen)
      {
        return (yen, unit)
      }
    }
    for unit in units.sorted(by: { $0.yen < $1.yen }) {
      let suffix = TextNormalization.halfWidth(unit.suffix)
      guard written.hasSuffix(suffix), let numeral = Numeral(written.dropLast(suffix.count)) else { continue }
      if let yen = numeral.times(unit.yen) { return (yen, unit) }
    }
    guard let numeral = Numeral(written) else { return nil }
    if numeral.hasLargeMultiplier { return numeral.times(1).map { ($0, nil) } }
    guard let bareUnit, let yen = numeral.times(bareUnit.yen) else { return nil }
    return (yen, bareUnit)
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
