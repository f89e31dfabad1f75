public import TextModel

/// A passage of one document: the document's index in the aligned collection and a raw span.
public struct Passage: Hashable, Sendable, Comparable {
  /// The document's index among those aligned.
  public var document: Int
  /// The raw span of the passage (Unicode scalar offsets, end-exclusive).
  public var span: ScalarSpan

  /// A passage of document `document` at `span`.
  public init(document: Int, span: ScalarSpan) {
    self.document = document
    self.span = span
  }

  public static func < (lhs: Passage, rhs: Passage) -> Bool {
    (lhs.document, lhs.span) < (rhs.document, rhs.span)
  }
}

/// Two passages that carry the same statement.
public struct PassageLink: Hashable, Sendable {
  /// How the passages relate.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// The raw texts are identical.
    case exact
    /// The same statement with edits (see ``PassageLink/edits``).
    case near
    /// The same statement, with names written in another script or transliteration.
    case translit
  }

  /// What differs between two linked passages.
  public enum Edit: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case emoji, hashtag, punctuation, quotes, wrapping, whitespace, `case`, words, names
    case droppedSentence = "dropped_sentence"
    case addedSentence = "added_sentence"

    public static func < (lhs: Edit, rhs: Edit) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  /// The earlier passage (by document order, then offset).
  public var first: Passage
  /// The later passage.
  public var second: Passage
  /// The share of words matched, 0–1: matched words / the longer passage's words.
  public var score: Double
  public var kind: Kind
  /// What differs, sorted.
  public var edits: [Edit]

  /// A link between two passages.
  public init(first: Passage, second: Passage, score: Double, kind: Kind, edits: [Edit]) {
    self.first = first
    self.second = second
    self.score = score
    self.kind = kind
    self.edits = edits
  }
}
