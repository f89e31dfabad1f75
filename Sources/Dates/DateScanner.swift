/// The grammar of dates, matched over one batch of tokens at a time.
///
/// Patterns are tried at each token from left to right; a match consumes its tokens. Every
/// check looks a bounded number of tokens ahead or behind, so a scan is linear in the text.
struct DateScanner {
  typealias Roles = DateMeaning.Roles

  let lexicon: DateLexicon
  let includeTimes: Bool
  /// The matches so far, in text order, over every batch.
  var candidates: [DateCandidate] = []
  /// Votes for each language of the finder: tokens that only that language lists.
  var languageVotes: [Int]
  /// Numeric dates that can only be day first (`30.09.2022`) or month first (`09/30/2022`).
  var dayFirstEvidence = 0
  var monthFirstEvidence = 0

  private var tokens: [DateToken] = []
  private var tense: [Int8] = []
  /// Per token, the lexicon list of phrases that start with it, or -1.
  private var lists: [Int32] = []
  /// The token index after the last match of this batch, and whether it was a year.
  private var lastEnd = -1
  private var lastWasYear = false
  private var lastLine: Int32 = -1

  init(lexicon: DateLexicon, includeTimes: Bool) {
    self.lexicon = lexicon
    self.includeTimes = includeTimes
    self.languageVotes = Array(repeating: 0, count: lexicon.monthFirst.count)
  }

  // MARK: - Batches

  mutating func scan(_ batch: inout [DateToken]) {
    swap(&tokens, &batch)
    defer { swap(&tokens, &batch) }
    guard !tokens.isEmpty else { return }
    measureTenseAndLanguage()
    lastEnd = -1
    lastWasYear = false
    var i = 0
    while i < tokens.count {
      // Most tokens cannot start a date: skip them without a call.
      if tokens[i].kind == .punctuation || (tokens[i].kind == .word && lists[i] < 0) {
        i += 1
        continue
      }
      if let (end, candidate) = match(at: i) {
        if var candidate {
          if !candidates.isEmpty, lastLine == tokens[i].line {
            candidate.anchor = candidates.count - 1
          }
          candidates.append(candidate)
          lastLine = tokens[end - 1].line
          lastEnd = end
          lastWasYear = candidate.recipe.isYear
        }
        i = max(end, i + 1)
      } else {
        i += 1
      }
    }
  }

  /// The tense of each sentence, from its past and future markers, and the language votes.
  private mutating func measureTenseAndLanguage() {
    let sentences = Int(tokens.last!.sentence) + 1
    var past = [Int16](repeating: 0, count: sentences)
    var future = [Int16](repeating: 0, count: sentences)
    lists.removeAll(keepingCapacity: true)
    for token in tokens { lists.append(lexicon.listIndex.list(for: token.key)) }
    for i in tokens.indices where tokens[i].kind == .word && lists[i] >= 0 {
      let list = Int(lists[i])
      let vote = lexicon.listVotes[list]
      if vote >= 0 { languageVotes[Int(vote)] += 1 }
      if !lexicon.listRoles[list].isDisjoint(with: [.pastMarker, .futureMarker]),
        let marker = phrase(at: i, [.pastMarker, .futureMarker])
      {
        let s = Int(tokens[i].sentence)
        if marker.meaning.roles.contains(.pastMarker) { past[s] += 1 }
        if marker.meaning.roles.contains(.futureMarker) { future[s] += 1 }
      }
    }
    tense = (0..<sentences).map { s in
      past[s] > future[s] ? -1 : future[s] > past[s] ? 1 : 0
    }
  }

  // MARK: - Token helpers

  private func token(_ i: Int) -> DateToken? { i < tokens.count ? tokens[i] : nil }

  /// The roles a phrase starting at token `i` can have (none past the end).
  private func roles(at i: Int) -> Roles {
    i < tokens.count && lists[i] >= 0 ? lexicon.listRoles[Int(lists[i])] : []
  }

