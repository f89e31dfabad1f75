import Dates
import LanguageDetection
public import Locales
import Normalization
public import TextModel

/// Turns a raw transcript into a ``CleanedDocument``: document fields, and blocks that cover
/// every non-empty raw line exactly once.
///
/// ```swift
/// let cleaner = try TranscriptCleaner()
/// let document = try cleaner.clean(rawText)
/// document.title; document.docID; document.blocks.filter { $0.kind == .turn }
/// ```
///
/// Lines are read in order: metadata (clock time, site slug, "date" prefix), site chrome
/// (the phrase lists of every language in `locales/*/chrome.txt`, hashtag-only lines, the
/// short lines of the footer after the last long line, and chrome learned from a
/// collection), the title (the first heading-like line before any body text), speaker
/// turns, list items (an emoji or bullet, kept apart), headings and paragraphs. A line that
/// starts with a lowercase letter or closing punctuation continues the block before it
/// ("…Mr Naryshkin" / ", colleagues."). Body blocks that repeat an earlier block, exactly
/// or nearly, become duplicates pointing to it.
/// - Complexity: O(*n*) in the text, plus the duplicate search, which compares only blocks
///   that share word shingles.
public struct TranscriptCleaner: Sendable {
  private let chrome: ChromeMatcher
  private let speakers: SpeakerLabel
  private let display: TextNormalizer
  private let duplicates: DuplicateFinder
  private let dates: DateFinder
  /// Loaded on first use: only a full clean identifies languages.
  private let languages: OnFirstUse<LanguageIdentifier>

  /// A cleaner with the phrase lists and speaker labels of `locales`.
  public init(locales: LocaleLibrary = .standard) throws {
    chrome = try ChromeMatcher(locales: locales)
    speakers = try SpeakerLabel(locales: locales)
    display = try TextNormalizer(profile: .display)
    duplicates = DuplicateFinder()
    dates = try DateFinder(locales: locales)
    languages = OnFirstUse { try LanguageIdentifier(locales: locales) }
  }

  /// The structure of `text`, marking as chrome the lines `learnedChrome` recognises.
  public func clean(_ text: String, learnedChrome: LearnedChrome? = nil) throws -> CleanedDocument {
    let lines = SourceLine.lines(of: text)
    let footerStart = footerStart(of: lines)
    var state = State()
    for (index, line) in lines.enumerated() {
      var piece = line
      if let (date, length) = MetadataLine.datePrefix(piece.text) {
        let prefix = trimmed(piece, to: length)
        state.blocks.append(Block(kind: .metadata, span: prefix.span, text: prefix.text))
        state.date = state.date ?? date
        guard let rest = remainder(of: piece, after: length) else { continue }
        piece = rest
      }
      let next = index + 1 < lines.count ? lines[index + 1].text : nil
      try classify(
        piece, next: next, isFooter: index >= footerStart, learnedChrome: learnedChrome,
        state: &state)
    }
    state.blocks = duplicates.marking(state.blocks)
    let language = try identifyLanguages(of: &state.blocks)
    let title = state.blocks.first { $0.kind == .title }?.text
    // The title's date ("…, Moscow, September 30, 2022") when no metadata dated the text.
    let date = state.date ?? title.flatMap(dateOfTitle)
    return CleanedDocument(
      title: title, date: date, time: state.time,
      docID: state.docID, language: language, blocks: state.blocks)
  }

  /// The raw spans of `text`'s site chrome and its date, as ``clean(_:learnedChrome:)``
  /// finds them (``CleanedDocument/chromeSpans`` and ``CleanedDocument/date``), reading only
  /// as much of each line as they need: what alignment uses of a document.
  public func chromeAndDate(of text: String, learnedChrome: LearnedChrome? = nil)
    -> (chrome: [ScalarSpan], date: String?)
  {
    let lines = SourceLine.lines(of: text)
    let footerStart = footerStart(of: lines)
    var chromeSpans: [ScalarSpan] = []
    var date: String?
    var title: String?
    var hasBody = false
    for (index, line) in lines.enumerated() {
      var piece = line
      if let (prefixDate, length) = MetadataLine.datePrefix(piece.text) {
        date = date ?? prefixDate
        guard let rest = remainder(of: piece, after: length) else { continue }
        piece = rest
      }
      switch mark(piece, isFooter: index >= footerStart, learnedChrome: learnedChrome) {
      case .chrome: chromeSpans.append(piece.span)
      case .slug(_, let slugDate): date = date ?? slugDate
      case .time: break
      case nil:
        // Datelines and the title matter only while no date is known.
        guard date == nil else { continue }
        if let day = dateLine(piece) {
          date = day
        } else if !hasBody {
          hasBody = true
          let next = index + 1 < lines.count ? lines[index + 1].text : nil
          title = self.title(piece, marker: ListMarker.split(piece.text), next: next)
        }
      }
    }
    return (chromeSpans, date ?? title.flatMap { try? dateOfTitle(display.normalize($0).text) })
  }

