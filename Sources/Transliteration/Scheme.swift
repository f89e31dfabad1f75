/// A transliteration scheme: a published romanisation system compiled from a rule file
/// under `locales/<language>/translit/`, or one of ICU's built-in transforms.
///
/// A rule file is ICU transform rules, or letter tables (`# format: letter-table`), preceded
/// by a comment header:
///
/// ```text
/// # name: bgn_pcgn
/// # description: BGN/PCGN 1947 romanisation of Russian
/// # source: https://iuliia.ru/bgn-pcgn/
/// # reversible: no
/// ```
///
/// `# internal: yes` marks rules that serve another feature (name keys) and are not listed.
public struct Scheme: Hashable, Sendable {
  /// Where a scheme's rules come from.
  public enum Origin: Hashable, Sendable {
    /// ICU transform rules from a locale file at this path, relative to `locales/`.
    case ruleFile(path: String, rules: String)
    /// Letter tables (``LetterTable``) from a `# format: letter-table` locale file.
    case letterTable(path: String, text: String)
    /// A transform built into ICU, by its ICU id (the scheme is named `icu:<id>`).
    case icu(id: String)
  }

  /// The name users pass to `--scheme`, e.g. "bgn_pcgn" or "icu:Russian-Latin/BGN".
  public var name: String
  /// The language of the Cyrillic text, e.g. "ru"; `nil` for ICU transforms.
  public var language: String?
  /// One line saying what the scheme is.
  public var summary: String
  /// Where the definition was published.
  public var source: String?
  /// Whether the reverse direction restores the original text exactly.
  public var isReversible: Bool
  /// Whether the scheme is a building block of another feature (name keys) rather than a
  /// romanisation for users: `# internal: yes`. Internal schemes are not listed.
  public var isInternal = false
  /// Where the rules come from.
  public var origin: Origin
}

extension Scheme {
  /// Reads a scheme from a rule file's text and its header.
  /// - Throws: ``SchemeError`` when the header has no `name`.
  init(path: String, language: String, rules: String) throws(SchemeError) {
    var header: [String: String] = [:]
    for line in rules.split(separator: "\n") {
      guard line.hasPrefix("#") else { break }
      let body = line.dropFirst().drop { $0 == " " }
      guard let colon = body.firstIndex(of: ":") else { continue }
      let key = body[..<colon].lowercased()
      let value = body[body.index(after: colon)...].drop { $0 == " " }
      header[key] = String(value)
    }
    guard let name = header["name"], !name.isEmpty else {
      throw SchemeError(scheme: path, reason: "the rule file has no \"# name:\" header line")
    }
    self.init(
      name: name, language: language, summary: header["description"] ?? "",
      source: header["source"], isReversible: header["reversible"]?.lowercased() == "yes",
      origin: header["format"] == "letter-table"
        ? .letterTable(path: path, text: rules) : .ruleFile(path: path, rules: rules))
    isInternal = header["internal"]?.lowercased() == "yes"
  }
}

/// A scheme that cannot be found, read or compiled.
public struct SchemeError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The scheme's name or rule file.
  public var scheme: String
  /// What is wrong.
  public var reason: String

  /// Creates an error about `scheme`.
  public init(scheme: String, reason: String) {
    self.scheme = scheme
    self.reason = reason
  }

  public var description: String { "scheme \"\(scheme)\": \(reason)" }
}