  /// The longest lexicon phrase at `i` with one of `roles`, its tokens at most a space
  /// apart.
  func phrase(at i: Int, _ roles: Roles) -> (meaning: DateMeaning, end: Int)? {
    guard i >= 0, i < tokens.count, lists[i] >= 0 else { return nil }
    for candidate in lexicon.lists[Int(lists[i])] where !candidate.meaning.roles.isDisjoint(with: roles) {
      let n = candidate.keys.count
      guard i + n <= tokens.count else { continue }
      var k = 1
      while k < n, tokens[i + k].key == candidate.keys[k], tokens[i + k].gap <= .space { k += 1 }
      if k == n { return (candidate.meaning, i + n) }
    }
    return nil
  }

  private func isPunctuation(_ i: Int, _ scalar: Unicode.Scalar) -> Bool {
    i < tokens.count && tokens[i].isPunctuation(scalar)
  }

  /// Whether a phrase with one of `roles` ends just before token `i`.
  private func phraseEnds(before i: Int, _ roles: Roles) -> Bool {
    for back in 1...4 where i - back >= 0 {
      if let p = phrase(at: i - back, roles), p.end == i { return true }
    }
    return false
  }

  /// Whether the number at `i` continues a number before it ("1.5", "3:16", "v2", "#12").
  private func continuesNumberBefore(_ i: Int) -> Bool {
    guard i > 0, tokens[i].gap == .none else { return false }
    let before = tokens[i - 1]
    switch before.kind {
    case .word, .number: return true
    case .punctuation:
      let v = before.value
      if v == 0x23 || v == 0x2116 || v == 0x24 || v == 0x20AC || v == 0xA3 || v == 0x2B { return true }  // # № $ € £ +
      if v == 0x2E || v == 0x2C || v == 0x3A || v == 0x2F || before.isDash {
        return i >= 2 && before.gap == .none && tokens[i - 2].kind == .number
      }
      return false
    }
  }

  /// Whether the number at `i` goes on after it ("1.5", "5,5", "3:16", "50%", "12km").
  private func continuesNumberAfter(_ i: Int, allowWord: Bool) -> Bool {
    guard let next = token(i + 1), next.gap == .none else { return false }
    switch next.kind {
    case .number: return true
    case .word: return !allowWord
    case .punctuation:
      let v = next.value
      if v == 0x25 || v == 0x2030 { return true }  // % ‰
      if v == 0x2E || v == 0x2C || v == 0x3A || v == 0x2F {
        if let after = token(i + 2), after.gap == .none, after.kind == .number { return true }
      }
      return false
    }
  }

  /// A day of the month written in digits, with its ordinal suffix ("29", "29th", "18-го").
  private func dayNumber(at i: Int, standalone: Bool) -> (day: Int, end: Int)? {
    guard let t = token(i), t.kind == .number, t.digits <= 2, (1...31).contains(t.value) else { return nil }
    if standalone && continuesNumberBefore(i) { return nil }
    var end = i + 1
    if let next = token(end), next.gap == .none, let suffix = phrase(at: end, .ordinalSuffix) {
      end = suffix.end
    } else if continuesNumberAfter(i, allowWord: false) {
      return nil
    }
    return (t.value, end)
  }

  /// A day of the month spelled out ("twenty-ninth", "первого", "primeiro").
  private func spelledDay(at i: Int) -> (day: Int, end: Int, ambiguous: Bool)? {
    guard let t = token(i), t.kind == .word, let p = phrase(at: i, .number) else { return nil }
    return (p.meaning.number, p.end, p.meaning.isAmbiguous)
  }

  /// A count before a unit: digits, a spelled number, or an indefinite article.
  private func count(at i: Int) -> (count: Int, end: Int)? {
    guard let t = token(i) else { return nil }
    if t.kind == .number {
      guard t.digits <= 3, !continuesNumberBefore(i), !continuesNumberAfter(i, allowWord: false) else { return nil }
      return (t.value, i + 1)
    }
    if let p = phrase(at: i, .number) { return (p.meaning.number, p.end) }
    if let p = phrase(at: i, .article) { return (1, p.end) }
    return nil
  }

  /// A year in digits, with the year marker after it ("2022 г.", "2007 году").
  private func yearNumber(at i: Int, standalone: Bool = false) -> (year: Int, end: Int, marked: Bool)? {
    guard let t = token(i), t.kind == .number, t.digits == 4, (1000...2999).contains(t.value) else { return nil }
    if standalone && continuesNumberBefore(i) { return nil }
    var end = i + 1
    var marked = false
    if let next = token(end), next.gap <= .space, let marker = phrase(at: end, .yearMarker) {
      end = marker.end
      marked = true
    } else if continuesNumberAfter(i, allowWord: false) {
      return nil
    }
    return (t.value, end, marked)
  }

