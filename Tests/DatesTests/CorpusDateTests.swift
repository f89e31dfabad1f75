import Foundation
import Testing
import TextModel
import _VerbatimTestSupport
@testable import Dates

/// Every date expression of the seed transcripts, worked out by reading them, resolved
/// against each document's own date (its first full date).
let corpusDates: [String: [String]] = [
  "000": [
    "September 30, 2022|2022-09-30|day",  // the title line
    "30-09-2022|2022-09-30|day",  // the slug 2016-30-09-2022: id 2016
    "Today|2022-09-30|day",
    "yesterday|2022-09-29|day",  // Putin's meeting of 004
    "two years ago|2020|year",
    "January|2022-01|month",  // "in January" (CSTO forces in Kazakhstan)
    "Today|2022-09-30|day",
  ],
  "001": [
    "2024-06-21|2024-06-21|day",
    "six months ago|2023-12|month",
    "the day before|2024-06-20|day",
    "November|2024-11|month",  // "will be held in November"
    "June 14|2024-06-14|day",
    "Today|2024-06-21|day",
    "July 19|2024-07-19|day",  // "will be held"
    "July|2024-07|month",
    "today|2024-06-21|day",
    "October 7, 2023|2023-10-07|day",
    "today|2024-06-21|day",
    "today|2024-06-21|day",
    "Today|2024-06-21|day",
    "February 2014|2014-02|month",
    "February 2014|2014-02|month",
    "today|2024-06-21|day",
    "today|2024-06-21|day",
    "yesterday|2024-06-20|day",
    "June 14|2024-06-14|day",
    "February 2014|2014-02|month",
    "The next morning|-|day",  // the morning after a day of February 2014: not resolvable
    "February 2014|2014-02|month",
    "February 2015|2015-02|month",
    "April 2022|2022-04|month",
    "June 14|2024-06-14|day",
    "today|2024-06-21|day",
    "Today|2024-06-21|day",
    "today|2024-06-21|day",
    "today|2024-06-21|day",
  ],
  "002": [
    "April 12, 2024|2024-04-12|day",
    "12-04-2024|2024-04-12|day",  // the slug 676-12-04-2024: id 676
    "this year|2024|year",
    "this year|2024|year",
    "2025|2025|year",
    "2026|2026|year",
    "this year|2024|year",
    "October 7|2024-10-07|day",
    "today|2024-04-12|day",
    "this year|2024|year",
    "June|2024-06|month",
    "September|2024-09|month",
    "2024|2024|year",
    "this year|2024|year",
    "today|2024-04-12|day",
    "Yesterday|2024-04-11|day",
    "December 2021|2021-12|month",
    "2007|2007|year",
    "2008|2008|year",
    "2010|2010|year",
  ],
  "003": [
    "April 14, 2023|2023-04-14|day",
    "April 14, 2023|2023-04-14|day",
    "May 27-29, 2025|2025-05-27/2025-05-29|range",
    "2010|2010|year",
    "May 20, 2025|2025-05-20|day",
    "May 27-29, 2025|2025-05-27/2025-05-29|range",
    "2010|2010|year",
    "May 20, 2025|2025-05-20|day",
    "May 27-29, 2025|2025-05-27/2025-05-29|range",
    "2010|2010|year",
    "May 27-29, 2025|2025-05-27/2025-05-29|range",
    "2010|2010|year",
    "May 28, 2025|2025-05-28|day",
    // A Telegram dump has no single date: "today" in the post of May 28, 2025 resolves
    // against the document's first date, as documented (the post's own date is not used).
    "today|2023-04-14|day",
    "today|2023-04-14|day",
  ],
  "004": [
    "September 29, 2022\n17:35|2022-09-29T17:35|datetime",
    "today|2022-09-29|day",  // "in today's conditions"
    "September 5|2022-09-05|day",
    "September 29, 2022, 17:35|2022-09-29T17:35|datetime",
  ],
]

@Suite struct CorpusDates {
  @Test(arguments: ["000", "001", "002", "003", "004"])
  func everyDateOfTheTranscript(_ prefix: String) throws {
    let text = try Corpus.text(startingWith: prefix)
    let found = finder.dates(in: text)
    let actual = found.map { "\($0.surface)|\($0.value ?? "-")|\($0.kind.rawValue)" }
    #expect(actual == corpusDates[prefix]!)
    let mismatches = SpanChecks.mismatches(in: text, spans: found.map { ($0.span, $0.surface) })
    #expect(mismatches.isEmpty)
  }

  @Test func documentDates() throws {
    let expected = ["000": "2022-09-30", "001": "2024-06-21", "002": "2024-04-12", "003": "2023-04-14", "004": "2022-09-29"]
    for (prefix, date) in expected {
      #expect(finder.documentDate(in: try Corpus.text(startingWith: prefix))?.description == date)
    }
  }

  @Test func headerTimesWithTimesOn() throws {
    let withTimes = try DateFinder(includesTimes: true)
    let found = withTimes.dates(in: try Corpus.text(startingWith: "000"))
    #expect(found.first?.surface == "13:56")
    #expect(found.first?.value == "13:56")
    #expect(found.first?.span == ScalarSpan(start: 0, end: 5))
  }

  @Test func relativeToAnExplicitReference() throws {
    // 000 read as of the day of the Kremlin meeting (004).
    let found = finder.dates(in: try Corpus.text(startingWith: "000"), relativeTo: CalendarDay(year: 2022, month: 9, day: 29)!)
    #expect(found.first { $0.surface == "yesterday" }?.value == "2022-09-28")
  }
}

@Suite struct Spans {
  /// Every reported span slices the text to exactly its surface: over the corpus, every
  /// hand-written case, and text made of date words and digits in random order.
  @Test func everySpanSlicesToItsSurface() throws {
    var texts = try Corpus.fileNames.map { try Corpus.text($0) }
    texts += (englishCases + russianCases + portugueseCases + dayOrderCases).map { MarkedText($0.marked).text }
    texts += noDateCases
    let pieces = [
      "May", "27", "-", "29", ",", " ", "2025", "\n", "сентября", "г.", "de", "setembro", "30", ".", "09",
      "/", "17", ":", "35", "T", "yesterday", "вчера", "há", "três", "dias", "ago", "🇷🇺", "e\u{301}", "\u{A0}",
      "of", "th", "с", "по", "года", "on", "Monday", "12", "2016", "\r\n", "ª", "º", "1", "anos", "atrás",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<300 {
      texts.append((0..<40).map { _ in pieces.randomElement(using: &generator)! }.joined())
    }
    let withTimes = try DateFinder(includesTimes: true)
    for text in texts {
      let found = withTimes.dates(in: text, relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
      let mismatches = SpanChecks.mismatches(in: text, spans: found.map { ($0.span, $0.surface) })
      #expect(mismatches.isEmpty, "\(text.debugDescription)")
      #expect(zip(found, found.dropFirst()).allSatisfy { $0.span.end <= $1.span.start })
    }
  }

  @Test func offsetsCountScalarsNotBytes() {
    let text = "🇷🇺 Привет, 30 сентября 2022 г."
    let found = finder.dates(in: text, relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
    #expect(found.map(\.span) == [ScalarSpan(start: 11, end: 30)])
    #expect(found.map(\.surface) == ["30 сентября 2022 г."])
  }

  @Test func decomposedInputMatchesComposedForms() {
    let text = "amanha\u{0303}"  // "amanhã" in NFD
    #expect(finder.dates(in: "amanha\u{0303}", relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!).map(\.surface) == [text])
  }
}
