internal import CICU

/// An error reported by ICU, with what Verbatim was doing when it happened.
///
/// ```swift
/// do { _ = try ICU.Transliterator(id: "Russian-Klingon") }
/// catch let error as ICUError { print(error) }
/// // cannot open transform "Russian-Klingon": U_INVALID_ID (ICU status 65569)
/// ```
public struct ICUError: Error, Hashable, Sendable, CustomStringConvertible {
  /// ICU's status code (`UErrorCode`); positive values are errors.
  public var status: Int32
  /// What was attempted, e.g. `cannot open transform "Latin-Foo"`.
  public var operation: String

  /// ICU's symbolic name of the status, e.g. "U_ILLEGAL_ARGUMENT_ERROR".
  public var statusName: String { String(cString: vb_error_name(status)) }

  /// Creates an error from an ICU status code.
  public init(status: Int32, operation: String) {
    self.status = status
    self.operation = operation
  }

  public var description: String { "\(operation): \(statusName) (ICU status \(status))" }
}

extension ICU {
  /// The status ICU reports when a buffer is too small (`U_BUFFER_OVERFLOW_ERROR`).
  static let bufferOverflow: Int32 = 15
  /// The status ICU reports when a string did not fit its terminator; not an error.
  static let stringNotTerminatedWarning: Int32 = -124

  /// Throws when `status` is an ICU error (positive); warnings (negative) pass.
  static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
    if status > 0 { throw ICUError(status: status, operation: operation()) }
  }
}