  /// A month name; `strong` when it stands out as a date even if it is an ambiguous word
  /// (capitalised, or Cyrillic where ambiguous forms are names in lower case).
  private func monthWord(at i: Int) -> (month: Int, end: Int, ambiguous: Bool, strong: Bool)? {
    guard let t = token(i), t.kind == .word, let p = phrase(at: i, .month) else { return nil }
    return (p.meaning.month, p.end, p.meaning.isAmbiguous, t.isCapitalized || t.isCyrillic)
  }

  // MARK: - Pieces of written dates

  /// A written date or part of one: year, month and day as far as given.
  struct Pieces {
    var year: Int?
    var month: Int?
    var day: Int?
    var start: Int
    var end: Int
    /// The month is an ambiguous word without the support of a capital letter.
    var weakMonth = false
    /// The year carries a marker ("г.", "году").
    var marked = false
    var yearOffset: Int?

    var isBareDay: Bool { day != nil && month == nil }
    var isBareYear: Bool { year != nil && month == nil && day == nil }
    var isBareMonth: Bool { month != nil && day == nil && year == nil }
  }

  /// `[,] [of/de] YYYY` after a month or day.
  private func trailingYear(at i: Int) -> (year: Int, end: Int, marked: Bool)? {
    var j = i
    if isPunctuation(j, ","), tokens[j].gap <= .space { j += 1 }
    if let of = phrase(at: j, .monthOf), tokens[j].gap <= .space { j = of.end }
    guard let t = token(j), t.gap <= .space else { return nil }
    guard let year = yearNumber(at: j) else { return nil }
    // "May 5, 2000 people": a year is not followed by a lower-case word it counts… we accept.
    return year
  }

  private func pieces(at i: Int, inRange: Bool) -> Pieces? {
    guard let t = token(i) else { return nil }
    if t.kind == .number {
      if let year = yearNumber(at: i, standalone: !inRange) {
        return Pieces(year: year.year, start: i, end: year.end, marked: year.marked)
      }
      guard let day = dayNumber(at: i, standalone: !inRange) else { return nil }
      var p = Pieces(day: day.day, start: i, end: day.end)
      if let month = monthAfterDay(at: day.end) {
        p.month = month.month
        p.end = month.end
        p.weakMonth = month.ambiguous && !month.strong
        if let year = trailingYear(at: month.end) {
          p.year = year.year
          p.end = year.end
          p.marked = year.marked
        }
      }
      return p
    }
    guard t.kind == .word else { return nil }
    if let month = monthWord(at: i) {
      var p = Pieces(month: month.month, start: i, end: month.end)
      p.weakMonth = month.ambiguous && !month.strong
      if let next = token(month.end), next.gap <= .space, yearNumber(at: month.end) == nil,
        let day = dayNumber(at: month.end, standalone: false)
      {
        p.day = day.day
        p.end = day.end
        if let year = trailingYear(at: day.end), isPunctuation(day.end, ",") || tokens[day.end].gap <= .space {
          p.year = year.year
          p.end = year.end
          p.marked = year.marked
        }
        return p
      }
      if let year = trailingYear(at: month.end), !isPunctuation(month.end, ",") {
        p.year = year.year
        p.end = year.end
        p.marked = year.marked
      } else if let relative = phrase(at: month.end, .relative), relative.meaning.relativeUnit == .year,
        tokens[month.end].gap <= .space
      {
        p.yearOffset = relative.meaning.relativeOffset
        p.end = relative.end
      }
      return p
    }
    if let day = spelledDay(at: i), let month = monthAfterDay(at: day.end), !month.ambiguous || month.strong,
      !day.ambiguous || !month.ambiguous
    {
      var p = Pieces(month: month.month, day: day.day, start: i, end: month.end)
      if let year = trailingYear(at: month.end) {
        p.year = year.year
        p.end = year.end
        p.marked = year.marked
      }
      return p
    }
    return nil
  }

