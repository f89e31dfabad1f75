import Alignment
public import Store
public import TextModel

/// `verbatim find`: every place in an index where a text, or a near copy of it, appears —
/// by the same rules as alignment, with candidates from the fingerprints stored in the index.
public struct PassageSearch: Sendable {
  /// One place the text appears.
  public struct Hit: Sendable {
    /// The document's path, relative to the processed directory.
    public var path: String
    /// The document's own date, when known.
    public var date: String?
    /// The raw span of the passage.
    public var span: ScalarSpan
    /// The passage.
    public var passage: String
    /// Up to 60 characters of raw text before and after the passage.
    public var before: String
    public var after: String
    public var score: Double
    public var kind: String
  }

  private let store: CorpusStore
  /// The fewest matched words a hit needs; `nil` for three quarters of the query's words
  /// (at least 8, at most 25).
  public var minimumWords: Int?

  public init(store: CorpusStore) {
    self.store = store
  }

  /// The places where `text` appears, in document order.
  public func hits(for text: String) throws -> [Hit] {
    var options = Aligner.Options()
    let probe = try Aligner(options: options).prepare(name: "query", text: text)
    options.minimumWords = minimumWords ?? min(25, max(8, probe.tokens.count * 3 / 4))
    // A passage is a stock phrase by how many documents of the whole index hold it, as in
    // `process`, not by how many are read for this query; the query is one more.
    let counts = try store.counts()
    let indexed = (counts["document"] ?? 0) - (counts["failed"] ?? 0)
    options.maximumDocumentFrequency = options.documentFrequencyCap(documentCount: indexed) + 1
    let aligner = try Aligner(options: options)
    let hashes = aligner.fingerprints(of: probe).map(\.hash)
    let rows = try store.documents(ids: store.documents(sharingFingerprints: hashes).sorted())
      .filter { $0.rawText != nil }
      .sorted { $0.path < $1.path }
    let documents = try aligner.prepare([("query", text)] + rows.map { ($0.path, $0.rawText ?? "") })
    return aligner.links(among: documents, involving: [0]).compactMap { link -> Hit? in
      let passage = link.first.document == 0 ? link.second : link.first
      guard passage.document > 0 else { return nil }
      let row = rows[passage.document - 1]
      let scalars = Array((row.rawText ?? "").unicodeScalars)
      func text(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[range.clamped(to: 0..<scalars.count)]))
      }
      return Hit(
        path: row.path, date: row.date, span: passage.span,
        passage: text(passage.span.start..<passage.span.end),
        before: text((passage.span.start - 60)..<passage.span.start),
        after: text(passage.span.end..<(passage.span.end + 60)), score: link.score,
        kind: link.kind.rawValue)
    }
  }
}
