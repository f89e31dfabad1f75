import Testing
import TextModel

@Suite struct ScalarExcerptTests {
  @Test func coversTheLinesTheSpanTouches() {
    // "one\n" is scalars 0–3, "twö three\n" 4–13, "four" 14–17.
    let text = "one\ntwö three\nfour"
    let middle = ScalarExcerpt(linesOf: text, around: ScalarSpan(start: 8, end: 13))
    #expect(middle.start == 4)
    #expect(middle.end == 13)
    #expect(String(String.UnicodeScalarView(middle[8..<13])) == "three")
    #expect(middle[6] == "ö")
    // A span across a line feed takes both lines; one at the text's edges, the first and
    // last lines.
    let across = ScalarExcerpt(linesOf: text, around: ScalarSpan(start: 2, end: 5))
    #expect((across.start, across.end) == (0, 13))
    let last = ScalarExcerpt(linesOf: text, around: ScalarSpan(start: 15, end: 18))
    #expect((last.start, last.end) == (14, 18))
    // An empty span at a line's end, before its line feed, is that line.
    let atEnd = ScalarExcerpt(linesOf: text, around: ScalarSpan(start: 3, end: 3))
    #expect((atEnd.start, atEnd.end) == (0, 3))
  }

  /// Every span of texts with multi-byte scalars and long lines (the byte count skips eight
  /// at a time) gives the scalars the standard library gives for the same lines.
  @Test(arguments: [
    "Москва 🇷🇺 álbum\ne\u{301} 👍🏽 line two\n\nafter an empty line\n",
    String(repeating: "eight by tes é, Сергей; 😀 ", count: 9) + "\n" + String(repeating: "ascii only ", count: 12),
  ])
  func matchesTheStandardLibrary(text: String) {
    let scalars = Array(text.unicodeScalars)
    for start in 0...scalars.count {
      for end in start...min(scalars.count, start + 40) {
        let excerpt = ScalarExcerpt(linesOf: text, around: ScalarSpan(start: start, end: end))
        var lineStart = start
        while lineStart > 0, scalars[lineStart - 1] != "\n" { lineStart -= 1 }
        var lineEnd = end
        while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
        #expect(excerpt.start == lineStart && excerpt.scalars == Array(scalars[lineStart..<lineEnd]), "\(start)..<\(end)")
      }
    }
  }
}
