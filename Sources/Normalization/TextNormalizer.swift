import ICU
public import Locales
import TextModel

/// What a normalisation is for.
public enum NormalizationProfile: String, Sendable, CaseIterable {
  /// For reading: repair (mojibake, HTML entities, control characters, look-alike letters), NFC,
  /// exotic spaces to a plain space, invisible characters removed, line endings to LF.
  /// Letters, case, emoji and quote style are kept.
  case display
  /// For comparison: everything `display` does, then NFKC case folding, diacritics
  /// removed (Russian й stays apart from и, ё becomes е), quotes, apostrophes, dashes and
  /// bullets unified, emoji dropped, Cyrillic written in one Latin key form ("Сергей" →
  /// "sergey", as name keys begin), whitespace runs collapsed to one space.
  case match
}

/// Normalises text by a ``NormalizationProfile``, reporting every change with its raw span.
///
/// ```swift
/// let normalizer = try TextNormalizer(profile: .match)
/// try normalizer.normalize("«Лавров» — Lavrov’s 🇷🇺").text   // "\"лавров\" - lavrov's "
/// ```
///
/// Both profiles are idempotent: normalising their output again changes nothing.
/// - Complexity: O(*n*) in the length of the text.
public struct TextNormalizer: Sendable {
  /// The profile applied.
  public let profile: NormalizationProfile
  /// The kinds of change that are made; others are skipped.
  public let enabledKinds: Set<ChangeKind>
  private let passes: [any NormalizationPass]
  /// Under the display profile, what finds the lines that the passes would leave alone.
  private let screen: InertLineScreen?

  /// A normaliser for `profile`, skipping the change kinds in `disabled`.
  /// - Throws: ``ICUError`` when ICU's data cannot be loaded; ``LocaleError`` when the
  ///   match profile's Cyrillic key rules are missing.
  public init(
    profile: NormalizationProfile, disabled: Set<ChangeKind> = [], locales: LocaleLibrary = .standard
  ) throws {
    self.profile = profile
    self.enabledKinds = Set(ChangeKind.allCases).subtracting(disabled)
    var passes: [any NormalizationPass] = [
      try MojibakeRepairPass(),
      try CodePageSwapPass(),
      CharacterRepairPass(),
      LookAlikePass(try LookAlikeTable.shared()),
      try UnicodeFormPass(normalizer: ICU.Normalizer(.nfc), kind: .composition),
    ]
    if profile == .match {
      // Symbols are unified before folding (NFKC would turn "´" into a space and a mark,
      // and "ℹ" into "i") and again after it (NFKC makes "″" two "′").
      passes += [
        SymbolFoldingPass(),
        try UnicodeFormPass(normalizer: ICU.Normalizer(.nfkcCasefold), kind: .fold),
        try DiacriticFoldingPass(
          decomposer: ICU.Normalizer(.nfd), composer: ICU.Normalizer(.nfc)),
        SymbolFoldingPass(),
        try CyrillicKeyFormPass(locales: locales),
        // ICU writes letters of other Cyrillic alphabets with marks (ў "ŭ"): fold them too.
        try DiacriticFoldingPass(
          decomposer: ICU.Normalizer(.nfd), composer: ICU.Normalizer(.nfc)),
        WhitespaceCollapsingPass(),
      ]
    }
    self.passes = passes
    self.screen = profile == .display ? try InertLineScreen.shared() : nil
  }

  /// The size, in scalars, of the pieces a long text is normalised in.
  static let chunkSize = 1 << 16

  /// The normalised text, its changes and its offset map.
  /// - Complexity: O(*n*): a long text is normalised in pieces of about 64 K scalars, cut
  ///   where no pass looks across (see `chunkEnd`), so the result equals normalising the
  ///   whole — except that a line of more than 128 K scalars is judged for code-page
  ///   swaps piece by piece. Under the display profile, lines that no pass would change
  ///   (see `InertLineScreen`) are copied as they are, without the passes.
  public func normalize(_ text: some StringProtocol) throws -> NormalizedText {
    try normalize(text, skippingInertLines: true)
  }

