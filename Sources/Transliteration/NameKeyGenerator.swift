public import ICU
public import Locales
import Synchronization

/// Matching keys for personal and place names: every spelling of one name in any supported
/// romanisation scheme, press convention or script gives the same key.
///
/// ```swift
/// let keys = try NameKeyGenerator()
/// try keys.key(for: "Сергей Лавров")     // "sergei lavrov"
/// try keys.key(for: "Serguei Lavrov")    // "sergei lavrov"
/// try keys.key(for: "Jekaterinburg")     // "ekaterinburg", as for "Yekaterinburg"
/// try keys.key(for: "Ivanova")           // "ivanova", not "ivanov"
/// ```
///
/// A key is lowercase ASCII, one word per word of the input, separated by single spaces. It
/// is for comparing, not for display, and it is one line at a time: word order, initials and
/// diminutives (Юра for Юрий) are a later step.
///
/// ## How a key is made
///
/// 1. **Cyrillic to Latin**, letter by letter, with the rule file
///    `locales/<language>/translit/name_key.txt` of the line's language (`name_key_ru`,
///    `name_key_uk`, `name_key_be`): ж "zh", х "kh", й and ы "y", ё "yo", ъ and ь nothing.
///    A line is read as Belarusian when it has ў, or і together with ы, э or ё; as Ukrainian
///    when it has ґ, є, ї or і; as Russian otherwise.
/// 2. **Latin letters**, shared by every scheme: diacritics that stand for a sound are
///    spelled out (š ž č "sh zh ch", ŝ "shch", â û ê "ya yu ye", ë "yo", ï "yi", ĭ "y",
///    ŭ "w"), every other mark is dropped (ė è é ȳ, ALA-LC's tie ͡), and so are the signs the
///    schemes disagree on (ʹ ʺ ' ’ ` ” ·). Other punctuation and spaces separate words.
/// 3. **Spellings to sounds**, longest match first: shch, shh, sch "щ"; tsch, tch, ch "ч";
///    sh "ш"; zh "ж"; kh, h, gh "х"; ts, tz, tc, cz, c "ц"; x "ks"; w "v"; q "k";
///    gu before e, i, y "g" (Serguei); ou "u" (Iouri); a word-final "ine" after a
///    consonant "in" (Poutine); a word-initial "eh" before a consonant "e" (GOST 16876
///    "Ehduard"). The letters y, j and i are a glide before a, e, o, u and the vowel "i"
///    elsewhere (so й after a vowel, ы and и are all "i": Sergey, Sergei, Sergej; Zykin).
/// 4. **Sequences the schemes disagree on**: "i" before a glide is dropped (Kseniia,
///    Kseniya, Ksenia); a glide before e is dropped (Yekaterinburg, Ekaterinburg; Andreyev,
///    Andreev; P'yer, Per); a glide and o after a consonant or at the start of a word is
///    "e", since Russian text mostly writes ё as е (Fyodor, Fëdor, Fedor; Solovyov,
///    Solov'ev); "ii" is "i" (Yuriy, Yury, Iurii, Jurij); doubled consonants are single
///    (Odessa, Odesa; Kirill, Kiril); šč is щ; a word-final "er" after a consonant is "r"
///    (Alexander, Aleksandr; Peter, Petr).
///
/// Vowels that end a word are kept, so Ivanov and Ivanova, Alexander and Alexandra,
/// Pavel and Pavla, Sergey and Sergo keep apart.
///
/// ## Across languages
///
/// Ukrainian and Belarusian spellings of a name are keyed as those languages write it:
/// Київ, Kyiv and Kiyv share a key; Киев and Kiev share another. With `crossLanguage`, the
/// key also folds what separates Ukrainian from Russian spellings: h is g (Hryhoriy,
/// Grigoriy), e is i (Kyiv, Kiev), and o before the one consonant that ends a word is i
/// (Kharkiv, Kharkov; Lviv, Lvov; Fedir, Fedor). Such keys are coarser: Ivanov and Ivaniv
/// share one.
///
/// ## Known limits
///
/// - Supported with every name: ALA-LC (both), BGN/PCGN (both), BS 2979 (both), GOST 16876
///   (both), GOST 52290, GOST 52535, GOST 7.79 System A, ISO 9 (1954, 1968, 1968 alt),
///   ICAO Doc 9303 (except ъ, written "ie"), Mosmetro, MVD 310, MVD 782, UNGEGN 1987,
///   Wikipedia, Yandex (both), the Ukrainian 2010 and Belarusian 2023 national schemes.
///   With exceptions: x for х (scientific, GOST 7034, GOST 7.79 System B: "x" is read as
///   "ks", as in Alexander and Xenia); Telegram's j for ж and sc for щ; French spellings'
///   ch for ш, j for ж and chtch for щ (their tch, ou, gu, -ine are supported); German
///   spellings' sch for ш, z for ц and ch for х (their w, j and tsch are supported).
/// - A word-initial ё shares its key with е and йо (Ёлкин, Елкин, Yolkin, Elkin; Йошкар,
///   Yoshkar, "eshkar"); so the key of a Latin name that starts with "Yo", "Jo" or "Io"
///   begins with "e".
/// - Names that differ only where schemes disagree share a key: ы and и (Zykin, Zikin),
///   е and э, ц and тс, ё and е, Мария and Марья (a glide and "ii" fold), a name and its
///   doubled-consonant spelling.
/// - Different forms of a name are different names: Aleksandr and Oleksandr, Vladimir and
///   Volodymyr, Mikhail and Mykhailo without `crossLanguage`, Yuri and Yura, Nikolai and
///   Nicholas.
/// - A Cyrillic line without a letter of its own alphabet is read as Russian: a Ukrainian
///   Гнат gets the key of "Gnat", and matches "Hnat" only with `crossLanguage`.
/// - Other scripts (Greek, Armenian) are kept as they are, lowercased; Kazakh and other
///   Cyrillic letters go through ICU's Cyrillic-Latin first.
///
/// - Complexity: O(*n*) in the length of the line; a short name takes a few microseconds.
///   The rule files are compiled once, in ``init(catalog:crossLanguage:)``.
public struct NameKeyGenerator: Sendable {
  /// The rule-file scheme that turns Cyrillic of `language` into key Latin, e.g.
  /// "name_key_ru".
  public static func schemeName(language: String) -> String { "name_key_\(language)" }

