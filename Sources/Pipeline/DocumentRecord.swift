public import Cleaning
public import Dates
import TextModel

/// The JSON object of one cleaned document — `verbatim clean --json` and the
/// `docs/<path>.json` files of `verbatim process`: `{"file", "title", "date", "time",
/// "doc_id", "language", "blocks": [{"kind", "text", "start", "end", "lang", "speaker",
/// "bullet", "duplicate_of"}]}`, plus `"dates": [{"surface", "start", "end", "value",
/// "kind"}]` in `process` output. Absent fields are `null`, never left out.
public struct DocumentRecord: Encodable, Sendable {
  /// One block.
  public struct BlockRecord: Encodable, Sendable {
    var kind: String
    var text: String
    var start: Int
    var end: Int
    var lang: String?
    var speaker: String?
    var bullet: String?
    var duplicateOf: Int?

    enum CodingKeys: String, CodingKey {
      case kind, text, start, end, lang, speaker, bullet
      case duplicateOf = "duplicate_of"
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(text, forKey: .text)
      try container.encode(start, forKey: .start)
      try container.encode(end, forKey: .end)
      try container.encode(lang, forKey: .lang)
      try container.encode(speaker, forKey: .speaker)
      try container.encodeIfPresent(bullet, forKey: .bullet)
      try container.encodeIfPresent(duplicateOf, forKey: .duplicateOf)
    }
  }

  /// One date found in the document.
  public struct DateRecord: Encodable, Sendable {
    var surface: String
    var start: Int
    var end: Int
    var value: String?
    var kind: String
  }

  var file: String
  var document: CleanedDocument
  var dates: [FoundDate]?

  /// The record of `document`, read from `file`, with the `dates` found in it when given.
  public init(file: String, document: CleanedDocument, dates: [FoundDate]? = nil) {
    self.file = file
    self.document = document
    self.dates = dates
  }

  enum CodingKeys: String, CodingKey {
    case file, title, date, time, language, blocks, dates
    case docID = "doc_id"
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(document.title, forKey: .title)
    try container.encode(document.date, forKey: .date)
    try container.encode(document.time, forKey: .time)
    try container.encode(document.docID, forKey: .docID)
    try container.encode(document.language, forKey: .language)
    try container.encode(
      document.blocks.map { block in
        BlockRecord(
          kind: block.kind.rawValue, text: block.text, start: block.span.start, end: block.span.end,
          lang: block.language, speaker: block.speaker, bullet: block.bullet,
          duplicateOf: block.duplicateOf)
      }, forKey: .blocks)
    if let dates {
      try container.encode(
        dates.map {
          DateRecord(
            surface: $0.surface, start: $0.span.start, end: $0.span.end, value: $0.value,
            kind: $0.kind.rawValue)
        }, forKey: .dates)
    }
  }
}
