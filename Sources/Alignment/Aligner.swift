import Foundation
import Normalization
public import TextModel
import Transliteration

/// Links the same statement wherever it appears — within one document and across
/// documents — with exact raw spans, a score and the edits that tell the copies apart.
///
/// ```swift
/// let aligner = try Aligner()
/// let links = try aligner.links(among: [("a.txt", textA), ("b.txt", textB)])
/// ```
///
/// Method: the `match` normalisation of each document (case, quotes, dashes, spaces,
/// invisible characters and emoji folded, so such edits do not break a match) is cut into
/// words; winnowed fingerprints of 5-word runs go into an inverted index, dropping
/// fingerprints found in too many documents (stock phrases, chrome). Shared fingerprints
/// on one diagonal of two documents make a candidate, which a banded Smith–Waterman
/// alignment with affine gaps extends and trims to the passage really shared. A link needs
/// at least ``Options/minimumWords`` matched words, covering 80 % of the shorter passage,
/// and no differing number (a different date or count is a different fact).
/// - Complexity: fingerprinting and indexing are O(*n*) in the corpus; memory grows with
///   the fingerprints (about one per `w` words), not with the number of pairs.
public struct Aligner: Sendable {
  /// Tuning, with documented defaults.
  public struct Options: Sendable {
    /// The fewest matched words a link needs. Default 25.
    public var minimumWords = 25
    /// Words per fingerprinted run. Default 5.
    public var k = 5
    /// Fingerprint window: any shared run of `k + w − 1` words is found. Default 4.
    public var w = 4
    /// A fingerprint in more documents than this is a stock phrase and seeds nothing.
    /// Default: 10, or 2 % of the documents when that is more.
    public var maximumDocumentFrequency: Int?
    /// Share of the shorter passage's words that must match. Default 0.8.
    public var minimumCoverage = 0.8
    /// Share of matched words among matched, changed and briefly inserted or deleted
    /// words (whole dropped or added sentences aside). Default 0.9.
    public var minimumIdentity = 0.9
    /// The most documents a fingerprint may be in, in a collection of `documentCount`, to
    /// seed a match: ``maximumDocumentFrequency`` when set.
    public func documentFrequencyCap(documentCount: Int) -> Int {
      maximumDocumentFrequency ?? max(10, documentCount / 50)
    }

    /// Threads to use. Default: all cores.
    public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)

