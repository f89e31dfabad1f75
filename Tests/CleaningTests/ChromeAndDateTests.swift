@testable import Cleaning
import Testing
import TextModel
import _VerbatimTestSupport

/// `chromeAndDate(of:)` reads only what chrome and the date need; it must find exactly
/// what a full clean finds.
@Suite struct ChromeAndDateTests {
  static let cleaner = Result { try TranscriptCleaner() }

  /// The corpus's documents; each again without its first lines, one more at a time (so
  /// the date comes from a slug, a dateline, a title, or nowhere); and documents of the
  /// corpus's lines in random order.
  static func documents() throws -> [String] {
    let texts = try Corpus.fileNames.map { try Corpus.text($0) }
    var documents: [String] = []
    for text in texts {
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      for dropped in 0..<min(15, lines.count) {
        documents.append(lines.dropFirst(dropped).joined(separator: "\n"))
      }
    }
    let allLines = texts.flatMap { $0.split(separator: "\n").map(String.init) }
    var random = SplitMix(seed: 7)
    for _ in 0..<60 {
      let count = Int(random.next() % 40) + 1
      documents.append(
        (0..<count).map { _ in allLines[Int(random.next() % UInt64(allLines.count))] }.joined(separator: "\n"))
    }
    return documents
  }

  @Test func sameChromeAndDateAsAFullClean() throws {
    let cleaner = try Self.cleaner.get()
    let documents = try Self.documents()
    let learned = LearnedChrome(documents: try Corpus.fileNames.map { try Corpus.text($0) })
    var dated = 0
    var withChrome = 0
    for document in documents {
      for learnedChrome in [nil, learned] {
        let light = cleaner.chromeAndDate(of: document, learnedChrome: learnedChrome)
        let full = try cleaner.clean(document, learnedChrome: learnedChrome)
        #expect(light.chrome == full.chromeSpans, "\(document.prefix(200).debugDescription)")
        #expect(light.date == full.date, "\(document.prefix(200).debugDescription)")
        if light.date != nil { dated += 1 }
        if !light.chrome.isEmpty { withChrome += 1 }
      }
    }
    // The documents include dated and undated ones, with chrome and without.
    #expect(dated > documents.count / 4 && dated < documents.count * 2 - 10)
    #expect(withChrome > documents.count / 4 && withChrome < documents.count * 2 - 10)
  }
}

/// Lines are cut from UTF-8 directly; they must be what splitting at line feeds and
/// trimming spaces gives.
@Suite struct SourceLineTests {
  /// The plain definition: split at line feeds, trim spaces, drop empty lines.
  static func referenceLines(of text: String) -> [SourceLine] {
    var lines: [SourceLine] = []
    var offset = 0
    for piece in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      let scalars = Array(piece)
      if let first = scalars.firstIndex(where: { !SourceLine.isSpace($0) }),
        let last = scalars.lastIndex(where: { !SourceLine.isSpace($0) })
      {
        lines.append(
          SourceLine(
            text: String(String.UnicodeScalarView(scalars[first...last])),
            span: ScalarSpan(start: offset + first, end: offset + last + 1)))
      }
      offset += scalars.count + 1
    }
    return lines
  }

  @Test func linesAreTheTrimmedNonEmptyLines() throws {
    let pieces = [
      "word", "Сергей", "a\u{301}", "🇺🇳", "\u{A0}", "\u{2003}", "\u{200B}", "\u{FEFF}", "\u{3000}",
      "\u{1680}", "\u{2028}", "\u{85}", "\u{202F}", " ", "\t", "\r", "\n", "\n", "\u{C2}", "\u{2010}",
      "\u{E9}", "\u{1F600}", "\u{20AC}",
      // Runs of ASCII and basic Cyrillic, which are counted eight bytes at a time.
      "Ab9 the", "1,2.", "ёЁ слова", "\u{400}\u{45F}\u{460}", "x\u{1E00}y", "@[`{", "A-Z",
    ]
    var random = SplitMix(seed: 11)
    var texts = try Corpus.fileNames.map { try Corpus.text($0) }
    for _ in 0..<2000 {
      let count = Int(random.next() % 40)
      texts.append((0..<count).map { _ -> String in pieces[Int(random.next() % UInt64(pieces.count))] }.joined())
    }
    for text in texts {
      let lines = SourceLine.lines(of: text)
      #expect(lines == Self.referenceLines(of: text), "\(text.debugDescription)")
      #expect(SpanChecks.mismatches(in: text, spans: lines.map { ($0.span, $0.text) }).isEmpty)
      for maximumWords in [0, 1, 3, 10] {
        let short = SourceLine.shortLines(of: text, maximumWords: maximumWords)
        let expected = lines.filter { $0.wordCount <= maximumWords }
        #expect(short.map(\.text) == expected.map(\.text) && short.map(\.wordCount) == expected.map(\.wordCount))
      }
    }
  }

  @Test func wordCounts() {
    #expect(SourceLine.wordCount(of: "Read in full: 12 pages") == 5)
    #expect(SourceLine.wordCount(of: "Сергей Лавров, Moscow-2022") == 4)
    #expect(SourceLine.wordCount(of: "— … 🇺🇳") == 0)
  }
}
