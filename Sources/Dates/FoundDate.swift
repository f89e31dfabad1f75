public import TextModel

/// One temporal expression found in a text: where it is, what it says, and the ISO 8601
/// value it resolves to.
public struct FoundDate: Hashable, Sendable {
  /// The granularity of a found date, named as in `verbatim dates` output.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Codable {
    /// A day: `2022-09-30`.
    case day
    /// A month: `2014-02`.
    case month
    /// A year: `2007`.
    case year
    /// An interval of days, months or years, both ends inclusive: `2025-05-27/2025-05-29`.
    case range
    /// A day with a clock time: `2022-09-29T17:35`.
    case datetime
    /// A clock time on its own: `17:35` (reported only when times are asked for).
    case time
  }

  /// The raw span: Unicode scalar offsets into the text, end-exclusive.
  public var span: ScalarSpan
  /// The text of `span`, exactly as in the input.
  public var surface: String
  /// The ISO 8601 value at the expression's own granularity, or `nil` when the expression
  /// is relative ("yesterday", "on Monday", "July 19") and there was no reference date.
  public var value: String?
  /// The granularity.
  public var kind: Kind
  /// The days the value covers (a day, a month, a year, a range), or `nil` for a lone time
  /// or an unresolved value.
  public var days: ClosedRange<CalendarDay>?
  /// A numeric date whose day and month could be read either way (`04/05/2024`) in a
  /// document that gives no unambiguous numeric date; the value follows the language's
  /// usual order.
  public var isAmbiguousDayOrder: Bool
  /// The value depends on the reference date: a relative expression ("yesterday", "two
  /// years ago"), a weekday, or a date without a year ("On July 19").
  public var isRelative: Bool

  public init(
    span: ScalarSpan, surface: String, value: String?, kind: Kind,
    days: ClosedRange<CalendarDay>? = nil, isAmbiguousDayOrder: Bool = false,
    isRelative: Bool = false
  ) {
    self.span = span
    self.surface = surface
    self.value = value
    self.kind = kind
    self.days = days
    self.isAmbiguousDayOrder = isAmbiguousDayOrder
    self.isRelative = isRelative
  }
}
