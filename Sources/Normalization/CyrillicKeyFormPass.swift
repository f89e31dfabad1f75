import ICU
import Locales

/// Writes Cyrillic words in one Latin key form, for matching: the letter-by-letter
/// transliteration that name keys start from (`locales/ru/translit/name_key.txt`: ж "zh",
/// х "kh", й and ы "y", ё "yo", ъ and ь nothing), so "Сергей Лавров" and "Sergey Lavrov"
/// compare equal. Letters of other Cyrillic alphabets go through ICU's Cyrillic-Latin.
struct CyrillicKeyFormPass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.script]
  private let transliterator: ICU.Transliterator

  init(locales: LocaleLibrary) throws {
    let path = "ru/translit/name_key.txt"
    transliterator = try ICU.Transliterator(rules: try locales.contents(of: path), id: "locales/\(path)")
  }

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) throws -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    // Words repeat in a text; a word alone is not worth remembering.
    let remembers = input.count > Self.shortestRemembering
    var cache: [String: [Unicode.Scalar]] = [:]
    var index = 0
    while index < input.count {
      guard Self.isCyrillic(input[index]) else {
        rewriter.keep(input[index])
        index += 1
        continue
      }
      var end = index + 1
      while end < input.count, Self.isCyrillic(input[end]) || input[end].properties.generalCategory == .nonspacingMark {
        end += 1
      }
      let word = String(String.UnicodeScalarView(input[index..<end]))
      let latin: [Unicode.Scalar]
      if remembers, let cached = cache[word] {
        latin = cached
      } else {
        latin = Array(try transliterator.transliterate(word).unicodeScalars)
        if remembers { cache[word] = latin }
      }
      rewriter.replace(end - index, with: latin, kind: .script)
      index = end
    }
    return rewriter
  }

  /// Inputs of at most this many scalars are transliterated word by word without a cache.
  static let shortestRemembering = 64

  static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
    (0x400...0x52F).contains(scalar.value)
  }
}
