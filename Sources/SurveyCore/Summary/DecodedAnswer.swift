/// One item's answer as people read it: every code replaced by its label, amounts in 千円, years
/// in 和暦 and Western years, and a blank or a non-answer said to be one.
public struct DecodedAnswer: Sendable, Hashable {
  /// Whether there is an answer, and if not, why.
  public enum State: Sendable, Hashable {
    case answered
    /// An empty cell.
    case blank
    /// A cell holding only a non-answer such as 記入なし.
    case nonAnswer
  }

  public var item: Item
  public var state: State
  /// The answer, one line per answer of a multiple-choice cell or per line of a text.
  public var lines: [String]
  /// Whether the lines are separate coded answers (they may be set side by side), rather than the
  /// lines of one text.
  public var isList: Bool = false

  public init(item: Item, state: State, lines: [String]) {
    self.item = item
    self.state = state
    self.lines = lines
  }

  /// The item as the questionnaire prints it, e.g. `４ 形態` or `設問２ 実施状況`.
  public var label: String {
    item.number.isEmpty || item.number == item.title ? item.title : "\(item.number) \(item.title)"
  }

  /// What stands for an empty cell.
  public static let blankText = "（空欄）"

  /// A cell's value decoded by its item, from the codebook alone.
  public init(_ value: Value, item: Item) {
    self.item = item
    switch value {
    case .blank:
      state = .blank
      lines = [DecodedAnswer.blankText]
    case .nonAnswer(let text):
      state = .nonAnswer
      lines = ["\(Category.notAnswered.label)（\(text)）"]
    case .text(let text):
      state = .answered
      lines = DecodedAnswer.lines(of: text)
    case .codes(let answers):
      state = .answered
      lines = answers.map { DecodedAnswer.decode($0, item: item) }
      isList = true
    case .amount(let amount):
      state = .answered
      lines = [DecodedAnswer.decode(amount, item: item)]
    case .year(let year):
      state = .answered
      lines = [DecodedAnswer.decode(year, item: item)]
    }
  }

  /// A text's lines, trailing spaces trimmed, empty ones left out; a text of one line (most) is
  /// told by its scalars, without splitting it into characters.
  static func lines(of text: String) -> [String] {
    let breaks = text.unicodeScalars.contains { scalar in
      (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028
        || scalar.value == 0x2029
    }
    guard breaks else {
      let line = text.trailingSpacesTrimmed
      return line.isEmpty ? [] : [line]
    }
    return text.split(whereSeparator: \.isNewline).map { String($0).trailingSpacesTrimmed }.filter {
      !$0.isEmpty
    }
  }

  /// A code as its option's label, with the note written in brackets or after the label.
  static func decode(_ answer: CodedAnswer, item: Item) -> String {
    guard let option = item.option(code: answer.code) else {
      return CircledNumber.mark(answer.code) + answer.text
    }
    if option.role == .text {
      let label = option.label.isEmpty ? "" : option.label + "："
      return option.mark + label + answer.text.replacingOccurrences(of: "\n", with: " ")
    }
    let written = answer.writtenLabel
    var text: String
    if option.label.isEmpty {
      // The questionnaire's wording is unknown: what the respondent wrote is all there is.
      text = option.mark + (written.isEmpty ? Option.unknownLabel : written + "（選択肢の文言は不明）")
    } else {
      text = option.mark + (option.fullLabel.isEmpty ? option.label : option.fullLabel)
      if !answer.codeInferred, !CodedAnswerParser.labelAgrees(written, with: option, kind: item.kind) {
        text += "〔記入は「\(written)」〕"
      }
    }
    if let note = answer.note(for: option) {
      text += "（\(note.replacingOccurrences(of: "\n", with: " "))）"
    }
    return text
  }

  /// An amount in 千円, or the reason there is none.
  static func decode(_ amount: Amount, item: Item) -> String {
    switch amount.status {
    case .given(let yen):
      let text = yen.formattedThousandYen + "千円"
      let written = TextNormalization.halfWidth(amount.answer.text).filter { !$0.isWhitespace && $0 != "," }
      let plain = text.filter { $0 != "," }
      return written == plain ? text : text + "〔記入は「\(amount.answer.text)」〕"
    case .withheld:
      return decode(amount.answer, item: item)
    case .figureMissing(let reason):
      let mark = CircledNumber.mark(amount.answer.code)
      return "\(mark)金額の記載なし（\(reason)）"
    }
  }

  /// A start year as 和暦 and Western year, e.g. `平成12年（2000年）`, or the reason there is none.
  static func decode(_ year: StartYear, item: Item) -> String {
    switch year.status {
    case .given(let western, let era, let eraYear):
      let japanese: (era: Era, number: Int)? =
        if let era, let eraYear { (era, eraYear) } else { Era.japanese(western) }
      var text =
        japanese.map { "\($0.era.name)\($0.number == 1 ? "元" : String($0.number))年（\(western)年）" }
        ?? "\(western)年"
      // Keep what else was written: `前身の女性フォーラムは昭和６２`, `平成20年度（当初は任意団体）`.
      let eraNames = Era.all.map(\.name)
      var rest = TextNormalization.halfWidth(year.answer.text)
      for name in eraNames { rest = rest.replacingOccurrences(of: name, with: "") }
      rest = String(
        rest.filter { !($0.isASCII && $0.isNumber) && $0 != "年" && $0 != "元" && !$0.isWhitespace })
      if !rest.isEmpty { text += "〔記入は「\(year.answer.text)」〕" }
      return text
    case .withheld:
      return decode(year.answer, item: item)
    }
  }
}
