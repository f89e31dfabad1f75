public import TextModel

/// Text normalised by a ``NormalizationProfile``, with every change it made and a map back
/// to the raw text.
///
/// ```swift
/// let result = try TextNormalizer(profile: .display).normalize("a\u{A0}b &amp; c")
/// result.text                         // "a b & c"
/// result.changes.map(\.kind)          // [.space, .entity]
/// result.offsetMap.rawSpan(for: ScalarSpan(start: 4, end: 5))   // 4..<9, the "&amp;"
/// ```
public struct NormalizedText: Hashable, Sendable {
  /// The normalised text.
  public var text: String
  /// Every change, in raw order, with its raw span.
  public var changes: [Change]
  /// Maps offsets in ``text`` back to the raw text.
  public var offsetMap: OffsetMap
}

/// One change made by normalisation: the raw span it replaced and why.
public struct Change: Hashable, Sendable, Codable {
  /// The raw scalars replaced (empty for an insertion).
  public var span: ScalarSpan
  /// What kind of change it was.
  public var kind: ChangeKind

  /// Creates a change of `kind` over the raw `span`.
  public init(span: ScalarSpan, kind: ChangeKind) {
    self.span = span
    self.kind = kind
  }
}

/// The kinds of change normalisation makes; each one can be switched off.
public enum ChangeKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// UTF-8 text that had been decoded with a legacy code page was restored.
  case mojibake
  /// An HTML entity (`&nbsp;`, `&#8217;`, `&laquo;`) became its character.
  case entity
  /// A C0 or C1 control character (other than tab and line feed) was removed.
  case control
  /// A carriage return (alone or before a line feed) became a line feed.
  case lineEnding = "line_ending"
  /// A no-break, narrow, thin or ideographic space became a plain space.
  case space
  /// An invisible character (zero-width space, soft hyphen, stray byte-order mark, word
  /// joiner, direction mark) was removed.
  case invisible
  /// A look-alike letter of the other script inside a word became the word's own script.
  case lookAlike = "look_alike"
  /// Canonical composition (NFC).
  case composition
  /// Compatibility mapping and case folding (NFKC_Casefold).
  case fold
  /// A diacritic was removed (except where the language keeps the letters apart).
  case diacritic
  /// A quote or apostrophe became `"` or `'`.
  case quote
  /// A hyphen or dash became `-`.
  case dash
  /// A bullet became `*`.
  case bullet
  /// An emoji or pictograph was removed.
  case emoji
  /// A run of whitespace became one space.
  case whitespace
  /// A Cyrillic word was written in the Latin key form.
  case script
}
