public import GRDB

/// A row of the `document` table.
public struct DocumentRow: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "document"
  public var id: Int64?
  /// The path relative to the processed directory.
  public var path: String
  public var contentHash: String
  public var size: Int
  public var rawText: String?
  public var title: String?
  public var date: String?
  public var time: String?
  public var docID: String?
  public var language: String?
  public var encoding: String?
  public var replacements: Int
  public var repairs: Int
  /// Why the file could not be processed, or `nil`.
  public var failure: String?

  enum CodingKeys: String, CodingKey {
    case id, path, size, title, date, time, language, encoding, replacements, repairs, failure
    case contentHash = "content_hash"
    case rawText = "raw_text"
    case docID = "doc_id"
  }

  public init(
    id: Int64? = nil, path: String, contentHash: String, size: Int, rawText: String? = nil,
    title: String? = nil, date: String? = nil, time: String? = nil, docID: String? = nil,
    language: String? = nil, encoding: String? = nil, replacements: Int = 0, repairs: Int = 0,
    failure: String? = nil
  ) {
    self.id = id
    self.path = path
    self.contentHash = contentHash
    self.size = size
    self.rawText = rawText
    self.title = title
    self.date = date
    self.time = time
    self.docID = docID
    self.language = language
    self.encoding = encoding
    self.replacements = replacements
    self.repairs = repairs
    self.failure = failure
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A row of the `block` table.
public struct BlockRow: Codable, Sendable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "block"
  public var documentID: Int64
  public var position: Int
  public var kind: String
  public var start: Int
  public var end: Int
  public var text: String
  public var matchText: String
  public var lang: String?
  public var speaker: String?
  public var duplicateOf: Int?

  enum CodingKeys: String, CodingKey {
    case position, kind, start, end, text, lang, speaker
    case documentID = "document_id"
    case matchText = "match_text"
    case duplicateOf = "duplicate_of"
  }

  public init(
    documentID: Int64, position: Int, kind: String, start: Int, end: Int, text: String,
    matchText: String, lang: String?, speaker: String?, duplicateOf: Int?
  ) {
    self.documentID = documentID
    self.position = position
    self.kind = kind
    self.start = start
    self.end = end
    self.text = text
    self.matchText = matchText
    self.lang = lang
    self.speaker = speaker
    self.duplicateOf = duplicateOf
  }
}

/// A row of the `link` table: two passages carrying the same statement.
public struct LinkRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "link"
  public var aDocumentID: Int64
  public var aStart: Int
  public var aEnd: Int
  public var bDocumentID: Int64
  public var bStart: Int
  public var bEnd: Int
  public var score: Double
  public var kind: String
  /// The edits, comma-separated.
  public var edits: String

  enum CodingKeys: String, CodingKey {
    case score, kind, edits
    case aDocumentID = "a_document_id"
    case aStart = "a_start"
    case aEnd = "a_end"
    case bDocumentID = "b_document_id"
    case bStart = "b_start"
    case bEnd = "b_end"
  }

  public init(
    aDocumentID: Int64, aStart: Int, aEnd: Int, bDocumentID: Int64, bStart: Int, bEnd: Int,
    score: Double, kind: String, edits: String
  ) {
    self.aDocumentID = aDocumentID
    self.aStart = aStart
    self.aEnd = aEnd
    self.bDocumentID = bDocumentID
    self.bStart = bStart
    self.bEnd = bEnd
    self.score = score
    self.kind = kind
    self.edits = edits
  }
}

/// A row of the `date` table: a temporal expression found in a document.
public struct DateRow: Codable, Sendable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "date"
  public var documentID: Int64
  public var start: Int
  public var end: Int
  public var surface: String
  public var value: String?
  public var kind: String

  enum CodingKeys: String, CodingKey {
    case start, end, surface, value, kind
    case documentID = "document_id"
  }

  public init(documentID: Int64, start: Int, end: Int, surface: String, value: String?, kind: String) {
    self.documentID = documentID
    self.start = start
    self.end = end
    self.surface = surface
    self.value = value
    self.kind = kind
  }
}
