extension CodedAnswer {
  /// The answer without its text.
  var counted: CodedAnswer {
    var answer = self
    answer.text = ""
    return answer
  }
}