  /// `[of/de] month` after a day.
  private func monthAfterDay(at i: Int) -> (month: Int, end: Int, ambiguous: Bool, strong: Bool)? {
    guard let t = token(i), t.gap <= .space else { return nil }
    if let month = monthWord(at: i) { return month }
    if let of = phrase(at: i, .dayOf), let next = token(of.end), next.gap <= .space,
      let month = monthWord(at: of.end)
    {
      return month
    }
    return nil
  }

  // MARK: - Matching

  /// The match at token `i`: the token index after it and the candidate (`nil` when the
  /// tokens are consumed without a date, as a lone time without `--times`).
  private mutating func match(at i: Int) -> (Int, DateCandidate?)? {
    // Each pattern is tried only when the roles of the tokens it starts with allow it.
    let t = tokens[i]
    if t.kind == .number {
      let next = roles(at: i + 1)
      if next.contains(.yearMarker) || next.contains(.eraBC) || next.contains(.eraAD),
        let era = eraYear(at: i)
      {
        return era
      }
      if let sep = token(i + 1), sep.gap == .none, sep.kind == .punctuation {
        if sep.value == 0x2E || sep.value == 0x2F || sep.value == 0x2D, let numeric = numericDate(at: i) {
          return numeric
        }
      }
      if isPunctuation(i + 1, ":") || !next.isDisjoint(with: [.hourMark, .timeAM, .timePM]),
        let time = clockTime(at: i)
      {
        return (time.end, includeTimes ? candidate(i, time.end, .time, time: time.time) : nil)
      }
      if !next.isDisjoint(with: Roles.anyUnit), let relative = countedOffset(at: i) { return relative }
    } else if t.kind == .word {
      let here = roles(at: i)
      if here.contains(.relative), let relative = relativePhrase(at: i) { return relative }
      if !here.isDisjoint(with: [.agoPrefix, .inFuturePrefix, .number, .article, .unitAlone]),
        let relative = countedOffset(at: i)
      {
        return relative
      }
      if here.contains(.rangeFrom), let range = fromRange(at: i) { return range }
      if here.contains(.weekday), let weekday = weekdayDate(at: i) { return weekday }
      if here.isDisjoint(with: [.month, .number]) { return nil }
    } else {
      return nil
    }
    return writtenDate(at: i)
  }

  private func candidate(_ first: Int, _ end: Int, _ recipe: DateRecipe, time: ClockTime? = nil) -> DateCandidate {
    DateCandidate(
      start: tokens[first].start, end: tokens[end - 1].end, byteStart: tokens[first].byteStart,
      byteEnd: tokens[end - 1].byteEnd, recipe: recipe, time: time,
      tense: tense[Int(tokens[first].sentence)], anchor: nil)
  }

  /// A candidate for a day, with a clock time after it when there is one.
  private func dayCandidate(_ first: Int, _ end: Int, _ recipe: DateRecipe) -> (Int, DateCandidate?) {
    if let time = timeAfter(end) {
      return (time.end, candidate(first, time.end, recipe, time: time.time))
    }
    return (end, candidate(first, end, recipe))
  }

  /// A clock time after a date: `, 17:35`, `at 17:35`, `в 17:35`, `T15:38`, or on the
  /// next line.
  private func timeAfter(_ i: Int) -> (time: ClockTime, end: Int)? {
    guard let first = token(i), first.gap <= .newline else { return nil }
    var j = i
    if first.gap == .none, first.kind == .word, first.key == DateScanner.keyT {
      guard let next = token(i + 1), next.gap == .none else { return nil }
      return clockTime(at: i + 1, afterT: true)
    }
    if isPunctuation(j, ",") { j += 1 }
    var prefixed = false
    if let prefix = phrase(at: j, .timePrefix), tokens[j].gap <= .newline {
      j = prefix.end
      prefixed = true
    }
    guard let t = token(j), t.gap <= .newline, j == i || t.gap <= .space else { return nil }
    return clockTime(at: j, afterPrefix: prefixed)
  }

  static let keyT: UInt64 = DateTokenizer.keys(of: "t").first!

