/// A day of the proleptic Gregorian calendar, with the arithmetic date resolution needs.
///
/// A plain value type (no time zone, no `Foundation.Calendar`): `CalendarDay(2022, 9, 30)`
/// is 30 September 2022 wherever the code runs.
///
/// ```swift
/// let day = CalendarDay(year: 2022, month: 9, day: 30)!
/// day.adding(days: -1)   // 2022-09-29
/// day.weekday            // 5 (Friday; ISO 8601, 1 = Monday)
/// ```
public struct CalendarDay: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// The day, or `nil` when it does not exist (`2023-02-29`, month 13, year outside 1...9999).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= CalendarDay.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`; `nil` for anything else or a day that does not exist.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  private init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 (negative before it). Howard Hinnant's `days_from_civil`.
  public var daysSinceEpoch: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146097 + dayOfEra - 719468
  }

  /// The day `daysSinceEpoch` days after 1970-01-01 (`civil_from_days`), clamped to the
  /// years 1...9999.
  public init(daysSinceEpoch days: Int) {
    let z = days + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let dayOfEra = z - era * 146097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let d = dayOfYear - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
    if y < 1 {
      self.init(unchecked: 1, 1, 1)
    } else if y > 9999 {
      self.init(unchecked: 9999, 12, 31)
    } else {
      self.init(unchecked: y, m, d)
    }
  }

  /// The day `days` days later (earlier when negative).
  public func adding(days: Int) -> CalendarDay {
    CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// The ISO 8601 weekday: 1 = Monday … 7 = Sunday.
  public var weekday: Int {
    let days = daysSinceEpoch  // 1970-01-01 was a Thursday (4)
    return ((days % 7 + 7) % 7 + 3) % 7 + 1
  }

  /// The number of days from `self` to `other` (positive when `other` is later).
  public func days(to other: CalendarDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }

  /// The same day of month `months` months later, clamped to the month's last day.
  public func adding(months: Int) -> CalendarDay {
    let index = year * 12 + (month - 1) + months
    let y = min(max(index / 12, 1), 9999)
    let m = index % 12 + 1
    return CalendarDay(unchecked: y, m, min(day, CalendarDay.daysIn(month: m, year: y)))
  }

  /// The Monday of the ISO week that holds the day.
  public var startOfWeek: CalendarDay { adding(days: 1 - weekday) }

  /// `YYYY-MM-DD`.
  public var description: String {
    CalendarDay.pad(year, 4) + "-" + CalendarDay.pad(month, 2) + "-" + CalendarDay.pad(day, 2)
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `value` in decimal, zero-padded to `width` digits.
  static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
