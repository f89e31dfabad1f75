/// A clock time: hour, minute and optional second.
struct ClockTime: Hashable {
  var hour: Int
  var minute: Int
  var second: Int?

  var iso: String {
    CalendarDay.pad(hour, 2) + ":" + CalendarDay.pad(minute, 2)
      + (second.map { ":" + CalendarDay.pad($0, 2) } ?? "")
  }
}

/// How a found expression turns into a value once the document-level facts are known (the
/// reference date, the document's numeric day order).
enum DateRecipe: Hashable {
  /// Absolute values.
  case day(CalendarDay)
  case month(year: Int, month: Int)
  case year(Int)
  case dayRange(CalendarDay, CalendarDay)
  case monthRange(year1: Int, month1: Int, year2: Int, month2: Int)
  case yearRange(Int, Int)
  /// A numeric date `first sep second sep year` whose day order the document decides.
  case numeric(first: Int, second: Int, year: Int)
  /// A day or month without a year ("July 19", "в феврале"); `yearOffset` when a relative
  /// year phrase follows ("em março do ano passado").
  case partialDay(month: Int, day: Int, yearOffset: Int?)
  /// A day and month in digits without a year ("15.02", "2/15"): a dotted one is day
  /// first, a slashed one in the order the document decides; `supported` when a date word,
  /// a weekday or a clock time stands next to it (otherwise a dotted one counts only in a
  /// document not known to write month first).
  case shortNumeric(first: Int, second: Int, dotted: Bool, supported: Bool)
  case partialMonth(month: Int, yearOffset: Int?)
  case partialDayRange(month1: Int, day1: Int, month2: Int, day2: Int)
  case partialMonthRange(month1: Int, month2: Int)
  /// An offset from the reference date.
  case relative(DateMeaning.RelativeUnit, Int)
  /// A day before or after the date named just before in the same paragraph.
  case contextDay(Int)
  /// A weekday resolved from the reference in the direction of the sentence's tense.
  case weekday(Int)
  /// A lone clock time.
  case time
}

/// One match of the scanner, before resolution.
struct DateCandidate {
  var start: Int
  var end: Int
  /// UTF-8 offsets of the span, end-exclusive.
  var byteStart: Int
  var byteEnd: Int
  var recipe: DateRecipe
  var time: ClockTime?
  /// -1 past, +1 future, 0 unknown: the tense of the sentence.
  var tense: Int8
  /// The candidate before it in the same paragraph, for `contextDay`.
  var anchor: Int?
}

/// A value at its granularity.
enum ResolvedValue {
  case day(CalendarDay)
  case month(Int, Int)
  /// A year in astronomical numbering: 0 is 1 BC, -1999 is 2000 BC.
  case year(Int)
  case dayRange(CalendarDay, CalendarDay)
  case monthRange(Int, Int, Int, Int)
  case yearRange(Int, Int)

  var iso: String {
    switch self {
    case .day(let d): d.description
    case .month(let y, let m): CalendarDay.pad(y, 4) + "-" + CalendarDay.pad(m, 2)
    case .year(let y): y < 0 ? "-" + CalendarDay.pad(-y, 4) : CalendarDay.pad(y, 4)
    case .dayRange(let a, let b): "\(a)/\(b)"
    case .monthRange(let y1, let m1, let y2, let m2):
      CalendarDay.pad(y1, 4) + "-" + CalendarDay.pad(m1, 2) + "/" + CalendarDay.pad(y2, 4) + "-" + CalendarDay.pad(m2, 2)
    case .yearRange(let a, let b): CalendarDay.pad(a, 4) + "/" + CalendarDay.pad(b, 4)
    }
  }

  var kind: FoundDate.Kind {
    switch self {
    case .day: .day
    case .month: .month
    case .year: .year
    case .dayRange, .monthRange, .yearRange: .range
    }
  }

  var days: ClosedRange<CalendarDay>? {
    func monthDays(_ y: Int, _ m: Int) -> ClosedRange<CalendarDay>? {
      guard let first = CalendarDay(year: y, month: m, day: 1),
        let last = CalendarDay(year: y, month: m, day: CalendarDay.daysIn(month: m, year: y))
      else { return nil }
      return first...last
    }
    switch self {
    case .day(let d): return d...d
    case .month(let y, let m): return monthDays(y, m)
    case .year(let y):
      guard let a = CalendarDay(year: y, month: 1, day: 1), let b = CalendarDay(year: y, month: 12, day: 31) else { return nil }
      return a...b
    case .dayRange(let a, let b): return a <= b ? a...b : nil
    case .monthRange(let y1, let m1, let y2, let m2):
      guard let a = monthDays(y1, m1), let b = monthDays(y2, m2), a.lowerBound <= b.upperBound else { return nil }
      return a.lowerBound...b.upperBound
    case .yearRange(let a, let b):
      guard let x = CalendarDay(year: a, month: 1, day: 1), let y = CalendarDay(year: b, month: 12, day: 31), x <= y else { return nil }
      return x...y
    }
  }
}
