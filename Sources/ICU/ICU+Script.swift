internal import CICU

extension ICU {
  /// A Unicode script (ICU `UScriptCode`), named by its ISO 15924 code.
  ///
  /// ```swift
  /// ICU.Script.of("Ж") == .cyrillic          // true
  /// ICU.Script.of("ж").shortName              // "Cyrl"
  /// ICU.Script.of("1") == .common            // true: digits belong to no one script
  /// ```
  public struct Script: Hashable, Sendable, CustomStringConvertible {
    /// ICU's `UScriptCode` value.
    public let code: Int32

    /// The script with ICU code `code`.
    public init(code: Int32) { self.code = code }

    /// The script named by an ISO 15924 code ("Cyrl") or a script name ("Cyrillic").
    public init?(named name: String) {
      let code = vb_script_code(name)
      guard code >= 0 else { return nil }
      self.code = code
    }

    /// Characters used with many scripts: digits, punctuation, spaces, most symbols.
    public static let common = Script(code: 0)
    /// Combining marks that take the script of the letter they follow.
    public static let inherited = Script(code: 1)
    /// The Cyrillic script.
    public static let cyrillic = Script(code: 8)
    /// The Greek script.
    public static let greek = Script(code: 14)
    /// The Latin script.
    public static let latin = Script(code: 25)

    /// The ISO 15924 code, e.g. "Latn", "Cyrl", "Zyyy" (common).
    public var shortName: String {
      vb_script_short_name(code).map { String(cString: $0) } ?? "Zzzz"
    }

    public var description: String { shortName }

    /// The script of `scalar` (its Script property). An unassigned code point is
    /// `Zzzz` (unknown).
    public static func of(_ scalar: Unicode.Scalar) -> Script {
      var status: Int32 = 0
      let code = vb_script_of(scalar.value, &status)
      return status > 0 ? Script(code: 103) : Script(code: code)
    }

    /// Whether `scalar` is used with this script: its Script_Extensions property contains
    /// it (e.g. U+0484 COMBINING CYRILLIC PALATALIZATION is used with Cyrillic and
    /// Old Church Slavonic).
    public func isUsed(by scalar: Unicode.Scalar) -> Bool {
      vb_script_has(scalar.value, code) != 0
    }
  }
}
