/// A mistake on the command line.
struct UsageError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
