public import Locales
import TextModel

/// Finds temporal expressions in English, Russian and Portuguese text and resolves them to
/// ISO 8601 values.
///
/// ```swift
/// let finder = try DateFinder(languages: ["en", "ru", "pt"])
/// let reference = CalendarDay(year: 2022, month: 9, day: 30)!
/// for date in finder.dates(in: "Moscow, September 30, 2022. Yesterday we met.", relativeTo: reference) {
///   print(date.span, date.kind, date.value ?? "-", date.surface)
/// }
/// // 8..<26 day 2022-09-30 September 30, 2022
/// // 28..<37 day 2022-09-29 Yesterday
/// ```
///
/// The finder is built once from the locale tables (month and weekday names, relative
/// phrases, date grammar words) and is then a pure function of its input: one pass of a
/// hand-written scanner over the text's UTF-8 bytes, linear in its length.
///
/// Decisions taken per document:
/// - **Numeric day order.** `04/05/2024` is read in the order the document's unambiguous
///   numeric dates use (`30.09.2022`, the site slug `2016-30-09-2022`); when there are none,
///   in the usual order of the language most of the document's date words belong to
///   (`numeric_order` in `date_words.txt`), and the date is flagged
///   ``FoundDate/isAmbiguousDayOrder``.
/// - **Reference date.** Relative expressions ("yesterday", "On July 19", "on Monday",
///   "two years ago") resolve against the reference passed in, or, with
///   ``dates(in:)``, against the document's own date: its first complete absolute date.
public struct DateFinder: Sendable {
  /// The languages whose tables are loaded, in the order given.
  public let languages: [String]
  /// Whether lone clock times ("13:56") are reported; a time next to a date always is.
  public var includesTimes: Bool

  let lexicon: DateLexicon

  /// A finder for `languages` (ISO 639-1 codes with a folder under `locales/`).
  /// - Throws: ``LocaleError`` when a table is missing or malformed.
  public init(
    languages: [String] = ["en", "ru", "pt"], locales: LocaleLibrary = .standard,
    includesTimes: Bool = false
  ) throws(LocaleError) {
    self.languages = languages
    self.includesTimes = includesTimes
    self.lexicon = try DateLexicon(languages: languages, locales: locales)
  }

  /// The dates in `text`, relative ones resolved against `reference`.
  public func dates(in text: String, relativeTo reference: CalendarDay) -> [FoundDate] {
    scan(text).resolved(in: text, reference: reference)
  }

  /// The dates in `text`, relative ones resolved against the document's own date
  /// (``documentDate(in:)``); when the text has none, relative expressions have a `nil`
  /// value.
  public func dates(in text: String) -> [FoundDate] {
    datesAndDocumentDate(in: text).dates
  }

  /// The dates in `text` as ``dates(in:)`` finds them, with the document's own date they
  /// were resolved against (``documentDate(in:)``), from one scan of the text.
  public func datesAndDocumentDate(in text: String) -> (dates: [FoundDate], documentDate: CalendarDay?) {
    let scan = scan(text)
    let documentDate = scan.documentDate()
    return (scan.resolved(in: text, reference: documentDate), documentDate)
  }

  /// The document's own date: its first complete absolute date (a day with its year, as in
  /// a title line "Moscow, September 30, 2022" or a site slug), or `nil`.
  public func documentDate(in text: String) -> CalendarDay? {
    scan(text).documentDate()
  }

  func scan(_ text: String) -> DateScan {
    var scanner = DateScanner(lexicon: lexicon, includeTimes: includesTimes)
    DateTokenizer.tokenize(text) { tokens in scanner.scan(&tokens) }
    return DateScan(scanner: scanner, monthFirstByLanguage: lexicon.monthFirst)
  }
}

/// The candidates of one text and the document-level facts needed to resolve them.
struct DateScan {
  var candidates: [DateCandidate]
  /// The day order of ambiguous numeric dates, and whether the document itself decided it.
  var monthFirst: Bool
  var orderFromDocument: Bool
  /// The document's numeric dates or its date words say it writes month first.
  var knownMonthFirst: Bool

