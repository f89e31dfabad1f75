public import ICU
public import Locales

/// The transliteration schemes Verbatim knows: every rule file under
/// `locales/<language>/translit/`, plus any ICU transform as `icu:<id>`.
///
/// ```swift
/// let catalog = try SchemeCatalog(locales: .standard)
/// let bgn = try catalog.transliterator(for: "icu:Russian-Latin/BGN")
/// try bgn.transliterate("Лавров")   // "Lavrov"
/// ```
public struct SchemeCatalog: Sendable {
  /// The prefix that names an ICU transform instead of a rule file.
  public static let icuPrefix = "icu:"

  /// The schemes from rule files, sorted by language, then name.
  public let schemes: [Scheme]

  /// Reads every scheme under `locales/*/translit/`.
  /// - Throws: ``SchemeError`` when a rule file has no name, or two files share a name.
  public init(locales: LocaleLibrary) throws(SchemeError) {
    var schemes: [Scheme] = []
    var seen: [String: String] = [:]
    for language in locales.languages {
      for path in locales.paths(in: "\(language)/translit") {
        let rules = locales.files[path] ?? ""
        let scheme = try Scheme(path: path, language: language, rules: rules)
        if let other = seen[scheme.name] {
          throw SchemeError(scheme: scheme.name, reason: "defined twice, in \(other) and \(path)")
        }
        seen[scheme.name] = path
        schemes.append(scheme)
      }
    }
    self.schemes = schemes
  }

  /// The scheme called `name`: a rule-file scheme, or `icu:<id>` for an ICU transform.
  /// - Throws: ``SchemeError`` listing how to see the known names when there is none.
  public func scheme(named name: String) throws(SchemeError) -> Scheme {
    if name.hasPrefix(Self.icuPrefix) {
      let id = String(name.dropFirst(Self.icuPrefix.count))
      return Scheme(
        name: name, language: nil, summary: "ICU transform \(id)", source: nil,
        isReversible: false, origin: .icu(id: id))
    }
    guard let scheme = schemes.first(where: { $0.name == name }) else {
      throw SchemeError(
        scheme: name,
        reason: "unknown; `verbatim translit --list` prints the schemes, and any ICU transform "
          + "works as icu:<id>")
    }
    return scheme
  }

  /// The name of the rule file that reads romanised text back into Cyrillic for schemes
  /// that are not one-to-one: `locales/<language>/translit/reverse_latin.txt`.
  public static let reverseSchemeName = "reverse_latin"

  /// A compiled transliterator for the scheme called `name`.
  ///
  /// In reverse, a reversible scheme (GOST 7.79 System A, ISO 9:1995) runs its own rules
  /// backwards and round-trips exactly; any other locale-file scheme reads Latin with its
  /// language's ``reverseSchemeName`` rules, giving the most likely Cyrillic spelling.
  /// - Throws: ``SchemeError`` for an unknown scheme, an unknown ICU id or rules that do not
  ///   compile (naming the file and line).
  public func transliterator(
    for name: String, direction: ICU.Transliterator.Direction = .forward
  ) throws(SchemeError) -> SchemeTransliterator {
    let scheme = try scheme(named: name)
    switch scheme.origin {
    case .icu(let id):
      do {
        let icu = try ICU.Transliterator(id: id, direction: direction)
        return SchemeTransliterator(name: name, engine: .icuWholeLines(icu))
      } catch {
        throw SchemeError(scheme: name, reason: "ICU has no transform with id \"\(id)\"")
      }
    case .ruleFile where direction == .reverse && !scheme.isReversible,
      .letterTable where direction == .reverse:
      guard
        let reverse = schemes.first(where: {
          $0.name == Self.reverseSchemeName && $0.language == scheme.language
        })
      else {
        throw SchemeError(scheme: name, reason: "has no reverse direction for its language")
      }
      return try transliterator(for: reverse.name, direction: .forward)
    case .ruleFile(let path, let rules):
      do {
        let icu = try ICU.Transliterator(rules: rules, id: "locales/\(path)", direction: direction)
        return SchemeTransliterator(name: name, engine: .icuTokens(icu))
      } catch {
        throw SchemeError(scheme: name, reason: "cannot compile: \(error)")
      }
    case .letterTable(let path, let text):
      let table = try LetterTable(text: text, path: "locales/\(path)")
      do {
        return SchemeTransliterator(name: name, engine: .letterTable(table, nfc: try ICU.Normalizer(.nfc)))
      } catch {
        throw SchemeError(scheme: name, reason: "\(error)")
      }
    }
  }
}
