public import TextModel

/// The language of a line or block of text, as ``LanguageIdentifier`` found it.
///
/// `language` is an ISO 639-1 code (`"en"`, `"ru"`, `"pt"`, …), ``undetermined`` (`"und"`)
/// when the text has no language (a time stamp, a number, emoji) or it cannot be decided, or
/// ``mixed`` (`"mixed"`) when the text mixes languages; then ``parts`` say which part is in
/// which language.
public struct LanguageIdentification: Hashable, Sendable, Codable {
  /// The code for text without a language or whose language cannot be decided.
  public static let undetermined = "und"
  /// The code for text that mixes languages.
  public static let mixed = "mixed"

  /// One stretch of a mixed line in one language.
  public struct Part: Hashable, Sendable, Codable {
    /// The stretch, in Unicode scalar offsets into the text given, end-exclusive: from the
    /// first letter of its first word to the last letter of its last word.
    public var span: ScalarSpan
    /// Its ISO 639-1 code.
    public var language: String
    /// How sure the identifier is, 0…1.
    public var confidence: Double

    public init(span: ScalarSpan, language: String, confidence: Double) {
      self.span = span
      self.language = language
      self.confidence = confidence
    }
  }

  /// An ISO 639-1 code, ``undetermined`` or ``mixed``.
  public var language: String
  /// How sure the identifier is, 0…1: the posterior probability of `language` among the
  /// candidates (for ``mixed``, the smallest of the parts'; for ``undetermined`` text without
  /// letters, 1).
  public var confidence: Double
  /// For ``mixed``: the parts in text order, each in one language; otherwise empty.
  public var parts: [Part]
  /// The number of letters that were weighed (letters of the scripts the candidates use).
  public var letterCount: Int

  public init(language: String, confidence: Double, parts: [Part] = [], letterCount: Int = 0) {
    self.language = language
    self.confidence = confidence
    self.parts = parts
    self.letterCount = letterCount
  }

  /// Whether a language was found: neither ``undetermined`` nor ``mixed``.
  public var isLanguage: Bool {
    language != Self.undetermined && language != Self.mixed
  }
}

/// What is known about a text's language before reading it, e.g. the language of the rest
/// of its document: weights per ISO 639-1 code.
///
/// A prior matters for short lines: "Fotos" in a Portuguese footer is Portuguese, not
/// Spanish. Long lines are decided by their own letters.
///
/// ```swift
/// let prior = LanguagePrior(["en": 0.9, "pt": 0.1])
/// identifier.identify("Fotos", prior: prior).language  // "pt"
/// ```
public struct LanguagePrior: Hashable, Sendable {
  /// Non-negative weights by language code; they need not add up to 1.
  public var weights: [String: Double]

  /// A prior with the given weights per language code.
  public init(_ weights: [String: Double]) {
    self.weights = weights
  }

  /// A prior for a document in `language`.
  public static func document(_ language: String) -> LanguagePrior {
    LanguagePrior([language: 1])
  }

  /// The prior of a document whose lines were identified as `results`: each language
  /// weighted by the letters of the lines (and parts of mixed lines) found in it.
  public init(results: some Sequence<LanguageIdentification>) {
    var weights: [String: Double] = [:]
    for result in results {
      if result.isLanguage {
        weights[result.language, default: 0] += Double(result.letterCount) * result.confidence
      } else if result.language == LanguageIdentification.mixed {
        let total = result.parts.reduce(0) { $0 + $1.span.count }
        for part in result.parts where total > 0 {
          weights[part.language, default: 0] +=
            Double(result.letterCount) * Double(part.span.count) / Double(total) * part.confidence
        }
      }
    }
    self.weights = weights
  }

  /// The weights scaled to add up to 1 (unchanged when they add up to 0).
  public var normalized: LanguagePrior {
    let total = weights.values.reduce(0) { $0 + max(0, $1) }
    guard total > 0 else { return self }
    return LanguagePrior(weights.mapValues { max(0, $0) / total })
  }
}