  /// What has been read so far.
  private struct State {
    var blocks: [Block] = []
    var date: String?
    var time: String?
    var docID: String?
    var speaker: String?
    var hasBody = false
    /// Whether the last block was made from the line just before, so a continuation may
    /// join it.
    var lastBlockIsJoinable = false
  }

  private func classify(
    _ line: SourceLine, next: String?, isFooter: Bool, learnedChrome: LearnedChrome?,
    state: inout State
  ) throws {
    let text = line.text
    func append(_ kind: BlockKind, _ blockText: String, speaker: String? = nil, bullet: String? = nil) throws {
      state.blocks.append(
        Block(
          kind: kind, span: line.span, text: try display.normalize(blockText).text, speaker: speaker,
          bullet: bullet))
    }
    switch mark(line, isFooter: isFooter, learnedChrome: learnedChrome) {
    case .time(let time):
      state.time = state.time ?? time
      state.lastBlockIsJoinable = false
      return try append(.metadata, text)
    case .slug(let docID, let date):
      state.docID = state.docID ?? docID
      state.date = state.date ?? date
      state.lastBlockIsJoinable = false
      return try append(.metadata, text)
    case .chrome:
      state.lastBlockIsJoinable = false
      return try append(.boilerplate, text)
    case nil: break
    }
    if let day = dateLine(line) {
      state.date = state.date ?? day
      state.lastBlockIsJoinable = false
      return try append(.metadata, text)
    }
    if state.lastBlockIsJoinable, let last = state.blocks.last, continues(last, with: text) {
      let joiner = text.unicodeScalars.first.map { $0.properties.isAlphabetic } == true ? " " : ""
      let joined = last.text + joiner + (try display.normalize(text).text)
      state.blocks[state.blocks.count - 1].span = last.span.union(line.span)
      state.blocks[state.blocks.count - 1].text = joined
      return
    }
    state.lastBlockIsJoinable = true
    let marker = ListMarker.split(text)
    let continuesOnNextLine = Self.isContinued(by: next)
    if !state.hasBody, let title = title(line, marker: marker, next: next) {
      state.hasBody = true
      return try append(.title, title, bullet: marker?.marker)
    }
    state.hasBody = true
    if let (speaker, length) = speakers.split(text) {
      state.speaker = speaker
      let rest = String(String.UnicodeScalarView(Array(text.unicodeScalars)[length...]))
      return try append(.turn, rest, speaker: speaker)
    }
    if let marker {
      return try append(.listItem, marker.text, speaker: state.speaker, bullet: marker.marker)
    }
    if !continuesOnNextLine, isHeading(line) {
      return try append(.heading, text)
    }
    try append(.paragraph, text, speaker: state.speaker)
  }

  /// What a line is whatever comes before it: metadata of its own, or chrome.
  private enum Mark {
    case time(String)
    case slug(docID: String, date: String)
    case chrome
  }

  /// The line's ``Mark``, or `nil` for a line that may be a dateline or body text.
  private func mark(_ line: SourceLine, isFooter: Bool, learnedChrome: LearnedChrome?) -> Mark? {
    let text = line.text
    if let time = MetadataLine.time(text) { return .time(time) }
    if let slug = MetadataLine.slug(text) { return .slug(docID: slug.docID, date: slug.date) }
    if chrome.isChrome(text) || ChromeMatcher.isHashtagLine(text)
      || learnedChrome?.contains(text) == true || (isFooter && line.wordCount <= 8)
    {
      return .chrome
    }
    return nil
  }

  /// The title that `line`, the first line of the body, makes (without its list marker),
  /// or `nil` when it is no title.
  private func title(_ line: SourceLine, marker: (marker: String, text: String)?, next: String?) -> String? {
    let text = marker?.text ?? line.text
    return !Self.isContinued(by: next) && isTitle(text, line: line) ? text : nil
  }

  /// Whether the next line continues this one: it starts with a lowercase letter.
  private static func isContinued(by next: String?) -> Bool {
    next?.unicodeScalars.first?.properties.isLowercase == true
  }