  /// A clock time: `HH:MM[:SS]`; an hour or `H:MM` with `am`/`pm` ("5 pm", "5:30 p.m.");
  /// an hour with an hour word touching it ("16h", "16h30"), or after a space when a time
  /// prefix comes before ("в 16 часов", "às 16 horas").
  func clockTime(at i: Int, afterT: Bool = false, afterPrefix: Bool = false) -> (time: ClockTime, end: Int)? {
    guard let h = token(i), h.kind == .number, h.digits <= 2, h.value <= 23,
      afterT || !continuesNumberBefore(i)
    else { return nil }
    var time = ClockTime(hour: h.value, minute: 0)
    var end = i + 1
    if isPunctuation(i + 1, ":"), tokens[i + 1].gap == .none, let m = token(i + 2), m.gap == .none, m.kind == .number {
      guard m.digits == 2, m.value <= 59 else { return nil }
      time.minute = m.value
      end = i + 3
      if isPunctuation(end, ":"), tokens[end].gap == .none, let s = token(end + 1), s.gap == .none,
        s.kind == .number
      {
        guard s.digits == 2, s.value <= 59 else { return nil }
        time.second = s.value
        end += 2
      }
    } else if let mark = token(i + 1), mark.kind == .word, mark.gap <= .space,
      let hour = phrase(at: i + 1, .hourMark),
      mark.gap == .none || afterPrefix || phraseEnds(before: i, .timePrefix)
    {
      end = hour.end
      if mark.gap == .none, let m = token(end), m.gap == .none, m.kind == .number {
        guard m.digits == 2, m.value <= 59 else { return nil }
        time.minute = m.value
        end += 1
      }
      return continuesNumberAfter(end - 1, allowWord: true) ? nil : (time, end)
    }
    if let next = token(end), next.gap <= .space, let meridiem = phrase(at: end, [.timeAM, .timePM]) {
      guard (1...12).contains(h.value) else { return nil }
      time.hour = h.value % 12 + (meridiem.meaning.roles.contains(.timePM) ? 12 : 0)
      return (time, meridiem.end)
    }
    guard end > i + 1, !continuesNumberAfter(end - 1, allowWord: true) else { return nil }
    return (time, end)
  }

  /// A year with its era, in astronomical numbering (1 BC is year 0, 2000 BC is -1999):
  /// "2000 BC", "100 AD", "988 году н. э.", "500 a.C.".
  @inline(__always)
  private func eraYear(at i: Int) -> (Int, DateCandidate?)? {
    guard let t = token(i), t.digits <= 4, t.value >= 1, let next = token(i + 1), next.gap <= .space,
      next.kind != .number, !continuesNumberBefore(i)
    else { return nil }
    var j = i + 1
    if let marker = phrase(at: j, .yearMarker) { j = marker.end }
    guard let mark = token(j), mark.gap <= .space, let era = phrase(at: j, [.eraBC, .eraAD]) else { return nil }
    let year = era.meaning.roles.contains(.eraBC) ? 1 - t.value : t.value
    return (era.end, candidate(i, era.end, .year(year)))
  }

