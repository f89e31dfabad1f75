@testable import Alignment
import Normalization
import Testing
import TextModel
import Transliteration
import _VerbatimTestSupport

/// `MatchTokenizer` reads lines that no repair pass changes a remembered word at a time;
/// its tokens must be those of the whole text's `match` normalisation, cut into runs of
/// letters and digits, each keyed by the name key of its raw spelling.
@Suite struct MatchTokenizerTests {
  static let tools = Result { (try MatchTokenizer(), try TextNormalizer(profile: .match), try NameKeyGenerator()) }

  /// The tokens the plain way: normalise the whole text, cut, key each word.
  static func referenceTokens(of text: String) throws -> [MatchDocument.Token] {
    let (_, normalizer, keys) = try tools.get()
    let normalized = try normalizer.normalize(text)
    let raw = Array(text.unicodeScalars)
    func fnv(_ scalars: some Sequence<Unicode.Scalar>) -> UInt64 {
      scalars.reduce(MatchDocument.fnvOffset) { ($0 ^ UInt64($1.value)) &* MatchDocument.fnvPrime }
    }
    var tokens: [MatchDocument.Token] = []
    let scalars = Array(normalized.text.unicodeScalars)
    var start = 0
    while start < scalars.count {
      guard scalars[start].isWordScalar else {
        start += 1
        continue
      }
      var end = start
      while end < scalars.count, scalars[end].isWordScalar { end += 1 }
      let word = scalars[start..<end]
      let span = normalized.offsetMap.rawSpan(for: ScalarSpan(start: start, end: end))
      let isNumber = word.allSatisfy { $0.properties.numericType != nil }
      let spelling = String(String.UnicodeScalarView(raw[span.start..<span.end]))
      let hash = isNumber ? fnv(word) : fnv(try keys.key(for: spelling).unicodeScalars)
      tokens.append(MatchDocument.Token(hash: hash, rawSpan: span, isNumber: isNumber))
      start = end
    }
    return tokens
  }

  static func texts() throws -> [String] {
    try Corpus.fileNames.map { try Corpus.text($0) }
      + (0..<6).map { TextSamples.foldingText(lines: 300, seed: UInt64($0)) }
      + (0..<3).map { TextSamples.screenDefectLines(lines: 300, seed: UInt64($0)) }
      + TextSamples.foldingDefects + TextSamples.defects
      + [String(repeating: "ж", count: 300) + " Sergei Сергей Sergey", "½ ﬁnance 2022 ٣ MоscowЛавров", ""]
  }

  @Test func tokensAreThoseOfTheWholeNormalisation() throws {
    let (tokenizer, _, _) = try Self.tools.get()
    var compared = 0
    // Twice: the second time every word comes from the memo.
    for _ in 0..<2 {
      for text in try Self.texts() {
        let expected = try Self.referenceTokens(of: text)
        let tokens = try tokenizer.tokens(of: text)
        #expect(tokens == expected, "\(text.prefix(120).debugDescription)")
        compared += tokens.count
      }
    }
    #expect(compared > 30_000)
  }

  @Test func spellingsOfOneNameAreOneWord() throws {
    let (tokenizer, _, _) = try Self.tools.get()
    let tokens = try tokenizer.tokens(of: "Sergei Sergey Сергей SERGEY, 2022")
    #expect(tokens.count == 5)
    #expect(Set(tokens.prefix(4).map(\.hash)).count == 1)
    #expect(tokens[4].isNumber && !tokens[0].isNumber)
    #expect(tokens.map(\.rawSpan) == [
      ScalarSpan(start: 0, end: 6), ScalarSpan(start: 7, end: 13), ScalarSpan(start: 14, end: 20),
      ScalarSpan(start: 21, end: 27), ScalarSpan(start: 29, end: 33),
    ])
  }
}
