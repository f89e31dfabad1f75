import Testing
import TextModel
import _VerbatimTestSupport

@Suite struct ScalarSpanTests {
  // Expected values are Python str indices, worked out by hand: a flag is two scalars.
  @Test func slicesCountScalarsNotCharacters() {
    let text = "🇷🇺 Москва"
    #expect(text.scalarCount == 9)
    #expect(text.slice(ScalarSpan(start: 3, end: 9)) == "Москва")
    #expect(text.slice(ScalarSpan(start: 0, end: 2)) == "🇷🇺")
    #expect(text.slice(ScalarSpan(start: 0, end: 1)) == "🇷")
  }

  @Test func combiningMarksAreScalarsOfTheirOwn() {
    let text = "Sergei\u{301} Lavrov"
    #expect(text.scalarCount == 14)
    #expect(text.slice(ScalarSpan(start: 8, end: 14)) == "Lavrov")
  }

  @Test func sliceOutsideTheTextIsNil() {
    #expect("abc".slice(ScalarSpan(start: 2, end: 4)) == nil)
    #expect("abc".slice(ScalarSpan(start: 3, end: 3)) == "")
  }

  @Test func markedTextGivesHandWrittenSpans() {
    let marked = MarkedText("On ⟦May 27⟧ we met in ⟦Москва⟧")
    #expect(marked.text == "On May 27 we met in Москва")
    #expect(marked.spans == [ScalarSpan(start: 3, end: 9), ScalarSpan(start: 20, end: 26)])
    #expect(SpanChecks.mismatches(in: marked.text, spans: [(marked.spans[0], "May 27")]).isEmpty)
    #expect(!SpanChecks.mismatches(in: marked.text, spans: [(marked.spans[0], "May 2")]).isEmpty)
  }
}

@Suite struct FastScalarConversionTests {
  @Test(arguments: ["", "ascii only", "eight by" + "tes é then seven😀1234567", String(repeating: "abcdefg é ", count: 7) + "Москва12345678\u{10FFFF}", "Москва 🇷🇺 álbum e\u{301} 👍🏽 \u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"])
  func decodingAndEncodingMatchTheStandardLibrary(text: String) {
    var text = text
    let scalars = text.withUTF8 { [Unicode.Scalar](validUTF8: $0) }
    #expect(scalars == Array(text.unicodeScalars))
    #expect(String(scalars: scalars) == text)
  }
}