  init(scanner: DateScanner, monthFirstByLanguage: [Bool]) {
    candidates = scanner.candidates
    if scanner.dayFirstEvidence != scanner.monthFirstEvidence {
      monthFirst = scanner.monthFirstEvidence > scanner.dayFirstEvidence
      orderFromDocument = true
    } else {
      let votes = scanner.languageVotes
      let best = votes.indices.max { votes[$0] < votes[$1] }
      monthFirst = best.map { monthFirstByLanguage[$0] } ?? false
      orderFromDocument = false
    }
    knownMonthFirst = monthFirst && (orderFromDocument || scanner.languageVotes.contains { $0 > 0 })
  }

  func documentDate() -> CalendarDay? {
    for candidate in candidates {
      switch candidate.recipe {
      case .day(let day): return day
      case .numeric(let first, let second, let year):
        return monthFirst
          ? CalendarDay(year: year, month: first, day: second)
          : CalendarDay(year: year, month: second, day: first)
      default: continue
      }
    }
    return nil
  }

  func resolved(in text: String, reference: CalendarDay?) -> [FoundDate] {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { resolved(in: $0, reference: reference) } ?? []
  }

  /// The found dates, with surfaces from `bytes`, the UTF-8 of the scanned text.
  private func resolved(in bytes: UnsafeBufferPointer<UInt8>, reference: CalendarDay?) -> [FoundDate] {
    var found: [FoundDate] = []
    var resolvedValues: [ResolvedValue?] = []
    found.reserveCapacity(candidates.count)
    for candidate in candidates {
      var ambiguous = false
      var relative = false
      var value: ResolvedValue?
      switch candidate.recipe {
      case .day(let day): value = .day(day)
      case .month(let year, let month): value = .month(year, month)
      case .year(let year): value = .year(year)
      case .dayRange(let a, let b): value = .dayRange(a, b)
      case .monthRange(let y1, let m1, let y2, let m2): value = .monthRange(y1, m1, y2, m2)
      case .yearRange(let a, let b): value = .yearRange(a, b)
      case .numeric(let first, let second, let year):
        let day =
          monthFirst
          ? CalendarDay(year: year, month: first, day: second)
          : CalendarDay(year: year, month: second, day: first)
        value = day.map { .day($0) }
        ambiguous = first != second && !orderFromDocument
      case .shortNumeric(let first, let second, let dotted, let supported):
        if dotted && knownMonthFirst && !supported {
          resolvedValues.append(nil)
          continue
        }
        let dayFirst = dotted || first > 12 || (second <= 12 && !monthFirst)
        let (month, day) = dayFirst ? (second, first) : (first, second)
        ambiguous = !dotted && first <= 12 && second <= 12 && first != second && !orderFromDocument
        relative = true
        value = reference.flatMap { reference in
          DateScan.partialYear(month: month, day: day, reference: reference, tense: Int(candidate.tense))
            .flatMap { CalendarDay(year: $0, month: month, day: day) }.map { .day($0) }
        }
      case .time:
        value = nil
      default:
        relative = true
        value = reference.flatMap { reference in
          DateScan.resolve(candidate, against: reference, previous: candidate.anchor.flatMap { resolvedValues[$0] })
        }
      }
      resolvedValues.append(value)
      var iso = value?.iso
      var kind = value?.kind ?? candidate.recipe.unresolvedKind
      if let time = candidate.time {
        if case .day(let day)? = value {
          iso = "\(day)T\(time.iso)"
          kind = .datetime
        } else if candidate.recipe == .time {
          iso = time.iso
          kind = .time
        } else if value == nil {
          kind = .datetime
        }
      }
      let surface = String(
        decoding: UnsafeBufferPointer(rebasing: bytes[candidate.byteStart..<candidate.byteEnd]), as: UTF8.self)
      found.append(
        FoundDate(
          span: ScalarSpan(start: candidate.start, end: candidate.end), surface: surface,
          value: iso, kind: kind, days: value?.days, isAmbiguousDayOrder: ambiguous,
          isRelative: relative))
    }
    return found
  }

