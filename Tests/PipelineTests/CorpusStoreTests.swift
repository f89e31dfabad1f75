import Foundation
import GRDB
import Store
import Testing

@Suite struct CorpusStoreTests {
  func indexNames(_ store: CorpusStore) throws -> Set<String> {
    try store.writer.read { db in
      Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index'"))
    }
  }

  /// A bulk load runs without the hash index and builds it after; a load that stops half
  /// way (an error here, a kill in life) leaves it out, and the next opening builds it.
  @Test func theHashIndexIsBackAfterABulkLoadEvenAnInterruptedOne() throws {
    let path = FileManager.default.temporaryDirectory.appending(path: "verbatim-\(UUID()).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    struct Interrupted: Error {}
    do {
      let store = try CorpusStore(path: path)
      #expect(try indexNames(store).contains("fingerprint_on_hash"))
      let inside = try store.loadingInBulk { try indexNames(store) }
      #expect(!inside.contains("fingerprint_on_hash"))
      #expect(try indexNames(store).contains("fingerprint_on_hash"))
      #expect(throws: Interrupted.self) { try store.loadingInBulk { throw Interrupted() } }
      #expect(!(try indexNames(store).contains("fingerprint_on_hash")))
    }
    #expect(try indexNames(CorpusStore(path: path)).contains("fingerprint_on_hash"))
  }
}
