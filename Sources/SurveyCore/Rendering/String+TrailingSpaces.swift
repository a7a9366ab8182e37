extension String {
  var trailingSpacesTrimmed: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
