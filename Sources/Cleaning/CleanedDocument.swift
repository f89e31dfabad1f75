public import TextModel

/// A transcript as a careful reader sees it: what it is, when it was published, who speaks,
/// what is body text and what is site chrome — with every block pointing into the raw text.
public struct CleanedDocument: Hashable, Sendable {
  /// The document's title, or `nil` when it has none.
  public var title: String?
  /// The publication date as an ISO day ("2022-09-30"), from the document itself.
  public var date: String?
  /// The publication time ("13:56").
  public var time: String?
  /// The site's document id string as printed ("2016-30-09-2022").
  public var docID: String?
  /// The language of the body (ISO 639-1), or `nil` when undecided.
  public var language: String?
  /// The blocks, in raw order, covering every non-empty raw line exactly once.
  public var blocks: [Block]

  /// The raw spans of the site chrome (boilerplate blocks): what alignment must not seed
  /// passages from.
  public var chromeSpans: [ScalarSpan] { blocks.filter { $0.kind == .boilerplate }.map(\.span) }
}

/// A piece of a transcript: a title, a paragraph, a speaker's turn, a list item, chrome…
public struct Block: Hashable, Sendable {
  /// What the block is.
  public var kind: BlockKind
  /// The raw span: from the block's first to its last non-space character, across lines
  /// when lines were joined.
  public var span: ScalarSpan
  /// The text for display: normalised (`display` profile), lines joined, the speaker label
  /// and list bullet removed.
  public var text: String
  /// Who speaks, for turns and the paragraphs that continue them.
  public var speaker: String?
  /// The bullet or emoji that starts a list item, kept apart from its text.
  public var bullet: String?
  /// For a duplicate, the index of the block it repeats.
  public var duplicateOf: Int?
  /// The language of the block (ISO 639-1, `und` or `mixed`), when identified.
  public var language: String?

  /// Creates a block.
  public init(
    kind: BlockKind, span: ScalarSpan, text: String, speaker: String? = nil, bullet: String? = nil,
    duplicateOf: Int? = nil, language: String? = nil
  ) {
    self.kind = kind
    self.span = span
    self.text = text
    self.speaker = speaker
    self.bullet = bullet
    self.duplicateOf = duplicateOf
    self.language = language
  }
}

/// The kinds of block.
public enum BlockKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// The document's title.
  case title
  /// A time stamp, site id or date line.
  case metadata
  /// A short line that introduces what follows.
  case heading
  /// Body text.
  case paragraph
  /// A speaker's turn: the label is in ``Block/speaker``.
  case turn
  /// An item of an emoji or bullet list: the bullet is in ``Block/bullet``.
  case listItem = "list_item"
  /// Site chrome, repost wrappers, photo counters, hashtag-only lines, topic and person
  /// lists, publication status.
  case boilerplate
  /// A block repeating an earlier block of the same document.
  case duplicate

  /// Whether the block is part of the body a reader wants.
  public var isBody: Bool {
    switch self {
    case .title, .heading, .paragraph, .turn, .listItem: true
    case .metadata, .boilerplate, .duplicate: false
    }
  }
}
