import Foundation
import Testing
import TextModel
import _VerbatimTestSupport
@testable import Dates

let finder: DateFinder = try! DateFinder(languages: ["en", "ru", "pt"])

/// Checks one marked case: spans, values, kinds and flags.
func check(_ item: DateCase, sourceLocation: SourceLocation = #_sourceLocation) {
  let marked = MarkedText(item.marked)
  let reference = CalendarDay(iso: item.reference)!
  let found = finder.dates(in: marked.text, relativeTo: reference)
  var expected: [(ScalarSpan, String)] = []
  for (span, spec) in zip(marked.spans, item.expected) where !spec.hasSuffix("skip") {
    expected.append((span, spec))
  }
  let checked = found.filter { date in
    !zip(marked.spans, item.expected).contains { $0.0 == date.span && $0.1.hasSuffix("skip") }
  }
  #expect(checked.map(\.span) == expected.map(\.0), "\(item.marked.debugDescription): found \(found.map { "\($0.surface.debugDescription) \($0.value ?? "-")" })", sourceLocation: sourceLocation)
  for (date, (_, spec)) in zip(checked, expected) {
    let parts = spec.split(separator: " ").map(String.init)
    #expect(date.value ?? "-" == parts[0], "\(item.marked.debugDescription)", sourceLocation: sourceLocation)
    #expect(date.kind.rawValue == parts[1], "\(item.marked.debugDescription)", sourceLocation: sourceLocation)
    #expect(date.isAmbiguousDayOrder == parts.contains("ambiguous"), "\(item.marked.debugDescription)", sourceLocation: sourceLocation)
    #expect(marked.text.slice(date.span) == date.surface)
  }
}

@Suite struct WrittenDates {
  @Test(arguments: englishCases) func english(_ item: DateCase) { check(item) }
  @Test(arguments: russianCases) func russian(_ item: DateCase) { check(item) }
  @Test(arguments: portugueseCases) func portuguese(_ item: DateCase) { check(item) }
  @Test(arguments: dayOrderCases) func dayOrder(_ item: DateCase) { check(item) }