  /// Site slugs (`2016-30-09-2022`), ISO dates (`2024-06-21`, `2024-04-12T15:38`) and
  /// numeric dates with dots, slashes or dashes.
  private mutating func numericDate(at i: Int, afterWeekday: Bool = false) -> (Int, DateCandidate?)? {
    if continuesNumberBefore(i) { return nil }
    // The chain: number (sep number)*, all touching, one kind of separator.
    var numbers = [i]
    var separator: Int = 0
    var j = i + 1
    while numbers.count < 5, let sep = token(j), sep.gap == .none, sep.kind == .punctuation,
      sep.value == 0x2D || sep.value == 0x2E || sep.value == 0x2F,
      let next = token(j + 1), next.gap == .none, next.kind == .number
    {
      if separator == 0 { separator = sep.value } else if separator != sep.value { return nil }
      numbers.append(j + 1)
      j += 2
    }
    guard numbers.count >= 2 else { return nil }
    if let after = token(j), after.gap == .none, after.kind == .word, after.key != DateScanner.keyT {
      return nil
    }
    if numbers.count == 2 {
      return shortNumeric(i, numbers[1], separator: separator, end: j, afterWeekday: afterWeekday)
    }
    let n = numbers.map { tokens[$0] }
    if n.count == 4 {
      // <id>-DD-MM-YYYY: the id is never a date part.
      guard separator == 0x2D, n[3].digits == 4, n[1].digits <= 2, n[2].digits <= 2,
        let day = CalendarDay(year: n[3].value, month: n[2].value, day: n[1].value)
      else { return (j, nil) }
      dayFirstEvidence += 1
      return dayCandidate(numbers[1], j, .day(day))
    }
    guard n.count == 3 else { return (j, nil) }
    if n[0].digits == 4 {
      guard n[1].digits <= 2, n[2].digits <= 2,
        let day = CalendarDay(year: n[0].value, month: n[1].value, day: n[2].value)
      else { return (j, nil) }
      return dayCandidate(i, j, .day(day))
    }
    guard n[0].digits <= 2, n[1].digits <= 2 else { return (j, nil) }
    var year = n[2].value
    if n[2].digits == 2 && separator != 0x2D && n[0].digits == 2 && n[1].digits == 2 {
      year += year < 50 ? 2000 : 1900
    } else if n[2].digits != 4 || !(1000...2999).contains(year) {
      return (j, nil)
    }
    let (a, b) = (n[0].value, n[1].value)
    if a > 12 && b <= 12 {
      guard let day = CalendarDay(year: year, month: b, day: a) else { return (j, nil) }
      dayFirstEvidence += 1
      return dayCandidate(i, j, .day(day))
    }
    if b > 12 && a <= 12 {
      guard let day = CalendarDay(year: year, month: a, day: b) else { return (j, nil) }
      monthFirstEvidence += 1
      return dayCandidate(i, j, .day(day))
    }
    guard a >= 1, b >= 1, a <= 12, b <= 12, CalendarDay(year: year, month: 1, day: 1) != nil else { return (j, nil) }
    return dayCandidate(i, j, .numeric(first: a, second: b, year: year))
  }

  /// A day and month without a year: "15.02" (day first, as the languages that write dates
  /// with dots do), "2/15", "15/2" (the order the document decides). A slash date needs a
  /// date word before it ("on 2/15", "до 15/02"), a weekday before or a clock time after it,
  /// so that fractions ("2/3") are not dates; a dotted one needs the same, or two digits on
  /// each side in a document not known to write month first (decided on resolution), and is
  /// no date after a time prefix. Versions, decimals and quantities ("v1.2", "3.5", "2.10
  /// billion") are not dates.
  private func shortNumeric(_ i: Int, _ k: Int, separator: Int, end: Int, afterWeekday: Bool) -> (Int, DateCandidate?)? {
    let (a, b) = (tokens[i], tokens[k])
    guard separator != 0x2D, a.digits <= 2, b.digits <= 2, a.value >= 1, b.value >= 1 else { return nil }
    func valid(month: Int, day: Int) -> Bool { month <= 12 && day <= CalendarDay.daysIn(month: month, year: 2024) }
    let dotted = separator == 0x2E
    if dotted {
      guard b.digits == 2, valid(month: b.value, day: a.value) else { return nil }
    } else {
      guard valid(month: b.value, day: a.value) || valid(month: a.value, day: b.value) else { return nil }
    }
    if let next = token(end), next.gap <= .space, phrase(at: end, .quantity) != nil { return nil }
    // After "at", "в", "às" a dotted pair is a time or a price ("в 12.05", "at 15.02").
    if dotted && phraseEnds(before: i, .timePrefix) { return nil }
    let supported =
      afterWeekday || phraseEnds(before: i, [.inPrefix, .yearPrefix, .rangeFrom, .rangeTo])
      || timeAfter(end) != nil
    // Alone, only the zero-padded form ("05.03", not the decimal-like "1.10").
    guard supported || dotted && a.digits == 2 else { return nil }
    return dayCandidate(i, end, .shortNumeric(first: a.value, second: b.value, dotted: dotted, supported: supported))
  }

