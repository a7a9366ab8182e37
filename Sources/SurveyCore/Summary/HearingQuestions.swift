import Foundation

/// The questions the committee asks every section at a hearing, printed as a checklist with room
/// for notes. They live in a data file beside the codebook (`hearing.tsv`: a header line, then one
/// question per line as `number<TAB>question`), so another committee's questions are another file.
public struct HearingQuestions: Sendable, Hashable {
  /// One question: its number as written and its text.
  public struct Question: Sendable, Hashable {
    public var number: String
    public var text: String

    public init(number: String, text: String) {
      self.number = number
      self.text = text
    }
  }

  public var questions: [Question]

  public init(questions: [Question]) {
    self.questions = questions
  }

  /// The file name of the 2010 survey's questions, which its codebook names.
  public static let fileName = "hearing.tsv"

  /// Reads the questions from an export's bytes; the first line is the header.
  public static func parse(utf8 bytes: [UInt8], file: String) throws(SurveyError) -> HearingQuestions {
    var reader = TSVReader(utf8: bytes, file: file)
    let records = try reader.readAll()
    var questions: [Question] = []
    var log = DiagnosticLog()
    for record in records.dropFirst() {
      let fields = record.fields.map(\.trimmingSpaces)
      guard fields.count == 2, !fields[1].isEmpty else {
        log.append(
          Diagnostic(
            .error, file: file, line: record.line, found: "a line of \(fields.count) fields",
            expected: "a number and a question, separated by a tab"))
        continue
      }
      questions.append(Question(number: fields[0], text: fields[1]))
    }
    try log.throwIfErrors()
    return HearingQuestions(questions: questions)
  }

  /// The questions of the file a codebook names (`hearing` record), relative to the codebook's
  /// directory; none when it names none. A file named but missing is an error.
  public static func load(named file: String?, besideCodebook codebook: URL) throws(SurveyError)
    -> HearingQuestions
  {
    guard let file else { return HearingQuestions(questions: []) }
    let url =
      file.hasPrefix("/")
      ? URL(fileURLWithPath: file) : codebook.deletingLastPathComponent().appendingPathComponent(file)
    let decoded = try TextDecoding.decode(try Survey.readFile(url), file: url.relativePath)
    return try parse(utf8: decoded.utf8, file: url.relativePath)
  }
}
