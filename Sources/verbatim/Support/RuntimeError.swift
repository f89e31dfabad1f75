/// An error the user can act on, printed as one line: `verbatim: error: <message>`, exit 1.
struct RuntimeError: Error {
  var message: String

  init(_ message: String) {
    self.message = message
  }
}