  /// A phrase of `relative.txt`: "yesterday", "в прошлом году", "no dia seguinte".
  @inline(__always)
  private func relativePhrase(at i: Int) -> (Int, DateCandidate?)? {
    guard let p = phrase(at: i, .relative) else { return nil }
    let first = i + p.meaning.leadingPrepositions
    let recipe: DateRecipe =
      p.meaning.relativeUnit == .contextDay
      ? .contextDay(p.meaning.relativeOffset) : .relative(p.meaning.relativeUnit, p.meaning.relativeOffset)
    if p.meaning.relativeUnit == .day || p.meaning.relativeUnit == .contextDay {
      return dayCandidate(first, p.end, recipe)
    }
    return (p.end, candidate(first, p.end, recipe))
  }

  /// "two years ago", "7 дней назад", "há três dias", "in three days", "через 3 года".
  @inline(__always)
  private func countedOffset(at i: Int) -> (Int, DateCandidate?)? {
    var j = i
    var sign = -1
    var prefixed = false
    if tokens[i].kind == .word, let prefix = phrase(at: i, [.agoPrefix, .inFuturePrefix]),
      let next = token(prefix.end), next.gap <= .space
    {
      // "in" is both a future prefix and a date preposition: a count must follow.
      if count(at: prefix.end) != nil || phrase(at: prefix.end, .unitAlone) != nil {
        sign = prefix.meaning.roles.contains(.agoPrefix) ? -1 : 1
        j = prefix.end
        prefixed = true
      }
    }
    // A count, or a unit that means one by itself ("неделю назад", "через год").
    guard let n = count(at: j) ?? (phrase(at: j, .unitAlone) != nil ? (1, j) : nil),
      let u = token(n.end), u.gap <= .space || n.end == j, let unit = phrase(at: n.end, .anyUnit)
    else { return nil }
    var end = unit.end
    if !prefixed {
      guard let suffix = phrase(at: end, [.agoSuffix, .inFutureSuffix]), tokens[end].gap <= .space else {
        return nil
      }
      sign = suffix.meaning.roles.contains(.agoSuffix) ? -1 : 1
      end = suffix.end
    }
    let roles = unit.meaning.roles
    let relativeUnit: DateMeaning.RelativeUnit =
      roles.contains(.unitDay) ? .day : roles.contains(.unitWeek) ? .week
      : roles.contains(.unitMonth) ? .month : .year
    let recipe = DateRecipe.relative(relativeUnit, sign * n.count)
    return relativeUnit == .day ? dayCandidate(i, end, recipe) : (end, candidate(i, end, recipe))
  }

  /// "Monday, September 29, 2022", "on Monday", "в пятницу".
  @inline(__always)
  private mutating func weekdayDate(at i: Int) -> (Int, DateCandidate?)? {
    guard let w = phrase(at: i, .weekday) else { return nil }
    var j = w.end
    if isPunctuation(j, ",") { j += 1 }
    if let next = token(j), next.gap <= .space,
      let (end, date) = next.kind == .number ? numericDate(at: j, afterWeekday: true) ?? writtenDate(at: j) : writtenDate(at: j),
      var date, date.recipe.isDay
    {
      date.start = tokens[i].start
      date.byteStart = tokens[i].byteStart
      return (end, date)
    }
    guard !w.meaning.isAmbiguous else { return nil }
    return dayCandidate(i, w.end, .weekday(w.meaning.weekday))
  }

  /// A range opened by a word: "from 13 to 15 July", "с 27 по 29 мая", "de 27 a 29 de maio
  /// de 2025", "between 2008 and 2010".
  @inline(__always)
  private func fromRange(at i: Int) -> (Int, DateCandidate?)? {
    guard let from = phrase(at: i, .rangeFrom), let first = pieces(at: from.end, inRange: true),
      tokens[from.end].gap <= .space,
      let (end, recipe) = rangeAfter(first, allowAfterFrom: true)
    else { return nil }
    return (end, candidate(i, end, recipe))
  }

