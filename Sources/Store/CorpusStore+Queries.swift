import GRDB

extension CorpusStore {
  /// Every indexed document's path, id and content hash.
  public func documentHashes() throws -> [String: (id: Int64, hash: String)] {
    try writer.read { db in
      var result: [String: (id: Int64, hash: String)] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT id, path, content_hash FROM document") {
        result[row["path"]] = (row["id"], row["content_hash"])
      }
      return result
    }
  }

  /// Removes documents, with everything that belongs to them (blocks, dates, fingerprints,
  /// links, cluster memberships), in one transaction.
  public func deleteDocuments(ids: [Int64]) throws {
    guard !ids.isEmpty else { return }
    try writer.write { db in
      _ = try DocumentRow.deleteAll(db, keys: ids)
    }
  }

  /// Stores one processed document with its blocks, dates and fingerprints, replacing any
  /// earlier version at the same path, in one transaction. Returns the document's id.
  public func replaceDocument(
    _ document: DocumentRow, blocks: [BlockRow], dates: [DateRow],
    fingerprints: [(hash: UInt64, position: Int)]
  ) throws -> Int64 {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM document WHERE path = ?", arguments: [document.path])
      var document = document
      try document.insert(db)
      let id = document.id ?? db.lastInsertedRowID
      for var block in blocks {
        block.documentID = id
        try block.insert(db)
      }
      for var date in dates {
        date.documentID = id
        try date.insert(db)
      }
      let statement = try db.makeStatement(
        sql: "INSERT INTO fingerprint (document_id, hash, position) VALUES (?, ?, ?)")
      for fingerprint in fingerprints {
        try statement.execute(arguments: [id, Int64(bitPattern: fingerprint.hash), fingerprint.position])
      }
      return id
    }
  }

  /// The documents (ids) holding any of `hashes` among their fingerprints.
  public func documents(sharingFingerprints hashes: [UInt64]) throws -> Set<Int64> {
    Set(try fingerprints(withHashes: hashes).map(\.documentID))
  }

  /// The stored fingerprints with any of `hashes`: document id, hash and word position.
  /// A hash stored more than `maximumOccurrences` times is left out, rows and all.
  public func fingerprints(withHashes hashes: [UInt64], maximumOccurrences: Int = .max) throws
    -> [(documentID: Int64, hash: UInt64, position: Int)]
  {
    try writer.read { db in
      try Self.inChunks(hashes.map { Int64(bitPattern: $0) }) { slice in
        let placeholders = Array(repeating: "?", count: slice.count).joined(separator: ",")
        let rows = try Row.fetchAll(
          db, sql: "SELECT document_id, hash, position FROM fingerprint WHERE hash IN (\(placeholders))",
          arguments: StatementArguments(slice)
        ).map { row -> (documentID: Int64, hash: UInt64, position: Int) in
          (row[0], UInt64(bitPattern: row[1]), row[2])
        }
        guard maximumOccurrences < rows.count else { return rows }
        var occurrences: [UInt64: Int] = [:]
        for row in rows { occurrences[row.hash, default: 0] += 1 }
        return rows.filter { occurrences[$0.hash, default: 0] <= maximumOccurrences }
      }
    }
  }

  /// `query` run on `values` 500 at a time (SQLite bounds a statement's arguments), the
  /// results joined.
  private static func inChunks<Value, Result>(
    _ values: [Value], _ query: (ArraySlice<Value>) throws -> [Result]
  ) rethrows -> [Result] {
    try stride(from: 0, to: values.count, by: 500).flatMap { start in
      try query(values[start..<min(start + 500, values.count)])
    }
  }

  /// The id and path of every document that was read (not failed), in path order.
  public func readableDocuments() throws -> [(id: Int64, path: String)] {
    try writer.read { db in
      try Row.fetchAll(db, sql: "SELECT id, path FROM document WHERE failure IS NULL ORDER BY path")
        .map { row -> (id: Int64, path: String) in (row[0], row[1]) }
    }
  }

  /// The documents with these ids.
  public func documents(ids: [Int64]) throws -> [DocumentRow] {
    try writer.read { db in try Self.inChunks(ids) { try DocumentRow.fetchAll(db, keys: $0) } }
  }

  /// Every document, in path order.
  /// - Parameter withText: `false` leaves `rawText` out (`nil`), which a large index makes
  ///   much lighter to read.
  public func allDocuments(withText: Bool = true) throws -> [DocumentRow] {
    try writer.read { db in
      var request = DocumentRow.order(Column("path"))
      if !withText {
        let columns = try db.columns(in: DocumentRow.databaseTableName).map(\.name)
        request = request.select(columns.filter { $0 != "raw_text" }.map { Column($0) })
      }
      return try request.fetchAll(db)
    }
  }

  /// Adds links found this run.
  public func insertLinks(_ links: [LinkRow]) throws {
    try writer.write { db in
      for link in links { try link.insert(db) }
    }
  }

  /// Every link.
  public func allLinks() throws -> [LinkRow] {
    try writer.read { db in
      try LinkRow.order(Column("a_document_id"), Column("a_start"), Column("b_document_id"), Column("b_start"))
        .fetchAll(db)
    }
  }

  /// Replaces every cluster: each is a list of (document id, start, end), the source first.
  public func replaceClusters(_ clusters: [[(documentID: Int64, start: Int, end: Int)]]) throws {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM cluster")
      for members in clusters {
        guard let source = members.first else { continue }
        try db.execute(
          sql: "INSERT INTO cluster (source_document_id, source_start, source_end) VALUES (?, ?, ?)",
          arguments: [source.documentID, source.start, source.end])
        let clusterID = db.lastInsertedRowID
        for (rank, member) in members.enumerated() {
          try db.execute(
            sql: "INSERT INTO cluster_member (cluster_id, document_id, rank, start, end) VALUES (?, ?, ?, ?, ?)",
            arguments: [clusterID, member.documentID, rank, member.start, member.end])
        }
      }
    }
  }

  /// Marks the start of a run that stores documents: until ``finishRun()``, the documents
  /// stored from now on are unfinished (not yet linked). The mark of an interrupted run is
  /// kept, so that its documents stay unfinished too.
  public func startRun() throws {
    try writer.write { db in
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO setting (key, value)
          VALUES ('unfinished_after_id', (SELECT COALESCE(MAX(id), 0) FROM document))
          """)
    }
  }

  /// Marks the run as finished: every stored document is linked.
  public func finishRun() throws {
    try writer.write { db in
      try db.execute(sql: "DELETE FROM setting WHERE key = 'unfinished_after_id'")
    }
  }

  /// The paths of the documents stored by a run that was interrupted before it finished.
  public func unfinishedPaths() throws -> Set<String> {
    try writer.read { db in
      Set(
        try String.fetchAll(
          db,
          sql: """
            SELECT path FROM document WHERE id > (
              SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'unfinished_after_id')
            """))
    }
  }

  /// A stored setting, e.g. the learned chrome of the last run.
  public func setting(_ key: String) throws -> String? {
    try writer.read { db in
      try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
    }
  }

  /// Stores a setting.
  public func setSetting(_ key: String, _ value: String) throws {
    try writer.write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [key, value])
    }
  }

  /// Counts of rows per table, for summaries.
  public func counts() throws -> [String: Int] {
    try writer.read { db in
      var counts: [String: Int] = [:]
      for table in ["document", "block", "date", "link", "cluster"] {
        counts[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table)") ?? 0
      }
      counts["failed"] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE failure IS NOT NULL") ?? 0
      return counts
    }
  }
}