  @Test(arguments: noDateCases) func noDate(_ text: String) {
    let found = finder.dates(in: text, relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
    #expect(found.isEmpty, "\(text.debugDescription): \(found.map { "\($0.surface.debugDescription) \($0.value ?? "-")" })")
  }

  @Test(arguments: shortNumericCases) func shortNumeric(_ item: DateCase) { check(item) }
  @Test(arguments: clockTimeCases) func clockTimes(_ item: DateCase) { check(item) }
  @Test(arguments: unitCases) func units(_ item: DateCase) { check(item) }
  @Test(arguments: eraCases) func eras(_ item: DateCase) { check(item) }

  @Test(arguments: shortNumericNoDateCases + noTimeCases) func noDateNorTime(_ text: String) throws {
    let withTimes = try DateFinder(includesTimes: true)
    let found = withTimes.dates(in: text, relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
    #expect(found.isEmpty, "\(text.debugDescription): \(found.map { "\($0.surface.debugDescription) \($0.value ?? "-")" })")
  }

  @Test func yearsBeforeTheCalendarHaveNoDays() {
    let found = finder.dates(in: "2000 BC and 100 AD", relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
    #expect(found.map(\.value) == ["-1999", "0100"])
    #expect(found[0].days == nil)
    #expect(found[1].days == CalendarDay(year: 100, month: 1, day: 1)!...CalendarDay(year: 100, month: 12, day: 31)!)
  }

  @Test func aDottedDateWithoutContextNeedsADayFirstDocument() {
    let reference = CalendarDay(year: 2022, month: 9, day: 30)!
    #expect(finder.dates(in: "The index closed at 15.02 and we left.", relativeTo: reference).isEmpty)
    #expect(finder.dates(in: "Брифинг 15.02 отменили.", relativeTo: reference).map(\.value) == ["2022-02-15"])
  }

  @Test func caseCount() {
    let cases = englishCases.count + russianCases.count + portugueseCases.count + dayOrderCases.count
    #expect(cases >= 200)
    #expect(noDateCases.count >= 50)
  }
}

@Suite struct Times {
  @Test func loneTimesOnlyWhenAsked() throws {
    let text = "13:56\n\nThe meeting began."
    #expect(finder.dates(in: text, relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!).isEmpty)
    let withTimes = try DateFinder(includesTimes: true)
    let found = withTimes.dates(in: text, relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
    #expect(found.map(\.value) == ["13:56"])
    #expect(found.map(\.kind) == [.time])
    #expect(found.map(\.span) == [ScalarSpan(start: 0, end: 5)])
  }

  @Test func loneClockTimeForms() throws {
    let withTimes = try DateFinder(includesTimes: true)
    let reference = CalendarDay(year: 2022, month: 9, day: 30)!
    let found = withTimes.dates(in: "Start 5 pm, then 16h30, в 16 часов, 11:45 a.m., 12 am.", relativeTo: reference)
    #expect(found.map(\.value) == ["17:00", "16:30", "16:00", "11:45", "00:00"])
    #expect(found.map(\.surface) == ["5 pm", "16h30", "16 часов", "11:45 a.m.", "12 am"])
    #expect(finder.dates(in: "Start 5 pm, then 16h30.", relativeTo: reference).isEmpty)
  }

  @Test func secondsAreKept() {
    let found = finder.dates(in: "2024-04-12T15:38:09", relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
    #expect(found.map(\.value) == ["2024-04-12T15:38:09"])
  }

  @Test func aBlankLineSeparatesATimeFromItsDate() {
    let found = finder.dates(in: "September 29, 2022\n\n17:35", relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!)
    #expect(found.map(\.value) == ["2022-09-29"])
  }
}

@Suite struct References {
  @Test func withoutAReferenceRelativeDatesHaveNoValue() {
    let found = finder.dates(in: "Yesterday we met on July 19.")
    #expect(found.map(\.value) == [nil, nil])
    #expect(found.map(\.kind) == [.day, .day])
    #expect(found.allSatisfy { $0.isRelative })
  }

  @Test func theDocumentDateIsItsFirstFullDate() {
    let text = "13:56\n\nMoscow, September 30, 2022\n\nWe met yesterday."
    #expect(finder.documentDate(in: text) == CalendarDay(year: 2022, month: 9, day: 30))
    #expect(finder.dates(in: text).map(\.value) == ["2022-09-30", "2022-09-29"])
  }

  @Test func oneScanGivesTheDatesAndTheDocumentDate() {
    let text = "Lisboa, 12 de abril de 2024\n\nOntem, o ministro falou."
    let (dates, documentDate) = finder.datesAndDocumentDate(in: text)
    #expect(documentDate == CalendarDay(year: 2024, month: 4, day: 12))
    #expect(dates.map(\.value) == ["2024-04-12", "2024-04-11"])
    #expect(finder.datesAndDocumentDate(in: "Ontem falou.").documentDate == nil)
  }

  @Test func theDayAfterAMonthHasNoValue() {
    let found = finder.dates(in: "In February 2014, it was signed. The next morning, they broke it.", relativeTo: CalendarDay(year: 2024, month: 6, day: 21)!)
    #expect(found.map(\.value) == ["2014-02", nil])
  }

  @Test func theDayBeforeANamedDay() {
    let found = finder.dates(in: "The talks on 12 April 2024 ended; the day before, experts met.", relativeTo: CalendarDay(year: 2024, month: 6, day: 21)!)
    #expect(found.map(\.value) == ["2024-04-12", "2024-04-11"])
  }

  @Test func languageSubset() throws {
    let english = try DateFinder(languages: ["en"])
    #expect(english.dates(in: "30 de setembro de 2022", relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!).isEmpty)
    #expect(english.dates(in: "09/10/2022", relativeTo: CalendarDay(year: 2022, month: 9, day: 30)!).map(\.value) == ["2022-09-10"])
  }
}

@Suite struct CalendarDays {
  @Test func arithmetic() {
    let day = CalendarDay(year: 2022, month: 9, day: 30)!
    #expect(day.weekday == 5)
    #expect(day.adding(days: 1) == CalendarDay(year: 2022, month: 10, day: 1))
    #expect(day.adding(days: -273) == CalendarDay(year: 2021, month: 12, day: 31))
    #expect(CalendarDay(year: 2024, month: 2, day: 29)!.adding(days: 365) == CalendarDay(year: 2025, month: 2, day: 28))
    #expect(CalendarDay(year: 2023, month: 2, day: 29) == nil)
    #expect(CalendarDay(year: 2000, month: 2, day: 29) != nil)
    #expect(CalendarDay(year: 1900, month: 2, day: 29) == nil)
    #expect(CalendarDay(year: 2024, month: 3, day: 31)!.adding(months: -1) == CalendarDay(year: 2024, month: 2, day: 29))
    #expect(CalendarDay(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    #expect(CalendarDay(year: 2013, month: 2, day: 12)!.weekday == 2)
    #expect(CalendarDay(iso: "2022-09-30") == day)
    #expect(CalendarDay(iso: "2022-9-30") == nil)
    #expect(CalendarDay(iso: "2022-13-01") == nil)
    #expect(day.description == "2022-09-30")
  }

  @Test func roundTripOverFourCenturies() {
    for days in stride(from: -200_000, through: 200_000, by: 997) {
      let day = CalendarDay(daysSinceEpoch: days)
      #expect(day.daysSinceEpoch == days)
      #expect(CalendarDay(year: day.year, month: day.month, day: day.day) == day)
    }
  }
}
