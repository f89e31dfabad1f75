internal import Foundation
import Locales

/// What a word or phrase can mean in a date: the union over every table and language it
/// is listed in.
struct DateMeaning {
  struct Roles: OptionSet {
    let rawValue: UInt64
    static let month = Roles(rawValue: 1 << 0)
    static let weekday = Roles(rawValue: 1 << 1)
    static let number = Roles(rawValue: 1 << 2)
    static let relative = Roles(rawValue: 1 << 3)
    static let yearMarker = Roles(rawValue: 1 << 4)
    static let dayOf = Roles(rawValue: 1 << 5)
    static let monthOf = Roles(rawValue: 1 << 6)
    static let inPrefix = Roles(rawValue: 1 << 7)
    static let rangeFrom = Roles(rawValue: 1 << 8)
    static let rangeTo = Roles(rawValue: 1 << 9)
    static let rangeToAfterFrom = Roles(rawValue: 1 << 10)
    static let agoSuffix = Roles(rawValue: 1 << 11)
    static let agoPrefix = Roles(rawValue: 1 << 12)
    static let inFuturePrefix = Roles(rawValue: 1 << 13)
    static let inFutureSuffix = Roles(rawValue: 1 << 14)
    static let unitDay = Roles(rawValue: 1 << 15)
    static let unitWeek = Roles(rawValue: 1 << 16)
    static let unitMonth = Roles(rawValue: 1 << 17)
    static let unitYear = Roles(rawValue: 1 << 18)
    static let ordinalSuffix = Roles(rawValue: 1 << 19)
    static let yearPrefix = Roles(rawValue: 1 << 20)
    static let timePrefix = Roles(rawValue: 1 << 21)
    static let pastMarker = Roles(rawValue: 1 << 22)
    static let futureMarker = Roles(rawValue: 1 << 23)
    static let article = Roles(rawValue: 1 << 24)
    static let listAnd = Roles(rawValue: 1 << 25)
    static let eraBC = Roles(rawValue: 1 << 26)
    static let eraAD = Roles(rawValue: 1 << 27)
    static let timeAM = Roles(rawValue: 1 << 28)
    static let timePM = Roles(rawValue: 1 << 29)
    static let hourMark = Roles(rawValue: 1 << 30)
    static let quantity = Roles(rawValue: 1 << 31)
    static let unitAlone = Roles(rawValue: 1 << 32)

    static let anyUnit: Roles = [.unitDay, .unitWeek, .unitMonth, .unitYear]
  }

  /// The unit of a relative phrase from `relative.txt`.
  enum RelativeUnit: UInt8 { case day, week, month, year, contextDay }

  var roles: Roles = []
  var month: Int = 0
  var weekday: Int = 0
  var number: Int = 0
  var relativeUnit: RelativeUnit = .day
  var relativeOffset: Int = 0
  /// Listed in `ambiguous_words`: a month, weekday or number form that is also an
  /// ordinary word.
  var isAmbiguous = false
  /// The languages (bit per language of the finder) that list the phrase.
  var languages: UInt8 = 0
  /// The number of tokens of a relative phrase that are an idiomatic preposition
  /// ("в прошлом году", "no ano passado"), left out of the span.
  var leadingPrepositions: Int = 0

  mutating func merge(_ other: DateMeaning) {
    roles.formUnion(other.roles)
    if other.month != 0 { month = other.month }
    if other.weekday != 0 { weekday = other.weekday }
    if other.number != 0 { number = other.number }
    if other.roles.contains(.relative) {
      relativeUnit = other.relativeUnit
      relativeOffset = other.relativeOffset
      leadingPrepositions = other.leadingPrepositions
    }
    isAmbiguous = isAmbiguous || other.isAmbiguous
    languages |= other.languages
  }
}

/// The word tables of the date finder, built once from the locale files: every form as a
/// token-key sequence, grouped by its first key, longest first.
struct DateLexicon {
  struct Phrase {
    var keys: [UInt64]
    var meaning: DateMeaning
  }

  /// Phrase lists, each the phrases that share a first token, longest first.
  private(set) var lists: [[Phrase]] = []
  /// The roles of each list's phrases together: what a phrase starting with its token can be.
  private(set) var listRoles: [DateMeaning.Roles] = []
  /// The language a list's first token votes for: the only language that lists it as a
  /// one-token phrase, or -1.
  private(set) var listVotes: [Int8] = []
  /// The list for the key of a first token.
  private(set) var listIndex = KeyTable([:])
  /// The usual order of numeric dates per language bit: `true` for month first.
  private(set) var monthFirst: [Bool] = []

  /// The `date_words` keys and the roles they give.
  static let dateWordRoles: [(String, DateMeaning.Roles)] = [
    ("year_marker", .yearMarker), ("day_of_prefix", .dayOf), ("month_of_prefix", .monthOf),
    ("in_prefix", .inPrefix), ("range_from", .rangeFrom), ("range_to", .rangeTo),
    ("range_to_after_from", .rangeToAfterFrom), ("ago_suffix", .agoSuffix),
    ("ago_prefix", .agoPrefix), ("in_future_prefix", .inFuturePrefix),
    ("in_future_suffix", .inFutureSuffix), ("unit_day", .unitDay), ("unit_week", .unitWeek),
    ("unit_month", .unitMonth), ("unit_year", .unitYear), ("ordinal_suffix", .ordinalSuffix),
    ("year_prefix", .yearPrefix), ("time_prefix", .timePrefix),
    ("past_marker", .pastMarker), ("future_marker", .futureMarker),
    ("indefinite_article", .article), ("list_and", .listAnd), ("bc", .eraBC), ("ad", .eraAD),
    ("time_am", .timeAM), ("time_pm", .timePM), ("hour_word", .hourMark),
    ("quantity_word", .quantity), ("unit_alone", .unitAlone),
  ]

