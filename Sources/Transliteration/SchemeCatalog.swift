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

  /// A compiled transliterator for the scheme called `name`.
  /// - Throws: ``SchemeError`` for an unknown scheme, an unknown ICU id or rules that do not
  ///   compile (naming the file and line).
  public func transliterator(
    for name: String, direction: ICU.Transliterator.Direction = .forward
  ) throws(SchemeError) -> ICU.Transliterator {
    let scheme = try scheme(named: name)
    switch scheme.origin {
    case .icu(let id):
      do {
        return try ICU.Transliterator(id: id, direction: direction)
      } catch {
        throw SchemeError(scheme: name, reason: "ICU has no transform with id \"\(id)\"")
      }
    case .ruleFile(let path, let rules):
      do {
        return try ICU.Transliterator(rules: rules, id: "locales/\(path)", direction: direction)
      } catch {
        throw SchemeError(scheme: name, reason: "cannot compile: \(error)")
      }
    }
  }
}
