import Foundation

/// A workbook's shared strings (`xl/sharedStrings.xml`): the texts that cells of type `s` name by
/// their index, kept end to end in one array up to `memoryLimit` bytes, the rest in a temporary
/// file (`StringSpill`) when a directory for it is given: a sheet of a million distinct texts is
/// read in the memory of one with a few.
///
/// A string's text is its `<t>` elements, those of rich-text runs joined; the phonetic readings
/// Japanese Excel keeps beside them (`<rPh>`, furigana) are not part of the cell's text.
struct SharedStrings {
  private var bytes: [UInt8] = []
  private var ends: [Int] = []
  /// The strings after those kept in memory.
  private var spill: StringSpill?
  /// The most bytes of text kept in memory when there is a directory to spill the rest into.
  static let memoryLimit = 16 << 20

  /// The number of strings.
  var count: Int { ends.count + (spill?.count ?? 0) }

  /// The text at `index`, or nil when there is none.
  func text(at index: Int) throws(SurveyError) -> [UInt8]? {
    guard index >= 0 else { return nil }
    if index < ends.count { return Array(bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]) }
    guard let spill, index - ends.count < spill.count else { return nil }
    return try spill.text(index - ends.count)
  }

  init() {}

  /// Reads the part's strings; past `memoryLimit` bytes (by default `Self.memoryLimit`), into a
  /// temporary file in `directory` when one is given, for the workbook named `file`.
  init(
    scanner: XMLScanner, spillingInto directory: URL? = nil, file: String = "", memoryLimit: Int = memoryLimit
  )
    throws(SurveyError)
  {
    /// Keeps a string: in memory while there is room, else in the spill.
    func keep(_ text: [UInt8]) throws(SurveyError) {
      if spill == nil, let directory, bytes.count + text.count > memoryLimit {
        spill = try StringSpill(in: directory, file: file)
      }
      if let spill {
        try spill.append(text)
      } else {
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
      }
    }
    var inString = false
    var inText = false
    var phoneticDepth = 0
    var current: [UInt8] = []
    while try scanner.next() {
      switch scanner.token {
      case .start where scanner.isNamed("si"):
        (inString, current) = (!scanner.isEmptyElement, [])
        if scanner.isEmptyElement { try keep([]) }
      case .start where scanner.isNamed("rPh"):
        if !scanner.isEmptyElement { phoneticDepth += 1 }
      case .start where scanner.isNamed("t"):
        inText = !scanner.isEmptyElement
      case .end where scanner.isNamed("t"):
        inText = false
      case .end where scanner.isNamed("rPh"):
        phoneticDepth -= 1
      case .end where scanner.isNamed("si"):
        try keep(SpreadsheetText.unescaped(current))
        inString = false
      case .text where inString && inText && phoneticDepth == 0:
        current.append(contentsOf: scanner.text)
      default:
        break
      }
    }
    try spill?.flush()
  }
}
