/// A locale data file that is missing or malformed, with the file and line to fix.
///
/// Its description reads like a compiler diagnostic:
/// `locales/ru/months.txt:4: expected "key: form | form", found "январь января"`.
public struct LocaleError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file, relative to the locales directory, e.g. "ru/months.txt".
  public var file: String
  /// The 1-based line, or `nil` when the whole file is at fault.
  public var line: Int?
  /// What is wrong.
  public var reason: String

  /// Creates an error for `file` (and `line`).
  public init(file: String, line: Int? = nil, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  public var description: String {
    "locales/\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
  }
}
