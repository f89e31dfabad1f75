import ICU
import Testing
import TextModel
import _VerbatimTestSupport

@Suite struct BreakIteratorTests {
  @Test func wordsOfARussianLine() throws {
    let text = "Вопрос: что дальше?"
    let words = try ICU.BreakIterator(.word, locale: "ru").segments(in: text)
      .filter(\.isWordLike).map { text.slice($0.span) }
    #expect(words == ["Вопрос", "что", "дальше"])
  }

  @Test func wordSpansAreScalarOffsetsPastEmoji() throws {
    // From corpus/003: "📍 Samarkand, April 14, 2023". The pin is one scalar.
    let text = "📍 Samarkand, April 14, 2023"
    let segments = try ICU.BreakIterator(.word, locale: "en").segments(in: text)
    let words = segments.filter(\.isWordLike)
    #expect(words.map(\.span) == [
      ScalarSpan(start: 2, end: 11), ScalarSpan(start: 13, end: 18),
      ScalarSpan(start: 19, end: 21), ScalarSpan(start: 23, end: 27),
    ])
    #expect(words.map(\.isNumber) == [false, false, true, true])
    // Segments cover the text without gaps.
    #expect(segments.first?.span.start == 0)
    #expect(segments.last?.span.end == text.scalarCount)
    #expect(zip(segments, segments.dropFirst()).allSatisfy { $0.span.end == $1.span.start })
  }

  @Test func sentencesOfACorpusParagraph() throws {
    let text = try Corpus.text(startingWith: "002")
    let paragraph = text.split(separator: "\n").first { $0.hasPrefix("We have completed") }
    let sentences = try ICU.BreakIterator(.sentence, locale: "en").segments(in: paragraph ?? "")
    #expect(sentences.count == 4)
    #expect(paragraph.map { String($0).slice(sentences[1].span) } == "This is the first event of the CIS charter bodies, scheduled for this year. ")
  }

  @Test func charactersAreGraphemeClusters() throws {
    let text = "🇷🇺e\u{301}"
    let clusters = try ICU.BreakIterator(.character, locale: "").segments(in: text)
    #expect(clusters.map(\.span) == [ScalarSpan(start: 0, end: 2), ScalarSpan(start: 2, end: 4)])
  }

  @Test func oneIteratorServesManyTexts() throws {
    let iterator = try ICU.BreakIterator(.word, locale: "pt")
    #expect(try iterator.segments(in: "Galeria de fotos").filter(\.isWordLike).count == 3)
    #expect(try iterator.segments(in: "").isEmpty)
    #expect(try iterator.segments(in: "álbum").filter(\.isWordLike).count == 1)
  }
}