  /// The value of a relative candidate.
  static func resolve(_ candidate: DateCandidate, against reference: CalendarDay, previous: ResolvedValue?) -> ResolvedValue? {
    let tense = Int(candidate.tense)
    switch candidate.recipe {
    case .relative(let unit, let offset):
      switch unit {
      case .day: return .day(reference.adding(days: offset))
      case .week:
        let monday = reference.startOfWeek.adding(days: 7 * offset)
        return .dayRange(monday, monday.adding(days: 6))
      case .month:
        let day = reference.adding(months: offset)
        return .month(day.year, day.month)
      case .year: return .year(reference.year + offset)
      case .contextDay: return nil
      }
    case .contextDay(let offset):
      switch previous {
      case nil: return .day(reference.adding(days: offset))
      case .day(let day)?: return .day(day.adding(days: offset))
      default: return nil
      }
    case .weekday(let weekday):
      let delta = (weekday - reference.weekday + 7) % 7  // 0...6 days ahead
      let days: Int
      switch tense {
      case -1: days = delta == 0 ? -7 : delta - 7
      case 1: days = delta == 0 ? 7 : delta
      default: days = delta <= 3 ? delta : delta - 7
      }
      return .day(reference.adding(days: days))
    case .partialDay(let month, let day, let yearOffset):
      if let yearOffset {
        return CalendarDay(year: reference.year + yearOffset, month: month, day: day).map { .day($0) }
      }
      return partialYear(month: month, day: day, reference: reference, tense: tense)
        .flatMap { CalendarDay(year: $0, month: month, day: day) }.map { .day($0) }
    case .partialMonth(let month, let yearOffset):
      if let yearOffset { return .month(reference.year + yearOffset, month) }
      return partialYear(month: month, day: nil, reference: reference, tense: tense).map { .month($0, month) }
    case .partialDayRange(let m1, let d1, let m2, let d2):
      guard let year = partialYear(month: m1, day: d1, reference: reference, tense: tense),
        let a = CalendarDay(year: year, month: m1, day: d1), let b = CalendarDay(year: year, month: m2, day: d2)
      else { return nil }
      return .dayRange(a, b)
    case .partialMonthRange(let m1, let m2):
      guard let year = partialYear(month: m1, day: nil, reference: reference, tense: tense) else { return nil }
      return .monthRange(year, m1, year, m2)
    default:
      return nil
    }
  }

  /// The year of a date without one: the reference's, unless the sentence's tense points
  /// across a year boundary (a past event more than a month after the reference date is
  /// last year's; a future one more than a month before it, next year's).
  static func partialYear(month: Int, day: Int?, reference: CalendarDay, tense: Int) -> Int? {
    let year = reference.year
    let monthsAfter = month - reference.month
    if let day {
      guard let candidate = CalendarDay(year: year, month: month, day: min(day, CalendarDay.daysIn(month: month, year: year))) else { return nil }
      let distance = reference.days(to: candidate)
      if tense < 0 && distance > 31 { return year - 1 }
      if tense > 0 && distance < -31 { return year + 1 }
      return year
    }
    if tense < 0 && monthsAfter > 1 { return year - 1 }
    if tense > 0 && monthsAfter < -1 { return year + 1 }
    return year
  }
}

extension DateRecipe {
  /// The kind reported when the value cannot be resolved (no reference date).
  var unresolvedKind: FoundDate.Kind {
    switch self {
    case .partialMonth: .month
    case .partialDayRange, .partialMonthRange: .range
    case .relative(let unit, _):
      switch unit {
      case .day, .contextDay: .day
      case .week: .range
      case .month: .month
      case .year: .year
      }
    case .time: .time
    default: .day
    }
  }
}