  /// The languages with their own Cyrillic → Latin key rules; others are read as Russian.
  public static let languages = ["ru", "uk", "be"]

  /// Whether Ukrainian- and Belarusian-derived spellings share keys with Russian-derived
  /// ones (Kyiv and Kiev).
  public let crossLanguage: Bool

  private let transliterators: [String: SchemeTransliterator]
  private let decomposition: ICU.Normalizer
  /// Keys already computed, shared by the copies of this generator: names recur.
  private let known = KnownKeys()

  /// Compiles the key rules of ``languages`` from `catalog`.
  /// - Parameters:
  ///   - catalog: the schemes; it must have `name_key_ru`, and may have `name_key_uk` and
  ///     `name_key_be` (without them, those languages are read with the Russian rules).
  ///   - crossLanguage: whether Ukrainian- and Russian-derived spellings share keys.
  /// - Throws: ``SchemeError`` when `name_key_ru` is missing or a rule file does not compile.
  public init(catalog: SchemeCatalog, crossLanguage: Bool = false) throws(SchemeError) {
    var transliterators: [String: SchemeTransliterator] = [:]
    for language in Self.languages {
      let name = Self.schemeName(language: language)
      guard catalog.schemes.contains(where: { $0.name == name }) else { continue }
      transliterators[language] = try catalog.transliterator(for: name)
    }
    guard transliterators["ru"] != nil else {
      throw SchemeError(
        scheme: Self.schemeName(language: "ru"),
        reason: "missing: name keys need locales/ru/translit/name_key.txt")
    }
    self.transliterators = transliterators
    self.crossLanguage = crossLanguage
    do {
      decomposition = try ICU.Normalizer(.nfkd)
    } catch {
      throw SchemeError(scheme: Self.schemeName(language: "ru"), reason: "\(error)")
    }
  }