  /// Sets each block's language, the document's blocks informing its short ones, and
  /// returns the language of the body: the one most of its letters are in, or `nil`.
  private func identifyLanguages(of blocks: inout [Block]) throws -> String? {
    let found = try languages.value().identify(lines: blocks.map(\.text))
    var letters: [String: Int] = [:]
    for (index, identification) in found.enumerated() {
      blocks[index].language = identification.language
      guard blocks[index].kind.isBody || blocks[index].kind == .duplicate,
        identification.language != LanguageIdentification.undetermined,
        identification.language != LanguageIdentification.mixed
      else { continue }
      letters[identification.language, default: 0] += blocks[index].text.unicodeScalars.count
    }
    return letters.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
  }

  /// The most words a dateline has: two besides its dates, and dates of many words
  /// ("the thirtieth of September, two thousand and twenty-two") leave room to spare.
  static let longestDateline = 24

  /// The first day a title names ("…, Moscow, September 30, 2022").
  private func dateOfTitle(_ title: String) -> String? {
    dates.dates(in: title).first { $0.kind == .day && !$0.isRelative }?.value
  }

  /// The ISO day of a dateline — a line that is a date, perhaps after a place and a list
  /// marker: "September 29, 2022", "📍 Samarkand, April 14, 2023" — or `nil`. A line of
  /// more than ``longestDateline`` words is body text: dates are not searched in it.
  private func dateLine(_ line: SourceLine) -> String? {
    guard line.wordCount <= Self.longestDateline else { return nil }
    let content = ListMarker.split(line.text)?.text ?? line.text
    let found = dates.dates(in: content).filter { !$0.isRelative && $0.value != nil }
    guard let first = found.first, first.kind == .day || first.kind == .datetime,
      let value = first.value
    else { return nil }
    var rest = String.UnicodeScalarView()
    var offset = 0
    for scalar in content.unicodeScalars {
      if !found.contains(where: { $0.span.contains(offset) }) { rest.append(scalar) }
      offset += 1
    }
    let words = SourceLine.wordCount(of: String(rest))
    return words <= 2 ? String(value.prefix(10)) : nil
  }

  /// Whether `text` continues `block`: it starts with closing punctuation, or with a
  /// lowercase letter after a block that does not end a sentence.
  private func continues(_ block: Block, with text: String) -> Bool {
    guard [.paragraph, .turn, .heading, .title, .listItem].contains(block.kind),
      let first = text.unicodeScalars.first
    else { return false }
    if [",", ";", ".", ")", "»", "”", "…"].contains(first) { return true }
    let blockEnd = SourceLine(text: block.text, span: block.span)
    return first.properties.isLowercase && !blockEnd.endsSentence
  }

  /// A title: four or more words, starting with a capital, not ending a sentence or a
  /// speaker label.
  private func isTitle(_ text: String, line: SourceLine) -> Bool {
    guard line.wordCount >= 4, !line.endsSentence, !text.hasSuffix(":"), !text.hasSuffix(","),
      text.first?.isUppercase == true
    else { return false }
    return speakers.split(text) == nil
  }

  /// A heading: a line that does not end a sentence or an address ("Colleagues,"), starts
  /// with a capital, and has three to twenty-five words — or ends with a colon.
  private func isHeading(_ line: SourceLine) -> Bool {
    guard line.text.first?.isUppercase == true, !line.endsSentence, !line.text.hasSuffix(",")
    else { return false }
    return line.text.hasSuffix(":") || (3...25).contains(line.wordCount)
  }

  /// The index of the first chrome line after the last long line (twelve words or more):
  /// the footer, whose short lines are chrome even when no list names them (topic and
  /// person lists, tags).
  private func footerStart(of lines: [SourceLine]) -> Int {
    guard let lastLong = lines.lastIndex(where: { $0.wordCount >= 12 && !chrome.isChrome($0.text) })
    else { return lines.count }
    return lines[(lastLong + 1)...].firstIndex { chrome.isChrome($0.text) } ?? lines.count
  }

  private func trimmed(_ line: SourceLine, to length: Int) -> SourceLine {
    let scalars = Array(line.text.unicodeScalars)[..<length]
    let content = String(String.UnicodeScalarView(scalars)).trimmingSpaces
    return SourceLine(
      text: content,
      span: ScalarSpan(start: line.span.start, end: line.span.start + content.unicodeScalars.count))
  }

  private func remainder(of line: SourceLine, after length: Int) -> SourceLine? {
    let scalars = Array(line.text.unicodeScalars)
    guard length < scalars.count else { return nil }
    return SourceLine(
      text: String(String.UnicodeScalarView(scalars[length...])),
      span: ScalarSpan(start: line.span.start + length, end: line.span.end))
  }
}
