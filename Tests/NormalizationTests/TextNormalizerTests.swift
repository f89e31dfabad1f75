import Foundation
@testable import Normalization
import Testing
import TextModel
import _VerbatimTestSupport

@Suite struct DisplayProfileTests {
  let display = Result { try TextNormalizer(profile: .display) }

  // Each expected output is worked out by hand from the profile's rules.
  @Test(arguments: [
    ("a&nbsp;b &amp; c", "a b & c"),
    ("Lavrov&#8217;s &laquo;speech&raquo;", "Lavrov’s «speech»"),
    ("&#x2014; &amp;nbsp; &notanentity; & x", "—   &notanentity; & x"),
    ("line\r\nnext\rlast", "line\nnext\nlast"),
    ("soft\u{AD}hyphen zero\u{200B}width \u{FEFF}bom", "softhyphen zerowidth bom"),
    ("narrow\u{202F}thin\u{2009}ideo\u{3000}end", "narrow thin ideo end"),
    ("bell\u{7}and\u{85}c1", "bellandc1"),
    ("e\u{301}te\u{301}", "été"),
    ("M\u{43E}scow", "Moscow"),
    ("\u{41F}p\u{438}\u{432}e\u{442}", "Привет"),
    ("Су-35 and A4 stay", "Су-35 and A4 stay"),
    ("«Лавров» — Lavrov’s 🇷🇺 ﬁ", "«Лавров» — Lavrov’s 🇷🇺 ﬁ"),
    ("👨\u{200D}👩\u{200D}👧 keeps its joiners", "👨\u{200D}👩\u{200D}👧 keeps its joiners"),
  ])
  func repairsAndKeepsWhatDisplayKeeps(input: String, expected: String) throws {
    let result = try display.get().normalize(input)
    #expect(Array(result.text.unicodeScalars) == Array(expected.unicodeScalars))
  }

  @Test func changesCarryRawSpansAndKinds() throws {
    let raw = "a&nbsp;b\r\nM\u{43E}scow\u{200B}"
    let result = try display.get().normalize(raw)
    #expect(result.text == "a b\nMoscow")
    #expect(result.changes == [
      Change(span: ScalarSpan(start: 1, end: 7), kind: .entity),
      Change(span: ScalarSpan(start: 8, end: 10), kind: .lineEnding),
      Change(span: ScalarSpan(start: 10, end: 16), kind: .lookAlike),
      Change(span: ScalarSpan(start: 16, end: 17), kind: .invisible),
    ])
    #expect(raw.slice(result.offsetMap.rawSpan(for: ScalarSpan(start: 4, end: 10))) == "M\u{43E}scow")
    #expect(raw.slice(result.offsetMap.rawSpan(for: ScalarSpan(start: 1, end: 2))) == "&nbsp;")
  }

  @Test func switchedOffKindsAreLeftAlone() throws {
    let normalizer = try TextNormalizer(profile: .display, disabled: [.entity, .lookAlike])
    #expect(try normalizer.normalize("a&amp;b M\u{43E}scow\u{A0}").text == "a&amp;b M\u{43E}scow ")
  }

  /// The corpus holds no entities, controls or look-alikes; its only display change is the
  /// no-break spaces of the MFA pages (four in 000, two in 002), counted by hand.
  @Test(arguments: Corpus.fileNames)
  func corpusChangesOnlyItsNoBreakSpaces(name: String) throws {
    let raw = try Corpus.text(name)
    let result = try display.get().normalize(raw)
    #expect(result.changes.allSatisfy { $0.kind == .space && raw.slice($0.span) == "\u{A0}" })
    let expected = ["000": 4, "002": 2][String(name.prefix(3))] ?? 0
    #expect(result.changes.count == expected)
  }
}

@Suite struct MatchProfileTests {
  let match = Result { try TextNormalizer(profile: .match) }

  @Test(arguments: [
    ("«Лавров» — Lavrov’s", "\"lavrov\" - lavrov's"),
    ("Ёлка и йод", "elka i yod"),
    ("Сергей Лавров and Sergey Lavrov", "sergey lavrov and sergey lavrov"),
    ("Naryškin São Paulo álbum", "naryskin sao paulo album"),
    ("STRASSE Straße", "strasse strasse"),
    ("🔹 Despite   the\n\nsanctions 🇷🇺", " despite the sanctions "),
    ("Forwarded from Russian MFA 🇷🇺", "forwarded from russian mfa "),
    ("• item ‣ two", "* item * two"),
    ("ﬁ ① Ⅻ", "fi 1 xii"),
    ("„quoted“ ‘single’ `tick´", "\"quoted\" 'single' 'tick'"),
    ("ий and ый: й stays apart from и", "iy and yy: y stays apart from i"),
  ])
  func foldsForComparison(input: String, expected: String) throws {
    let result = try match.get().normalize(input)
    #expect(Array(result.text.unicodeScalars) == Array(expected.unicodeScalars))
  }