  /// Compiles the key rules from the locale files in `locales`.
  /// - Throws: ``SchemeError`` as ``init(catalog:crossLanguage:)`` does.
  public init(locales: LocaleLibrary = .standard, crossLanguage: Bool = false)
    throws(SchemeError)
  {
    try self.init(catalog: SchemeCatalog(locales: locales), crossLanguage: crossLanguage)
  }

  /// The matching key of one name (or one line of names), e.g. "sergei lavrov" for
  /// "Сергей Лавров", "Sergei Lavrov" and "Serguei Lavrov".
  /// - Parameter name: one line of text; line breaks in it separate words like spaces.
  /// - Returns: lowercase words separated by single spaces; empty when `name` has no
  ///   letters or digits.
  /// - Throws: ``ICUError`` when ICU fails to apply the Cyrillic rules.
  public func key(for name: some StringProtocol) throws(ICUError) -> String {
    let name = String(name)
    if let key = known.key(for: name) { return key }
    let key = try computeKey(for: name)
    known.remember(key, for: name)
    return key
  }

  private func computeKey(for name: String) throws(ICUError) -> String {
    var latin = name.lowercased()
    if let language = Self.cyrillicLanguage(of: latin) {
      let transliterator = transliterators[language] ?? transliterators["ru"]
      if let transliterator { latin = try transliterator.transliterate(latin) }
    }
    if !latin.utf8.allSatisfy({ $0 < 0x80 }) { latin = try decomposition.normalize(latin) }
    return NameKeyCanonicalizer.key(ofLatin: latin, crossLanguage: crossLanguage)
  }

  /// The language whose key rules a line's Cyrillic is read with: "be" when it has ў, or і
  /// together with ы, э or ё; "uk" when it has ґ, є, ї or і; "ru" otherwise; `nil` when the
  /// line has no Cyrillic letter.
  public static func cyrillicLanguage(of text: some StringProtocol) -> String? {
    var hasCyrillic = false
    var hasI = false
    var hasUkrainian = false
    var hasBelarusian = false
    var hasRussianOnly = false
    for scalar in text.unicodeScalars where (0x0400...0x052F).contains(scalar.value) {
      hasCyrillic = true
      switch scalar.value {
      case 0x040E, 0x045E: hasBelarusian = true  // Ў ў
      case 0x0490, 0x0491, 0x0404, 0x0454, 0x0407, 0x0457: hasUkrainian = true  // Ґ Є Ї
      case 0x0406, 0x0456: hasI = true  // І і
      case 0x042B, 0x044B, 0x042D, 0x044D, 0x0401, 0x0451: hasRussianOnly = true  // Ы Э Ё
      default: break
      }
    }
    guard hasCyrillic else { return nil }
    if hasBelarusian || (hasI && hasRussianOnly && !hasUkrainian) { return "be" }
    if hasUkrainian || hasI { return "uk" }
    return "ru"
  }
}

/// A bounded memo of name keys, safe to share between threads.
private final class KnownKeys: Sendable {
  private let keys = Mutex([String: String]())
  /// Past this many names the memo starts again, so memory stays bounded.
  private static let limit = 1 << 18

  func key(for name: String) -> String? { keys.withLock { $0[name] } }

  func remember(_ key: String, for name: String) {
    keys.withLock { keys in
      if keys.count >= Self.limit { keys.removeAll(keepingCapacity: true) }
      keys[name] = key
    }
  }
}
