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
  /// What finds the lines that the repair passes (those of the display profile) leave alone.
  let screen: InertLineScreen
  /// Under the match profile, what folds the words of those lines without the passes.
  let wordFolder: WordFolder?

  /// A normaliser for `profile`, skipping the change kinds in `disabled`.
  /// - Throws: ``ICUError`` when ICU's data cannot be loaded; ``LocaleError`` when the
  ///   match profile's Cyrillic key rules are missing.
  public init(
    profile: NormalizationProfile, disabled: Set<ChangeKind> = [], locales: LocaleLibrary = .standard
  ) throws {
    self.profile = profile
    self.enabledKinds = Set(ChangeKind.allCases).subtracting(disabled)
    let repairPasses: [any NormalizationPass] = [
      try MojibakeRepairPass(),
      try CodePageSwapPass(),
      CharacterRepairPass(),
      LookAlikePass(try LookAlikeTable.shared()),
      try UnicodeFormPass(normalizer: ICU.Normalizer(.nfc), kind: .composition),
    ]
    var foldingPasses: [any NormalizationPass] = []
    if profile == .match {
      // Symbols are unified before folding (NFKC would turn "´" into a space and a mark,
      // and "ℹ" into "i") and again after it (NFKC makes "″" two "′").
      foldingPasses = [
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
    self.passes = repairPasses + foldingPasses
    self.screen = try InertLineScreen.shared()
    self.wordFolder =
      profile == .match ? try WordFolder(passes: foldingPasses, enabledKinds: enabledKinds) : nil
  }

  /// The size, in scalars, of the pieces a long text is normalised in.
  static let chunkSize = 1 << 16

  /// The normalised text, its changes and its offset map.
  /// - Complexity: O(*n*): a long text is normalised in pieces of about 64 K scalars, cut
  ///   where no pass looks across (see `chunkEnd`), so the result equals normalising the
  ///   whole — except that a line of more than 128 K scalars is judged for code-page
  ///   swaps piece by piece. Lines that no repair pass would change (see `InertLineScreen`)
  ///   do not go through the passes: under the display profile they are copied as they
  ///   are, under the match profile their words are folded one distinct word at a time
  ///   (see `WordFolder`).
  public func normalize(_ text: some StringProtocol) throws -> NormalizedText {
    try normalize(text, skippingInertLines: true)
  }

  /// ``normalize(_:)`` with the inert lines taken out of the passes or not. The result is
  /// the same, but for a line of more than 128 K scalars that changes: the pieces it is cut
  /// into, and so its code-page swaps, may differ.
  func normalize(_ text: some StringProtocol, skippingInertLines: Bool) throws -> NormalizedText {
    var source = String(text)
    return try source.withUTF8 { utf8 in
      if skippingInertLines, let wordFolder { return try foldInertLines(utf8, folder: wordFolder) }
      var result = NormalizationAssembly(source: utf8)
      if skippingInertLines {
        try copyInertLines(utf8, into: &result)
      } else {
        try normalizeWithPasses(utf8, 0..<utf8.count, into: &result)
      }
      return result.finish()
    }
  }

  /// Normalises `utf8` with the passes, but copies the inert lines that the next line
  /// cannot join (display profile).
  private func copyInertLines(
    _ utf8: UnsafeBufferPointer<UInt8>, into result: inout NormalizationAssembly
  ) throws {
    var pending = 0  // where the lines waiting for the passes start
    var lineStart = 0
    while lineStart < utf8.count {
      let (lineEnd, count) = screen.judgeLine(utf8, from: lineStart)
      if let count, lineEnd == utf8.count || screen.startsSegment(utf8, at: lineEnd) {
        try normalizeWithPasses(utf8, pending..<lineStart, into: &result)
        result.copy(lineStart..<lineEnd, scalarCount: count)
        pending = lineEnd
      }
      lineStart = lineEnd
    }
    try normalizeWithPasses(utf8, pending..<utf8.count, into: &result)
  }

  /// Runs the passes over the bytes `range` of `utf8`, in pieces. The range starts and
  /// ends where no pass looks across.
  func normalizeWithPasses(
    _ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into result: inout NormalizationAssembly
  ) throws {
    guard !range.isEmpty else { return }
    let scalars = [Unicode.Scalar](validUTF8: UnsafeBufferPointer(rebasing: utf8[range]))
    var start = 0
    while start < scalars.count {
      let end = Self.chunkEnd(in: scalars, from: start)
      result.append(
        try Self.apply(passes, to: Array(scalars[start..<end]), enabled: enabledKinds))
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

  /// Runs `passes` in order over `input`, making the changes of the `enabled` kinds;
  /// `inspect` sees the input of each pass.
  static func apply(
    _ passes: [any NormalizationPass], to input: [Unicode.Scalar], enabled: Set<ChangeKind>,
    inspect: ([Unicode.Scalar]) -> Void = { _ in }
  ) throws -> NormalizedPiece {
    var scalars = input
    var map = OffsetMap(identityOfCount: scalars.count)
    var changes: [Change] = []
    for pass in passes where !pass.kinds.isDisjoint(with: enabled) {
      inspect(scalars)
      let rewriter = try pass.rewrite(scalars, enabled: enabled)
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