  /// Telegram re-posts in corpus/003 differ by the emoji bullet ("ℹ️" vs "🚩"); under the
  /// match profile the two lines compare equal.
  /// "Moscow" (with a Cyrillic о) glued to "Лавров" has more Cyrillic letters, but "w"
  /// has no Cyrillic look-alike in any alphabet in use (only the historic omega "ѡ"): the
  /// word is left mixed for display, and matching writes it all in Latin letters.
  @Test func aGluedMixedScriptWordIsNotTurnedIntoHistoricLetters() throws {
    let glued = "M\u{43E}scow\u{41B}\u{430}\u{432}\u{440}\u{43E}\u{432}"
    #expect(try TextNormalizer(profile: .display).normalize(glued).text == glued)
    #expect(try match.get().normalize(glued).text == "moscowlavrov")
  }

  @Test func emojiSwapsCompareEqual() throws {
    let normalizer = try match.get()
    #expect(try normalizer.normalize("ℹ️ Russia does not seek").text == normalizer.normalize("🚩 Russia does not seek").text)
  }
}

@Suite struct NormalizationPropertyTests {
  static let samples: [String] = [
    "a&amp;amp;nbsp;b", "M\u{43E}scow\u{A0}&laquo;x&raquo;", "e\u{301}\u{301}\u{323}", "\r\n\r",
    "Ёж ЙОД ü ß ǅ", "🇷🇺🇺🇳 👍🏽 1️⃣", "Су-35 Пpивет", "ў and ї, Київ, Магілёў", "M\u{43E}scowЛавров", "\u{0}\u{1F}\u{85}x", "",
  ]

  /// Normalising twice changes nothing, for both profiles, on the corpus and edge cases.
  @Test(arguments: NormalizationProfile.allCases)
  func normalizingTwiceChangesNothing(profile: NormalizationProfile) throws {
    let normalizer = try TextNormalizer(profile: profile)
    let texts = try Corpus.fileNames.map { try Corpus.text($0) } + Self.samples
    for text in texts {
      let once = try normalizer.normalize(text).text
      let twice = try normalizer.normalize(once)
      #expect(twice.text == once)
      #expect(twice.changes.isEmpty)
    }
  }

  /// Every change span lies in the raw text, and the offset map covers the raw text: the
  /// whole output maps to the whole input, and spans never run backwards.
  @Test(arguments: NormalizationProfile.allCases)
  func spansStayInsideTheRawText(profile: NormalizationProfile) throws {
    let normalizer = try TextNormalizer(profile: profile)
    for text in try Corpus.fileNames.map({ try Corpus.text($0) }) + Self.samples {
      let result = try normalizer.normalize(text)
      let count = text.scalarCount
      #expect(result.changes.allSatisfy { $0.span.start >= 0 && $0.span.end <= count })
      #expect(result.offsetMap.rawCount == count)
      #expect(result.offsetMap.derivedCount == result.text.scalarCount)
      let whole = result.offsetMap.rawSpan(for: ScalarSpan(start: 0, end: result.text.scalarCount))
      #expect(whole.end <= count)
    }
  }

  /// An unchanged word of the output maps back to the same word in the raw text.
  @Test func unchangedWordsMapBackExactly() throws {
    let raw = try Corpus.text(startingWith: "003")
    let result = try TextNormalizer(profile: .match).normalize(raw)
    for word in ["samarkand", "multipolarity", "architecture"] {
      guard let range = result.text.range(of: word) else {
        Issue.record("\(word) not in the match text")
        continue
      }
      let start = result.text.unicodeScalars.distance(from: result.text.startIndex, to: range.lowerBound)
      let span = result.offsetMap.rawSpan(for: ScalarSpan(start: start, end: start + word.unicodeScalars.count))
      #expect(raw.slice(span)?.lowercased() == word)
    }
  }
}

@Suite struct ChunkedNormalizationTests {
  /// A text far longer than one piece normalises exactly like its lines one by one: same
  /// text, same changes (shifted), and an offset map that points into the right line.
  @Test(arguments: NormalizationProfile.allCases)
  func piecesJoinSeamlessly(profile: NormalizationProfile) throws {
    let line = "M\u{43E}scow&nbsp;— «Лавров» caf\u{C3}\u{A9}  🇷🇺 e\u{301}\r\n"
    let lineLength = line.unicodeScalars.count
    let repeats = TextNormalizer.chunkSize / lineLength * 3
    let text = String(repeating: line, count: repeats)
    let normalizer = try TextNormalizer(profile: profile)
    let whole = try normalizer.normalize(text)
    let single = try normalizer.normalize(line)
    if profile == .display {
      #expect(whole.text == String(repeating: single.text, count: repeats))
    }
    #expect(whole.changes.count >= single.changes.count * repeats - 1)
    #expect(whole.offsetMap.rawCount == text.unicodeScalars.count)
    // The last line's "Moscow" maps back to the last line's raw word.
    let lastLineStart = lineLength * (repeats - 1)
    let firstChange = whole.changes.first { $0.span.start >= lastLineStart }
    #expect(firstChange?.span == ScalarSpan(start: lastLineStart, end: lastLineStart + 6))
  }
}