  /// `first` followed by a range connector and the end of the range.
  private func rangeAfter(_ first: Pieces, allowAfterFrom: Bool) -> (Int, DateRecipe)? {
    guard let connector = token(first.end), connector.gap <= .space else { return nil }
    var j: Int
    if connector.isDash {
      j = first.end + 1
    } else if let to = phrase(at: first.end, [.rangeTo, .rangeToAfterFrom]),
      to.meaning.roles.contains(.rangeTo) || allowAfterFrom
    {
      if !allowAfterFrom && to.meaning.roles.contains(.rangeToAfterFrom) { return nil }
      j = to.end
    } else {
      return nil
    }
    guard let next = token(j), next.gap <= .space, var second = pieces(at: j, inRange: true) else { return nil }
    if second.isBareDay, second.year == nil, let year = trailingYear(at: second.end) {
      second.year = year.year
      second.end = year.end
    }
    guard let recipe = DateScanner.combine(first, second) else { return nil }
    return (second.end, recipe)
  }

  /// The range from `a` to `b`, filling each side's missing parts from the other.
  static func combine(_ a: Pieces, _ b: Pieces) -> DateRecipe? {
    if a.weakMonth && b.month == nil || b.weakMonth && a.month == nil { return nil }
    if a.day != nil && b.day != nil {
      guard let month2 = b.month ?? a.month else { return nil }
      let month1 = a.month ?? month2
      let year1 = a.year ?? b.year
      let year2 = b.year ?? a.year
      if let year1, let year2 {
        guard let first = CalendarDay(year: year1, month: month1, day: a.day!),
          let last = CalendarDay(year: year2, month: month2, day: b.day!), first < last
        else { return nil }
        return .dayRange(first, last)
      }
      guard (month1, a.day!) < (month2, b.day!), b.day! <= 31 else { return nil }
      return .partialDayRange(month1: month1, day1: a.day!, month2: month2, day2: b.day!)
    }
    if a.isBareYear && b.isBareYear {
      guard let y1 = a.year, let y2 = b.year, y1 < y2, y2 - y1 <= 200 else { return nil }
      return .yearRange(y1, y2)
    }
    if a.day == nil && b.day == nil, let m1 = a.month, let m2 = b.month {
      if let y2 = b.year {
        let y1 = a.year ?? y2
        guard (y1, m1) < (y2, m2) else { return nil }
        return .monthRange(year1: y1, month1: m1, year2: y2, month2: m2)
      }
      guard a.year == nil, m1 < m2 else { return nil }
      return .partialMonthRange(month1: m1, month2: m2)
    }
    return nil
  }

  /// Written dates, their ranges and years: "September 29, 2022", "30 сентября 2022 г.",
  /// "30 de setembro de 2022", "May 27-29, 2025", "in November", "в 2007 году".
  private func writtenDate(at i: Int) -> (Int, DateCandidate?)? {
    guard let p = pieces(at: i, inRange: false) else { return nil }
    if let (end, recipe) = rangeAfter(p, allowAfterFrom: false) {
      return (end, candidate(i, end, recipe))
    }
    if let year = p.year, let month = p.month {
      if let day = p.day {
        guard let value = CalendarDay(year: year, month: month, day: day) else { return nil }
        return dayCandidate(i, p.end, .day(value))
      }
      return (p.end, candidate(i, p.end, .month(year: year, month: month)))
    }
    if let month = p.month, let day = p.day {
      guard !p.weakMonth, day <= CalendarDay.daysIn(month: month, year: 2024) else { return nil }
      return dayCandidate(i, p.end, .partialDay(month: month, day: day, yearOffset: p.yearOffset))
    }
    if let month = p.month {
      guard !p.weakMonth, p.yearOffset != nil || phraseEnds(before: i, [.inPrefix, .yearPrefix, .rangeFrom])
      else { return nil }
      return (p.end, candidate(i, p.end, .partialMonth(month: month, yearOffset: p.yearOffset)))
    }
    if let year = p.year {
      let listed =
        lastWasYear
        && ((isPunctuation(i - 1, ",") && lastEnd == i - 1)
          || (phrase(at: lastEnd, .listAnd)?.end == i))
      guard p.marked || listed || phraseEnds(before: i, [.inPrefix, .yearPrefix, .rangeFrom]) else {
        return nil
      }
      return (p.end, candidate(i, p.end, .year(year)))
    }
    return nil
  }
}

extension DateRecipe {
  var isYear: Bool {
    switch self {
    case .year, .yearRange: true
    default: false
    }
  }

  var isDay: Bool {
    switch self {
    case .day, .numeric, .partialDay, .shortNumeric: true
    default: false
    }
  }
}