    public init() {}
  }

  public var options: Options
  private let tokenizer: MatchTokenizer

  public init(options: Options = Options()) throws {
    self.options = options
    tokenizer = try MatchTokenizer()
  }

  /// Prepares documents for alignment, in parallel.
  /// - Parameter excluded: for each document, raw spans (chrome) that seed no match.
  public func prepare(_ documents: [(name: String, text: String)], excluded: [[ScalarSpan]] = [])
    throws -> [MatchDocument]
  {
    try Array(documents.indices).concurrentMap(jobs: options.jobs) { index in
      try prepare(
        name: documents[index].name, text: documents[index].text,
        excluded: index < excluded.count ? excluded[index] : [])
    }
  }

  /// Prepares one document for alignment.
  /// - Parameter excluded: raw spans (chrome) whose words seed no match.
  public func prepare(name: String, text: String, excluded: [ScalarSpan] = []) throws -> MatchDocument {
    try MatchDocument(name: name, text: text, tokenizer: tokenizer, excluded: excluded)
  }

  /// The links among `documents`, in document order.
  /// - Parameter involving: when given, only links with at least one passage in one of these
  ///   documents (by index): new documents are linked to old ones without re-aligning old
  ///   against old.
  public func links(among documents: [MatchDocument], involving: Set<Int>? = nil) -> [PassageLink] {
    let located = Array(documents.indices).concurrentMap(jobs: options.jobs) { locatedFingerprints(of: documents[$0], as: $0) }
    let candidates = candidates(fromParts: located, documentCount: documents.count, involving: involving)
    let byIndex = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($0, $1) })
    return links(for: candidates, in: byIndex)
  }

  /// The links that `candidates` make, in document order; `documents` holds (by index)
  /// every document they name. Candidates of one pair of documents must all be given in one
  /// call: overlapping links of a pair are resolved among them, and a link between two
  /// blocks of copies is cut copy by copy (see ``cutAtRepeatedBlocks(_:in:aligner:)``).
  public func links(for candidates: [Candidate], in documents: [Int: MatchDocument]) -> [PassageLink] {
    let aligner = LocalAligner()
    let found = candidates.concurrentMap(jobs: options.jobs) { candidate in
      guard let a = documents[candidate.firstDocument], let b = documents[candidate.secondDocument]
      else { preconditionFailure("a candidate names a document that was not given") }
      return align(candidate, a, b, aligner)
    }
    let kept = Self.deduplicated(found.flatMap { $0 })
    return Self.deduplicated(cutAtRepeatedBlocks(kept, in: documents, aligner: aligner))
  }

  // MARK: Alignment

  /// The half width of the band a candidate is aligned in; `nil` when no band fits.
  private static func bandHalfWidth(_ candidate: Candidate) -> Int? {
    let halfWidth = 48 + abs(candidate.first.count - candidate.second.count)
    guard candidate.firstDocument == candidate.secondDocument else { return halfWidth }
    // Within one document the windows may overlap; a band narrower than the distance
    // between the copies keeps the alignment off the trivial diagonal (a text with itself).
    let narrowed = min(halfWidth, candidate.diagonal - 1)
    return narrowed > 0 ? narrowed : nil
  }

  private func align(
    _ candidate: Candidate, _ a: MatchDocument, _ b: MatchDocument, _ aligner: LocalAligner
  ) -> [PassageLink] {
    guard let halfWidth = Self.bandHalfWidth(candidate) else { return [] }
    // Most candidates of a large collection are a few words shared by chance. Before the
    // whole window of a candidate shorter than a link is aligned, a probe of the candidate
    // and 16 words on either side must match at least half the words a link needs: a
    // passage that long around the candidate matches them there. No window is aligned
    // whose longest common subsequence of words (for a probe) or words found in the other
    // are too few for that: no alignment matches more.
    if candidate.first.count < options.minimumWords {
      guard let probe = Window(candidate, a, b, pad: (16, 16)) else { return [] }
      let (probeFirst, probeSecond) = (probe.first(a), probe.second(b))
      let needed = options.minimumWords / 2
      guard Self.mostMatches(probeFirst, probeSecond) >= needed,
        let probed = aligner.align(
          probeFirst[...], probeSecond[...], center: probe.center(candidate), halfWidth: halfWidth),
        probed.matchCount(probeFirst, probeSecond) >= needed
      else { return [] }
    }
    // Windows reach 100 words beyond the candidate, but never across chrome: a wrapper line
    // ("Forwarded from …", "#Announcement") ends a passage. Where the alignment reaches a
    // window's edge that is neither chrome nor the document's edge, the passage may go on:
    // the window doubles on that side, up to ``longestPad`` words.
    var pad = (before: 100, after: 100)
    let window: Window
    let alignment: LocalAligner.Alignment
    while true {
      guard let tried = Window(candidate, a, b, pad: pad) else { return [] }
      let (first, second) = (tried.first(a), tried.second(b))
      guard Self.sharedWords(first, second) >= options.minimumWords,
        let aligned = aligner.align(first[...], second[...], center: tried.center(candidate), halfWidth: halfWidth)
      else { return [] }
      let reached = tried.openEdgesReached(by: aligned, a, b)
      let growsBefore = reached.before && pad.before < Self.longestPad
      let growsAfter = reached.after && pad.after < Self.longestPad
      guard growsBefore || growsAfter else {
        (window, alignment) = (tried, aligned)
        break
      }
      if growsBefore { pad.before *= 2 }
      if growsAfter { pad.after *= 2 }
    }
    return links(of: alignment, in: window, candidate, a, b)
  }

  /// The links of `candidate` aligned within its own regions, without context: for pieces
  /// of a passage already found (see ``cutAtRepeatedBlocks(_:in:aligner:)``).
  func alignAlone(
    _ candidate: Candidate, _ a: MatchDocument, _ b: MatchDocument, _ aligner: LocalAligner
  ) -> [PassageLink] {
    guard let halfWidth = Self.bandHalfWidth(candidate), let window = Window(candidate, a, b, pad: (0, 0)) else {
      return []
    }
    let (first, second) = (window.first(a), window.second(b))
    guard let aligned = aligner.align(first[...], second[...], center: window.center(candidate), halfWidth: halfWidth)
    else { return [] }
    return links(of: aligned, in: window, candidate, a, b)
  }

  /// The links that the stretches of `alignment` (of `window`) make.
  private func links(
    of alignment: LocalAligner.Alignment, in window: Window, _ candidate: Candidate, _ a: MatchDocument,
    _ b: MatchDocument
  ) -> [PassageLink] {
    let sameDocument = candidate.firstDocument == candidate.secondDocument
    let aLow = window.firstWords.lowerBound
    let bLow = window.secondWords.lowerBound
    let columns = alignment.columns.map {
      LocalAligner.Column(first: $0.first.map { $0 + aLow }, second: $0.second.map { $0 + bLow })
    }
    let isMatch = { (column: LocalAligner.Column) -> Bool in
      guard let i = column.first, let j = column.second else { return false }
      return a.isSeedable[i] && b.isSeedable[j] && a.tokens[i].hash == b.tokens[j].hash
    }
    let isNumberConflict = { (column: LocalAligner.Column) -> Bool in
      guard let i = column.first, let j = column.second, !isMatch(column) else { return false }
      return a.tokens[i].isNumber && b.tokens[j].isNumber
    }
    let segments = AlignedSegment.segments(of: columns, isMatch: isMatch, isNumberConflict: isNumberConflict)
      .flatMap { segment in sameDocument ? segment.piecesBeforeTheirCopies(isMatch: isMatch) : [segment] }
      .filter { $0.matches >= options.minimumWords }
    return segments.compactMap { segment in
      link(segment, candidate, a, b, sameDocument: sameDocument)
    }
  }

  /// The most words of context a window grows to on either side of a candidate.
  static let longestPad = 1600
  /// An alignment that starts or ends this close to a window's edge may go on beyond it.
  static let edgeMargin = 4

  /// The words of two documents that a candidate is aligned in: `pad` words on either side
  /// of its regions, but never across chrome, which ends a passage.
  struct Window {
    var firstWords: Range<Int>
    var secondWords: Range<Int>

    init?(_ candidate: Candidate, _ a: MatchDocument, _ b: MatchDocument, pad: (before: Int, after: Int)) {
      firstWords =
        a.chromeFreeStart(before: candidate.first.lowerBound, limit: pad.before)
        ..< a.chromeFreeEnd(after: candidate.first.upperBound, limit: pad.after)
      secondWords =
        b.chromeFreeStart(before: candidate.second.lowerBound, limit: pad.before)
        ..< b.chromeFreeEnd(after: candidate.second.upperBound, limit: pad.after)
      guard !firstWords.isEmpty, !secondWords.isEmpty else { return nil }
    }

    /// Whether `alignment` (of these windows) starts, or ends, within ``edgeMargin`` words
    /// of a window's edge beyond which its document goes on without chrome.
    func openEdgesReached(by alignment: LocalAligner.Alignment, _ a: MatchDocument, _ b: MatchDocument)
      -> (before: Bool, after: Bool)
    {
      let margin = Aligner.edgeMargin
      let aStart = alignment.columns.lazy.compactMap(\.first).first ?? 0
      let bStart = alignment.columns.lazy.compactMap(\.second).first ?? 0
      let aEnd = alignment.columns.reversed().lazy.compactMap(\.first).first ?? 0
      let bEnd = alignment.columns.reversed().lazy.compactMap(\.second).first ?? 0
      func goesOn(_ document: MatchDocument, before start: Int) -> Bool {
        start > 0 && document.isSeedable[start - 1]
      }
      func goesOn(_ document: MatchDocument, after end: Int) -> Bool {
        end < document.tokens.count && document.isSeedable[end]
      }
      let before =
        (aStart < margin && goesOn(a, before: firstWords.lowerBound))
        || (bStart < margin && goesOn(b, before: secondWords.lowerBound))
      let after =
        (firstWords.count - 1 - aEnd < margin && goesOn(a, after: firstWords.upperBound))
        || (secondWords.count - 1 - bEnd < margin && goesOn(b, after: secondWords.upperBound))
      return (before, after)
    }

    /// The word hashes of the first window; chrome never matches, so a passage stops there.
    func first(_ a: MatchDocument) -> [UInt64] {
      firstWords.map { a.isSeedable[$0] ? a.tokens[$0].hash : UInt64($0) &* 2 }
    }

    /// The word hashes of the second window, its chrome matching nothing in the first.
    func second(_ b: MatchDocument) -> [UInt64] {
      secondWords.map { b.isSeedable[$0] ? b.tokens[$0].hash : UInt64($0) &* 2 &+ 1 }
    }

    /// The candidate's diagonal within the windows.
    func center(_ candidate: Candidate) -> Int {
      (candidate.second.lowerBound - secondWords.lowerBound) - (candidate.first.lowerBound - firstWords.lowerBound)
    }
  }

  /// The link a stretch of alignment makes, when it passes the thresholds.
  private func link(
    _ segment: AlignedSegment, _ candidate: Candidate, _ a: MatchDocument, _ b: MatchDocument, sameDocument: Bool
  ) -> PassageLink? {
    guard segment.matches >= options.minimumWords, !segment.first.isEmpty, !segment.second.isEmpty else {
      return nil
    }
    let shorter = min(segment.first.count, segment.second.count)
    guard Double(segment.matches) >= options.minimumCoverage * Double(shorter) else { return nil }
    // Scattered differences (words changed, short gaps) mean another text on a shared
    // theme; whole sentences dropped or added do not count against a link.
    guard
      Double(segment.matches)
        >= options.minimumIdentity * Double(segment.matches + segment.scatteredDifferences)
    else { return nil }
    // The lines of the passages and of the three words beside them: all that the checks
    // below read of the raw texts.
    let aScalars = Self.excerpt(of: a, around: segment.first)
    let bScalars = Self.excerpt(of: b, around: segment.second)
    guard !Self.differentNumbersBeside(segment, a, b, aScalars, bScalars) else { return nil }
    var firstSpan = ScalarSpan(
      start: a.tokens[segment.first.lowerBound].rawSpan.start,
      end: a.tokens[segment.first.upperBound - 1].rawSpan.end)
    var secondSpan = ScalarSpan(
      start: b.tokens[segment.second.lowerBound].rawSpan.start,
      end: b.tokens[segment.second.upperBound - 1].rawSpan.end)
    Self.extendOverSharedPunctuation(&firstSpan, &secondSpan, aScalars, bScalars)
    let firstText = aScalars[firstSpan.start..<firstSpan.end]
    let secondText = bScalars[secondSpan.start..<secondSpan.end]
    // Canonically equivalent texts are the same text, as Swift compares strings.
    let exact = firstText.elementsEqual(secondText) || String(scalars: firstText) == String(scalars: secondText)
    let respelled = Self.hasRespelledWords(segment, a, b, aScalars, bScalars)
    return PassageLink(
      first: Passage(document: candidate.firstDocument, span: firstSpan),
      second: Passage(document: candidate.secondDocument, span: secondSpan),
      score: Double(segment.matches) / Double(max(segment.first.count, segment.second.count)),
      kind: exact ? .exact : respelled ? .translit : .near,
      edits: exact
        ? []
        : EditClassifier.edits(
          between: firstText, and: secondText, segment: segment, firstTokens: a.tokens,
          secondTokens: b.tokens, firstDocument: aScalars, secondDocument: bScalars, respelled: respelled))
  }

  /// The whole lines of `document` from three words before `words` to three words after.
  static func excerpt(of document: MatchDocument, around words: Range<Int>) -> ScalarExcerpt {
    let first = document.tokens[max(0, words.lowerBound - 3)]
    let last = document.tokens[min(document.tokens.count, words.upperBound + 3) - 1]
    return ScalarExcerpt(linesOf: document.text, around: ScalarSpan(start: first.rawSpan.start, end: last.rawSpan.end))
  }

  /// Whether words matched through their name keys are spelled differently ("Sergey" and
  /// "Sergei", "Лавров" and "Lavrov"), beyond case.
  static func hasRespelledWords(
    _ segment: AlignedSegment, _ a: MatchDocument, _ b: MatchDocument, _ aScalars: ScalarExcerpt,
    _ bScalars: ScalarExcerpt
  ) -> Bool {
    func word(_ scalars: ScalarExcerpt, _ span: ScalarSpan) -> String {
      String(scalars: scalars[span.start..<span.end]).lowercased()
    }
    return segment.columns.contains { column in
      guard let i = column.first, let j = column.second, a.tokens[i].hash == b.tokens[j].hash else {
        return false
      }
      let first = a.tokens[i].rawSpan
      let second = b.tokens[j].rawSpan
      // Most matched words are spelled alike; only the others are lowercased to compare.
      return !aScalars[first.start..<first.end].elementsEqual(bScalars[second.start..<second.end])
        && word(aScalars, first) != word(bScalars, second)
    }
  }

  /// Whether, within three words before or after the passage and on its first or last
  /// line, both documents have numbers that differ: the alignment stopped at a different
  /// date or count, so the texts state different facts. (A number on a line of its own
  /// before the passage, a dateline or a page's id, is not part of the statement.)
  static func differentNumbersBeside(
    _ segment: AlignedSegment, _ a: MatchDocument, _ b: MatchDocument, _ aScalars: ScalarExcerpt,
    _ bScalars: ScalarExcerpt
  ) -> Bool {
    /// The numbers among the three words before `start` (or after `end`) that are on
    /// the same line.
    func numbers(_ document: MatchDocument, _ scalars: ScalarExcerpt, before start: Int) -> Set<UInt64> {
      let passageStart = document.tokens[start].rawSpan.start
      let words = (max(0, start - 3)..<start).reversed().prefix { index in
        !scalars[document.tokens[index].rawSpan.end..<passageStart].contains("\n")
      }
      return Set(words.map { document.tokens[$0] }.filter(\.isNumber).map(\.hash))
    }
    func numbers(_ document: MatchDocument, _ scalars: ScalarExcerpt, after end: Int) -> Set<UInt64> {
      let passageEnd = document.tokens[end - 1].rawSpan.end
      let words = (end..<min(document.tokens.count, end + 3)).prefix { index in
        !scalars[passageEnd..<document.tokens[index].rawSpan.start].contains("\n")
      }
      return Set(words.map { document.tokens[$0] }.filter(\.isNumber).map(\.hash))
    }
    let before = (
      numbers(a, aScalars, before: segment.first.lowerBound), numbers(b, bScalars, before: segment.second.lowerBound))
    let after = (
      numbers(a, aScalars, after: segment.first.upperBound), numbers(b, bScalars, after: segment.second.upperBound))
    return [before, after].contains { first, second in
      !first.isEmpty && !second.isEmpty && first != second
    }
  }

  /// Widens both spans over punctuation they share right after their last word (a final
  /// period, a closing quote) and right before their first word (an opening quote). A line
  /// feed is no punctuation: the spans stay within the excerpts' lines.
  static func extendOverSharedPunctuation(
    _ first: inout ScalarSpan, _ second: inout ScalarSpan, _ a: ScalarExcerpt, _ b: ScalarExcerpt
  ) {
    func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
      !scalar.properties.isWhitespace && !scalar.properties.isAlphabetic
        && scalar.properties.numericType == nil && scalar.properties.generalCategory != .otherSymbol
    }
    while first.end < a.end, second.end < b.end, a[first.end] == b[second.end],
      isPunctuation(a[first.end])
    {
      first.end += 1
      second.end += 1
    }
    while first.start > a.start, second.start > b.start, a[first.start - 1] == b[second.start - 1],
      isPunctuation(a[first.start - 1]), a[first.start - 1] != "#"
    {
      first.start -= 1
      second.start -= 1
    }
  }

  /// Keeps, of links whose passages overlap on both sides, the heaviest.
  static func deduplicated(_ links: [PassageLink]) -> [PassageLink] {
    // Length weighted by the square of the score: a long exact copy beats a slightly
    // longer alignment that wanders across copies with edits.
    func weight(_ link: PassageLink) -> Double {
      Double(link.first.span.count + link.second.span.count) * link.score * link.score
    }
    let ranked = links.sorted { weight($0) > weight($1) }
    // Only links of the same pair of documents can overlap on both sides.
    var keptByPair: [[Int]: [PassageLink]] = [:]
    for link in ranked {
      let pair = [link.first.document, link.second.document]
      let overlapsKept = keptByPair[pair, default: []].contains { other in
        other.first.span.overlaps(link.first.span) && other.second.span.overlaps(link.second.span)
      }
      if !overlapsKept { keptByPair[pair, default: []].append(link) }
    }
    return keptByPair.values.joined().sorted { ($0.first, $0.second) < ($1.first, $1.second) }
  }
}
