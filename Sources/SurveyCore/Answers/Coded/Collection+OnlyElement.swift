extension Collection {
  /// The one element that satisfies the predicate, or nil when none or several do.
  func onlyElement(where predicate: (Element) -> Bool) -> Element? {
    var found: Element?
    for element in self where predicate(element) {
      if found != nil { return nil }
      found = element
    }
    return found
  }
}