  init(languages: [String], locales: LocaleLibrary) throws(LocaleError) {
    var table: [[UInt64]: DateMeaning] = [:]
    func add(_ form: String, _ meaning: DateMeaning) {
      var forms = [form]
      let decomposed = form.decomposedStringWithCanonicalMapping
      if decomposed.unicodeScalars.count != form.unicodeScalars.count { forms.append(decomposed) }
      for variant in forms {
        let keys = DateTokenizer.keys(of: variant)
        guard !keys.isEmpty else { continue }
        table[keys, default: DateMeaning()].merge(meaning)
      }
    }
    for (bit, language) in languages.enumerated() {
      let languageBit = UInt8(1 << min(bit, 7))
      let months = try locales.table("months", language: language)
      for entry in months.entries {
        guard let month = Int(entry.key), (1...12).contains(month) else {
          throw LocaleError(file: months.file, line: entry.line, reason: "a month key is 1...12, found \"\(entry.key)\"")
        }
        var meaning = DateMeaning(roles: .month, month: month)
        meaning.languages = languageBit
        for form in entry.forms { add(form, meaning) }
      }
      let weekdays = try locales.table("weekdays", language: language)
      for entry in weekdays.entries {
        guard let weekday = Int(entry.key), (1...7).contains(weekday) else {
          throw LocaleError(file: weekdays.file, line: entry.line, reason: "a weekday key is 1...7, found \"\(entry.key)\"")
        }
        var meaning = DateMeaning(roles: .weekday, weekday: weekday)
        meaning.languages = languageBit
        for form in entry.forms { add(form, meaning) }
      }
      let numbers = try locales.table("numbers", language: language)
      for entry in numbers.entries {
        guard let number = Int(entry.key), (1...31).contains(number) else {
          throw LocaleError(file: numbers.file, line: entry.line, reason: "a number key is 1...31, found \"\(entry.key)\"")
        }
        var meaning = DateMeaning(roles: .number, number: number)
        meaning.languages = languageBit
        for form in entry.forms { add(form, meaning) }
      }
      let words = try locales.table("date_words", language: language)
      let inPrefixes = Set(words["in_prefix"] ?? [])
      for (key, role) in Self.dateWordRoles {
        for form in words[key] ?? [] {
          var meaning = DateMeaning(roles: role)
          meaning.languages = languageBit
          add(form, meaning)
        }
      }
      monthFirst.append(words["numeric_order"]?.first == "mdy")
      let relative = try locales.table("relative", language: language)
      for entry in relative.entries {
        var meaning = DateMeaning(roles: .relative)
        meaning.languages = languageBit
        switch entry.key {
        case "previous_day": (meaning.relativeUnit, meaning.relativeOffset) = (.contextDay, -1)
        case "next_day": (meaning.relativeUnit, meaning.relativeOffset) = (.contextDay, 1)
        default:
          let units: [(String, DateMeaning.RelativeUnit)] = [("day", .day), ("week", .week), ("month", .month), ("year", .year)]
          guard let (name, unit) = units.first(where: { entry.key.hasPrefix($0.0) }),
            let offset = Int(entry.key.dropFirst(name.count))
          else {
            throw LocaleError(
              file: relative.file, line: entry.line,
              reason: "a relative key is day|week|month|year followed by an offset (day-1, year+0), or previous_day / next_day; found \"\(entry.key)\"")
          }
          (meaning.relativeUnit, meaning.relativeOffset) = (unit, offset)
        }
        for form in entry.forms {
          var formMeaning = meaning
          // A leading preposition ("в прошлом году") is left out of the span.
          let words = form.split(separator: " ")
          if words.count > 1, let first = words.first, inPrefixes.contains(String(first)) {
            formMeaning.leadingPrepositions = DateTokenizer.keys(of: String(first)).count
          }
          add(form, formMeaning)
        }
      }
      for phrase in try locales.phrases("ambiguous_words", language: language).phrases {
        var meaning = DateMeaning()
        meaning.isAmbiguous = true
        add(phrase.text.lowercased(), meaning)
      }
    }
    var phrases: [UInt64: [Phrase]] = [:]
    for (keys, meaning) in table {
      phrases[keys[0], default: []].append(Phrase(keys: keys, meaning: meaning))
    }
    var index: [UInt64: Int32] = [:]
    for (key, list) in phrases {
      index[key] = Int32(lists.count)
      lists.append(list.sorted { $0.keys.count > $1.keys.count })
      listRoles.append(list.reduce(into: []) { $0.formUnion($1.meaning.roles) })
      let single = list.first { $0.keys.count == 1 }?.meaning.languages ?? 0
      listVotes.append(single.nonzeroBitCount == 1 ? Int8(single.trailingZeroBitCount) : -1)
    }
    listIndex = KeyTable(index)
  }
}
