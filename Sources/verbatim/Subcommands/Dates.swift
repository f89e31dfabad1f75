import ArgumentParser
import Foundation
import Verbatim

/// A `--reference` value: a calendar day written `YYYY-MM-DD`.
struct ReferenceDayArgument: ExpressibleByArgument {
  var day: CalendarDay

  init?(argument: String) {
    guard let day = CalendarDay(iso: argument) else { return nil }
    self.day = day
  }

  static var defaultCompletionKind: CompletionKind { .default }
}

/// The `--lang` values.
enum DateLanguageArgument: String, ExpressibleByArgument, CaseIterable {
  case auto, en, ru, pt

  var languages: [String] { self == .auto ? ["en", "ru", "pt"] : [rawValue] }
}

/// `verbatim dates`: the temporal expressions of each input, resolved to ISO 8601 values.
struct Dates: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find dates in English, Russian and Portuguese text and resolve them to ISO 8601.",
    discussion: """
      Text mode prints one line per date: start, end, kind, value and surface, separated by \
      tabs (with several inputs the file name comes first). start and end are Unicode scalar \
      offsets into the raw text, end-exclusive (Python str indices); a line break inside a \
      surface is printed as \\n; a value that cannot be resolved is printed as -. Kinds: day \
      (2022-09-30), month (2014-02), year (2007; 2000 BC is -1999), range (2025-05-27/2025-05-29, both ends \
      included), datetime (2022-09-29T17:35), time (17:35, only with --times).

      --json prints one object per date: {"file", "start", "end", "surface", "value", \
      "kind"}, plus "relative": true and the "reference" used when the value depends on the \
      reference date, and "ambiguous_day_order": true for a numeric date such as 04/05/2024 \
      that the document does not settle (its value then follows the language's usual order).

      Relative expressions ("yesterday", "On July 19", "on Monday", "two years ago") resolve \
      against --reference. Without it, each document's own date is used: its first complete \
      date (a title line "Moscow, September 30, 2022", a site slug "2016-30-09-2022"), and a \
      note on standard error says so. A document without one gets value null (-) for its \
      relative expressions; today's date is never assumed.

      Examples:
        verbatim dates corpus/000_09d41c77f1268bab.txt
          150	168	day	2022-09-30	September 30, 2022
          175	185	day	2022-09-30	30-09-2022
          725	734	day	2022-09-29	yesterday
        echo 'Встреча пройдёт с 27 по 29 мая.' | verbatim dates --reference 2025-05-01 --json
          {"end":30,"file":"<stdin>","kind":"range","reference":"2025-05-01","relative":true,"start":16,"surface":"с 27 по 29 мая","value":"2025-05-27/2025-05-29"}
      """)

  @Option(help: ArgumentHelp("The date relative expressions are resolved against (default: each document's own date).", valueName: "YYYY-MM-DD"))
  var reference: ReferenceDayArgument?

  @Option(help: "The language of the text: auto (English, Russian and Portuguese together), en, ru or pt.")
  var lang: DateLanguageArgument = .auto

  @Flag(help: "Also report lone clock times (\"13:56\"); a time next to a date is always reported.")
  var times = false

  @Flag(help: "Print one JSON object per date.")
  var json = false

  @OptionGroup var input: InputOptions

  func run() throws {
    let finder: DateFinder
    do {
      finder = try DateFinder(languages: lang.languages, includesTimes: times)
    } catch {
      throw RuntimeError("\(error)")
    }
    let inputs = try input.readInputs()
    var output = StandardOutput()
    for input in inputs {
      let text = input.decoded.text
      let (dates, documentReference) =
        reference.map { (finder.dates(in: text, relativeTo: $0.day), nil) }
        ?? finder.datesAndDocumentDate(in: text)
      let referenceDay = reference?.day ?? documentReference
      if reference == nil, dates.contains(where: \.isRelative) {
        if let documentReference {
          Diagnostics.note(
            "\(input.name): relative dates resolved against \(documentReference), the document's first full date (--reference to choose another)")
        } else {
          Diagnostics.note(
            "\(input.name): no reference date (no --reference, no full date in the text): relative dates have no value")
        }
      }
      for date in dates {
        if json {
          let relative = date.isRelative
          output.writeJSONObject { object in
            if date.isAmbiguousDayOrder { object.field("ambiguous_day_order", true) }
            object.field("end", date.span.end)
            object.field("file", input.name)
            object.field("kind", date.kind.rawValue)
            if relative, let referenceDay { object.field("reference", referenceDay.description) }
            if relative { object.field("relative", true) }
            object.field("start", date.span.start)
            object.field("surface", date.surface)
            object.field("value", date.value)
          }
        } else {
          let prefix = inputs.count > 1 ? "\(input.name)\t" : ""
          let surface = date.surface.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
          output.write(
            "\(prefix)\(date.span.start)\t\(date.span.end)\t\(date.kind.rawValue)\t\(date.value ?? "-")\t\(surface)\n")
        }
      }
    }
    output.flush()
  }
}