  /// ``normalize(_:)`` with the copying of inert lines on or off. The result is the same,
  /// but for a line of more than 128 K scalars that changes: the pieces it is cut into,
  /// and so its code-page swaps, may differ.
  func normalize(_ text: some StringProtocol, skippingInertLines: Bool) throws -> NormalizedText {
    let source = String(text)
    var contiguous = source
    return try contiguous.withUTF8 { utf8 in
      var result = Assembly(source: source)
      guard skippingInertLines, let screen else {
        try normalizeLines(utf8, 0..<utf8.count, into: &result)
        return result.finish()
      }
      var pending = 0  // where the lines waiting for the passes start
      var lineStart = 0
      while lineStart < utf8.count {
        let (lineEnd, count) = screen.judgeLine(utf8, from: lineStart)
        if let count, lineEnd == utf8.count || screen.startsSegment(utf8, at: lineEnd) {
          try normalizeLines(utf8, pending..<lineStart, into: &result)
          result.copy(lineStart..<lineEnd, scalarCount: count)
          pending = lineEnd
        }
        lineStart = lineEnd
      }
      try normalizeLines(utf8, pending..<utf8.count, into: &result)
      return result.finish()
    }
  }

  /// Runs the passes over whole lines, the bytes `range` of `utf8`, in pieces.
  private func normalizeLines(
    _ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into result: inout Assembly
  ) throws {
    guard !range.isEmpty else { return }
    let scalars = [Unicode.Scalar](validUTF8: UnsafeBufferPointer(rebasing: utf8[range]))
    var start = 0
    while start < scalars.count {
      let end = Self.chunkEnd(in: scalars, from: start)
      result.append(try normalizePiece(Array(scalars[start..<end])))
      start = end
    }
  }

  /// Where the piece starting at `start` ends: the first safe cut past ``chunkSize`` — after
  /// a line feed before an ASCII character that is not a space, or, in a line longer than
  /// twice the size, after a space before an ASCII letter or digit (a word boundary that
  /// no pass looks across, which keeps memory bounded on one very long line).
  static func chunkEnd(in scalars: [Unicode.Scalar], from start: Int) -> Int {
    var end = start + chunkSize
    while end < scalars.count {
      let next = scalars[end]
      let previous = scalars[end - 1]
      if previous == "\n", next.isASCII, !next.isSpaceScalar { return end }
      if end - start >= 2 * chunkSize, previous == " ", next.isASCII, next.isWordScalar {
        return end
      }
      end += 1
    }
    return scalars.count
  }

  private func normalizePiece(_ input: [Unicode.Scalar]) throws -> (
    scalars: [Unicode.Scalar], changes: [Change], map: OffsetMap
  ) {
    var scalars = input
    var map = OffsetMap(identityOfCount: scalars.count)
    var changes: [Change] = []
    for pass in passes where !pass.kinds.isDisjoint(with: enabledKinds) {
      let rewriter = try pass.rewrite(scalars, enabled: enabledKinds)
      let passMap = rewriter.builder.map
      if passMap.isIdentity { continue }
      changes += rewriter.changes.map { change in
        Change(span: map.rawSpan(for: change.span), kind: change.kind)
      }
      map = map.composed(with: passMap)
      scalars = rewriter.output
    }
    changes.sort { ($0.span.start, $0.span.end) < ($1.span.start, $1.span.end) }
    return (scalars, changes, map)
  }
}

/// The output of ``TextNormalizer/normalize(_:)``, assembled piece by piece.
private struct Assembly {
  /// The text being normalised.
  private let source: String
  private var text = ""
  private var changes: [Change] = []
  private var map = OffsetMapBuilder()
  /// Source lines to copy that are not appended yet: their UTF-8 offsets and scalar count.
  private var copied = 0..<0
  private var copiedCount = 0

  init(source: String) {
    self.source = source
    text.reserveCapacity(source.utf8.count + source.utf8.count / 16)
  }

  /// Appends the source's lines at the UTF-8 offsets `range`, which no pass changes.
  mutating func copy(_ range: Range<Int>, scalarCount: Int) {
    if copied.upperBound != range.lowerBound { appendCopied() }
    copied = (copied.isEmpty ? range.lowerBound : copied.lowerBound)..<range.upperBound
    copiedCount += scalarCount
  }

  /// Appends a normalised piece, whose changes and map count from its own start.
  mutating func append(_ piece: (scalars: [Unicode.Scalar], changes: [Change], map: OffsetMap)) {
    appendCopied()
    let offset = map.rawCursor
    changes += piece.changes.map { change in
      Change(
        span: ScalarSpan(start: change.span.start + offset, end: change.span.end + offset),
        kind: change.kind)
    }
    text += String(scalars: piece.scalars)
    map.append(piece.map)
  }

  /// The whole result.
  mutating func finish() -> NormalizedText {
    appendCopied()
    return NormalizedText(text: text, changes: changes, offsetMap: map.map)
  }

  private mutating func appendCopied() {
    guard !copied.isEmpty else { return }
    let utf8 = source.utf8
    text += source[utf8.index(utf8.startIndex, offsetBy: copied.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: copied.upperBound)]
    map.keep(copiedCount)
    copied = 0..<0
    copiedCount = 0
  }
}
