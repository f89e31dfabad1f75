import Foundation
import GRDB
@testable import Pipeline
import Store
import Testing
import _VerbatimTestSupport

@Suite struct CorpusProcessorTests {
  /// A fresh directory holding the named corpus files.
  func directory(with names: [String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appending(path: "verbatim-\(UUID())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in names {
      try Data(Corpus.bytes(name)).write(to: directory.appending(path: name))
    }
    return directory
  }

  /// What an index holds, independent of row ids: documents with their fields, blocks, and
  /// links by document path.
  func snapshot(_ output: URL) throws -> [String] {
    let store = try CorpusStore(path: output.appending(path: "verbatim.sqlite").path)
    return try store.writer.read { db in
      var lines: [String] = []
      for row in try Row.fetchAll(
        db, sql: "SELECT path, content_hash, title, date, time, doc_id, failure FROM document ORDER BY path")
      {
        lines.append("doc \(row.databaseValues.map(\.description).joined(separator: "|"))")
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT d.path, b.position, b.kind, b.start, b.end, b.speaker, b.duplicate_of FROM block b
          JOIN document d ON d.id = b.document_id ORDER BY d.path, b.position
          """)
      {
        lines.append("block \(row.databaseValues.map(\.description).joined(separator: "|"))")
      }
      for row in try Row.fetchAll(
        db,
        sql: """
          SELECT a.path, l.a_start, l.a_end, b.path, l.b_start, l.b_end, l.kind, l.edits FROM link l
          JOIN document a ON a.id = l.a_document_id JOIN document b ON b.id = l.b_document_id
          """)
      {
        lines.append("link \(row.databaseValues.map(\.description).joined(separator: "|"))")
      }
      return lines.sorted()
    }
  }

  @Test func freshRunIndexesTheCorpus() throws {
    let input = try directory(with: Corpus.fileNames)
    let output = input.appending(path: "out")
    defer { try? FileManager.default.removeItem(at: input) }
    let summary = try CorpusProcessor(root: input, output: output).run()
    #expect(summary.documents == 5)
    #expect(summary.processed == 5)
    #expect(summary.failures.isEmpty)
    #expect(summary.links >= 3)
    let store = try CorpusStore(path: output.appending(path: "verbatim.sqlite").path)
    let documents = try store.allDocuments()
    #expect(documents.first { $0.path.hasPrefix("000") }?.docID == "2016-30-09-2022")
    #expect(documents.first { $0.path.hasPrefix("002") }?.time == "15:38")
    #expect(documents.first { $0.path.hasPrefix("004") }?.date == "2022-09-29")
    #expect(documents.first { $0.path.hasPrefix("003") }?.date == "2023-04-14")
    // 000's "yesterday" is the day of the meeting in 004, resolved against 000's own date.
    let yesterday = try store.writer.read { db in
      try String.fetchOne(
        db,
        sql: "SELECT value FROM date JOIN document d ON d.id = date.document_id WHERE d.path LIKE '000%' AND surface = 'yesterday'")
    }
    #expect(yesterday == "2022-09-29")
    for name in Corpus.fileNames {
      #expect(FileManager.default.fileExists(atPath: output.appending(path: "docs/\(name).json").path))
      #expect(FileManager.default.fileExists(atPath: output.appending(path: "docs/\(name).txt").path))
    }
    let links = try String(contentsOf: output.appending(path: "links.jsonl"), encoding: .utf8)
    #expect(links.split(separator: "\n").count == summary.links)
  }

  /// Adding, changing and deleting files, then running again, gives the index a fresh run
  /// over the final files gives.
  @Test func incrementalRunEqualsAFreshRun() throws {
    let names = Corpus.fileNames
    let input = try directory(with: Array(names.prefix(3)))
    let output = input.appending(path: "out")
    defer { try? FileManager.default.removeItem(at: input) }
    let processor = CorpusProcessor(root: input, output: output)
    _ = try processor.run()
    // Add 003 and 004, change 001, delete 000.
    for name in names.suffix(2) { try Data(Corpus.bytes(name)).write(to: input.appending(path: name)) }
    let changed = try Corpus.text(names[1]) + "\nA closing line added later to this transcript.\n"
    try Data(changed.utf8).write(to: input.appending(path: names[1]))
    try FileManager.default.removeItem(at: input.appending(path: names[0]))
    let second = try processor.run()
    #expect(second.processed == 3)
    #expect(second.unchanged == 1)
    #expect(second.deleted == 1)

    let fresh = try directory(with: [])
    defer { try? FileManager.default.removeItem(at: fresh) }
    for name in names.dropFirst() {
      try FileManager.default.copyItem(at: input.appending(path: name), to: fresh.appending(path: name))
    }
    _ = try CorpusProcessor(root: fresh, output: fresh.appending(path: "out")).run()
    #expect(try snapshot(output) == snapshot(fresh.appending(path: "out")))
    #expect(!FileManager.default.fileExists(atPath: output.appending(path: "docs/\(names[0]).json").path))
  }

  /// A run killed after storing a new document but before linking it: the next run
  /// processes and links that document again, and the index equals a fresh run's.
  @Test func aRunAfterAnInterruptedOneCompletesIt() throws {
    let names = Corpus.fileNames
    let input = try directory(with: names.filter { !$0.hasPrefix("003") })
    let output = input.appending(path: "out")
    defer { try? FileManager.default.removeItem(at: input) }
    let processor = CorpusProcessor(root: input, output: output)
    _ = try processor.run()
    // What the killed run left: the run's mark, and 003 stored with its hash but no links.
    let telegram = try #require(names.first { $0.hasPrefix("003") })
    let bytes = try Corpus.bytes(telegram)
    try Data(bytes).write(to: input.appending(path: telegram))
    let store = try CorpusStore(path: output.appending(path: "verbatim.sqlite").path)
    try store.startRun()
    _ = try store.replaceDocument(
      DocumentRow(
        path: telegram, contentHash: CorpusFiles.hash(bytes), size: bytes.count,
        rawText: try Corpus.text(telegram)),
      blocks: [], dates: [], fingerprints: [])
    #expect(try store.unfinishedPaths() == [telegram])

    let next = try processor.run()
    #expect(next.processed == 1)
    #expect(try store.unfinishedPaths().isEmpty)
    let fresh = try directory(with: names)
    defer { try? FileManager.default.removeItem(at: fresh) }
    _ = try CorpusProcessor(root: fresh, output: fresh.appending(path: "out")).run()
    #expect(try snapshot(output) == snapshot(fresh.appending(path: "out")))
  }

  @Test func badFilesAreRecordedAndTheBatchGoesOn() throws {
    let input = try directory(with: [Corpus.fileNames[0]])
    let output = input.appending(path: "out")
    defer { try? FileManager.default.removeItem(at: input) }
    try Data().write(to: input.appending(path: "empty.txt"))
    try Data([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1]).write(to: input.appending(path: "binary.txt"))
    let summary = try CorpusProcessor(root: input, output: output).run()
    #expect(summary.processed == 1)
    #expect(Set(summary.failures.map(\.path)) == ["empty.txt", "binary.txt"])
    #expect(summary.failures.first { $0.path == "empty.txt" }?.reason == "empty file")
    let failed = try CorpusStore(path: output.appending(path: "verbatim.sqlite").path).allDocuments()
      .filter { $0.failure != nil }
    #expect(failed.count == 2)
  }
}
