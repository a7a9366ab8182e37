/// A workbook's shared strings (`xl/sharedStrings.xml`): the texts that cells of type `s` name by
/// their index, kept end to end in one array.
///
/// A string's text is its `<t>` elements, those of rich-text runs joined; the phonetic readings
/// Japanese Excel keeps beside them (`<rPh>`, furigana) are not part of the cell's text.
struct SharedStrings {
  private var bytes: [UInt8] = []
  private var ends: [Int] = []

  /// The number of strings.
  var count: Int { ends.count }

  /// The text at `index`, or nil when there is none.
  subscript(index: Int) -> ArraySlice<UInt8>? {
    guard index >= 0, index < ends.count else { return nil }
    return bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
  }

  init() {}

  /// Reads the part's strings.
  init(scanner: XMLScanner) throws(SurveyError) {
    var inString = false
    var inText = false
    var phoneticDepth = 0
    var current: [UInt8] = []
    while try scanner.next() {
      switch scanner.token {
      case .start where scanner.isNamed("si"):
        (inString, current) = (!scanner.isEmptyElement, [])
        if scanner.isEmptyElement { ends.append(bytes.count) }
      case .start where scanner.isNamed("rPh"):
        if !scanner.isEmptyElement { phoneticDepth += 1 }
      case .start where scanner.isNamed("t"):
        inText = !scanner.isEmptyElement
      case .end where scanner.isNamed("t"):
        inText = false
      case .end where scanner.isNamed("rPh"):
        phoneticDepth -= 1
      case .end where scanner.isNamed("si"):
        bytes.append(contentsOf: SpreadsheetText.unescaped(current))
        ends.append(bytes.count)
        inString = false
      case .text where inString && inText && phoneticDepth == 0:
        current.append(contentsOf: scanner.text)
      default:
        break
      }
    }
  }
}
