import Alignment
import Cleaning
import Store
import TextModel

/// Links a run's new documents to each other and to the old documents of the index that
/// share a fingerprint with them, never re-aligning old against old.
///
/// Documents are numbered by path among every readable document of the index, so a link's
/// orientation and the document-frequency cut are those of a fresh run over the same files.
/// Candidates come from fingerprints alone; they are then aligned a slice at a time, with
/// only the documents that slice names in memory, read back from the spool: new ones as
/// analysis left them, old ones once cleaned again (as far as chrome needs) from their
/// stored text.
struct NewDocumentLinker {
  let store: CorpusStore
  let aligner: Aligner
  let tools: CorpusProcessor.Tools
  let spool: MatchDocumentSpool
  let jobs: Int
  let progress: CorpusProcessor.Progress?

  /// Candidates aligned together: their documents are what linking holds in memory.
  static let sliceSize = 2048

  /// Links `newDocuments` (stored rows, with ids; spooled under their index) whose
  /// fingerprints are `fingerprints` (document: the index in `newDocuments`).
  func link(_ newDocuments: [DocumentRow], fingerprints: consuming [LocatedFingerprint]) throws {
    guard !newDocuments.isEmpty else { return }
    let readable = try store.readableDocuments()
    let rankByID = Dictionary(uniqueKeysWithValues: readable.enumerated().map { ($1.id, $0) })
    let newRanks = newDocuments.map { rankByID[$0.id ?? -1] ?? -1 }
    let newIndexByRank = Dictionary(uniqueKeysWithValues: newRanks.enumerated().map { ($1, $0) })
    for index in fingerprints.indices {
      fingerprints[index].document = Int32(newRanks[Int(fingerprints[index].document)])
    }
    // In a fresh run every document is new: there is no old one to look up.
    let fresh = newDocuments.count == readable.count
    if !fresh {
      let newIDs = Set(newDocuments.compactMap(\.id))
      let hashes = Array(Set(fingerprints.map(\.hash)))
      // A hash stored more often than candidates allow (new documents' copies included)
      // seeds nothing: its rows are not read.
      let cap = aligner.options.documentFrequencyCap(documentCount: readable.count)
      let stored = try store.fingerprints(withHashes: hashes, maximumOccurrences: Aligner.occurrenceLimit(cap: cap))
      for stored in stored where !newIDs.contains(stored.documentID) {
        guard let rank = rankByID[stored.documentID] else { continue }
        fingerprints.append(
          LocatedFingerprint(hash: stored.hash, document: Int32(rank), position: Int32(stored.position)))
      }
    }
    let candidates = aligner.candidates(
      from: fingerprints, documentCount: readable.count, involving: fresh ? nil : Set(newRanks))
    // Old documents are prepared once, when a slice first names them, and join the new ones
    // in the spool: a new document may share a stock run of words with thousands of them.
    var spooledOld: Set<Int> = []
    let newCount = newDocuments.count
    let key: @Sendable (Int) -> Int = { rank in newIndexByRank[rank] ?? newCount + rank }
    var sliceStart = 0
    while sliceStart < candidates.count {
      // A slice never splits a pair of documents: overlapping links of a pair are resolved
      // among its candidates.
      var sliceEnd = min(sliceStart + Self.sliceSize, candidates.count)
      while sliceEnd < candidates.count, Self.samePair(candidates[sliceEnd - 1], candidates[sliceEnd]) {
        sliceEnd += 1
      }
      let slice = Array(candidates[sliceStart..<sliceEnd])
      let named = Set(slice.flatMap { [$0.firstDocument, $0.secondDocument] }).sorted()
      let missingOld = named.filter { newIndexByRank[$0] == nil && !spooledOld.contains($0) }
      for (rank, document) in try prepareOld(missingOld.map { readable[$0].id }, rankByID) {
        try spool.append(document, key: key(rank))
        spooledOld.insert(rank)
      }
      let read = try named.concurrentMap(jobs: jobs) { rank in
        try spool.document(key(rank), name: readable[rank].path)
      }
      let documents = Dictionary(uniqueKeysWithValues: zip(named, read))
      let links = aligner.links(for: slice, in: documents)
      try store.insertLinks(
        links.map { link in
          LinkRow(
            aDocumentID: readable[link.first.document].id, aStart: link.first.span.start,
            aEnd: link.first.span.end, bDocumentID: readable[link.second.document].id,
            bStart: link.second.span.start, bEnd: link.second.span.end, score: link.score,
            kind: link.kind.rawValue, edits: link.edits.map(\.rawValue).joined(separator: ","))
        })
      sliceStart = sliceEnd
      progress?(.linking, sliceEnd, candidates.count, 0)
    }
  }

  static func samePair(_ a: Candidate, _ b: Candidate) -> Bool {
    a.firstDocument == b.firstDocument && a.secondDocument == b.secondDocument
  }

  /// Old documents prepared for alignment again, from their stored text, by rank.
  private func prepareOld(_ ids: [Int64], _ rankByID: [Int64: Int]) throws -> [(Int, MatchDocument)] {
    let rows = try store.documents(ids: ids).filter { $0.rawText != nil }
    let tools = tools
    return try rows.concurrentMap(jobs: jobs) { row in
      let text = row.rawText ?? ""
      let chrome = tools.cleaner.chromeAndDate(of: text, learnedChrome: tools.learned).chrome
      let document = try tools.aligner.prepare(name: row.path, text: text, excluded: chrome)
      return (rankByID[row.id ?? -1] ?? -1, document)
    }
  }
}
