import Foundation
public import GRDB

/// The queryable index that `verbatim process` writes: documents, blocks, dates, word
/// fingerprints, passage links and clusters, in one SQLite file (`verbatim.sqlite`).
///
/// The schema is versioned with GRDB migrations (``migrator``); opening an older index
/// upgrades it. Every write is a transaction, so an interrupted run leaves a consistent
/// database and the next run completes it.
public final class CorpusStore: Sendable {
  /// The database connection.
  public let writer: DatabaseQueue

  /// Opens (creating or upgrading) the index at `path`.
  /// - Throws: GRDB's `DatabaseError` when the file cannot be opened or is not an index.
  public init(path: String) throws {
    var configuration = Configuration()
    configuration.prepareDatabase { db in
      try db.execute(sql: "PRAGMA foreign_keys = ON")
      // A large page cache: fingerprint look-ups touch pages all over the index.
      try db.execute(sql: "PRAGMA cache_size = -262144")
      try db.execute(sql: "PRAGMA temp_store = MEMORY")
      // One transaction per document: with a write-ahead log and NORMAL syncing a commit
      // is an append, not a disk flush, and the log is copied into the file (and flushed)
      // every 64 MB rather than every 4 MB. Transactions stay atomic, so an interrupted run
      // still leaves a consistent index; only the last commits may be lost on power failure.
      if !db.configuration.readonly {
        _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
      }
    }
    writer = try DatabaseQueue(path: path, configuration: configuration)
    try Self.migrator.migrate(writer)
    // A run interrupted while loading in bulk may have left the hash index out.
    try restoreFingerprintIndex()
  }

  /// Runs `load` with the fingerprints' hash index dropped, then builds the index again:
  /// a bulk load then appends rows instead of inserting into a large index at random
  /// places, and the index is built once, by sorting.
  public func loadingInBulk<Result>(_ load: () throws -> Result) throws -> Result {
    try writer.write { db in try db.execute(sql: "DROP INDEX IF EXISTS fingerprint_on_hash") }
    let result = try load()
    try restoreFingerprintIndex()
    return result
  }

  private func restoreFingerprintIndex() throws {
    try writer.writeWithoutTransaction { db in
      // The sort that builds the index spills to disk, not memory, when it is large.
      try db.execute(sql: "PRAGMA temp_store = FILE")
      defer { try? db.execute(sql: "PRAGMA temp_store = MEMORY") }
      try db.execute(sql: "CREATE INDEX IF NOT EXISTS fingerprint_on_hash ON fingerprint(hash)")
    }
  }

  /// The schema, one migration per version.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.create(table: "document") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("path", .text).notNull().unique()
        t.column("content_hash", .text).notNull()
        t.column("size", .integer).notNull()
        t.column("raw_text", .text)
        t.column("title", .text)
        t.column("date", .text)
        t.column("time", .text)
        t.column("doc_id", .text)
        t.column("language", .text)
        t.column("encoding", .text)
        t.column("replacements", .integer).notNull().defaults(to: 0)
        t.column("repairs", .integer).notNull().defaults(to: 0)
        t.column("failure", .text)
      }
      try db.create(table: "block") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("document_id", .integer).notNull().references("document", onDelete: .cascade).indexed()
        t.column("position", .integer).notNull()
        t.column("kind", .text).notNull()
        t.column("start", .integer).notNull()
        t.column("end", .integer).notNull()
        t.column("text", .text).notNull()
        t.column("match_text", .text).notNull()
        t.column("lang", .text)
        t.column("speaker", .text)
        t.column("duplicate_of", .integer)
      }
      try db.create(table: "date") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("document_id", .integer).notNull().references("document", onDelete: .cascade).indexed()
        t.column("start", .integer).notNull()
        t.column("end", .integer).notNull()
        t.column("surface", .text).notNull()
        t.column("value", .text)
        t.column("kind", .text).notNull()
      }
      try db.create(table: "fingerprint") { t in
        t.column("document_id", .integer).notNull().references("document", onDelete: .cascade).indexed()
        t.column("hash", .integer).notNull().indexed()
        t.column("position", .integer).notNull()
      }
      try db.create(table: "link") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("a_document_id", .integer).notNull().references("document", onDelete: .cascade).indexed()
        t.column("a_start", .integer).notNull()
        t.column("a_end", .integer).notNull()
        t.column("b_document_id", .integer).notNull().references("document", onDelete: .cascade).indexed()
        t.column("b_start", .integer).notNull()
        t.column("b_end", .integer).notNull()
        t.column("score", .double).notNull()
        t.column("kind", .text).notNull()
        t.column("edits", .text).notNull()
      }
      try db.create(table: "cluster") { t in
        t.autoIncrementedPrimaryKey("id")
        t.column("source_document_id", .integer).notNull().references("document", onDelete: .cascade)
        t.column("source_start", .integer).notNull()
        t.column("source_end", .integer).notNull()
      }
      try db.create(table: "cluster_member") { t in
        t.column("cluster_id", .integer).notNull().references("cluster", onDelete: .cascade).indexed()
        t.column("document_id", .integer).notNull().references("document", onDelete: .cascade).indexed()
        t.column("rank", .integer).notNull()
        t.column("start", .integer).notNull()
        t.column("end", .integer).notNull()
      }
      try db.create(table: "setting") { t in
        t.primaryKey("key", .text)
        t.column("value", .text).notNull()
      }
    }
    return migrator
  }
}
