@testable import Alignment
import Cleaning
import Testing
import _VerbatimTestSupport

/// What `verbatim process` relies on to link a large collection without holding it: the
/// candidates come from fingerprints alone, in any order; each pair's candidates can be
/// aligned apart from the others, with documents read back from their encoding; and
/// linking only the new documents gives the links of a full run that involve them.
@Suite struct CandidateSliceTests {
  /// The corpus, plus 003 (a Telegram dump with re-posts) with its lines in reverse order:
  /// links within documents and across them, on many diagonals.
  static let collection = Result { () throws -> (aligner: Aligner, documents: [MatchDocument]) in
    var named = try Corpus.fileNames.map { ($0, try Corpus.text($0)) }
    let telegram = try #require(named.first { $0.0.hasPrefix("003") })
    let reversed = telegram.1.split(separator: "\n", omittingEmptySubsequences: false).reversed()
    named.append(("003-reversed.txt", reversed.joined(separator: "\n")))
    let cleaner = try TranscriptCleaner()
    let chrome = try named.map { try cleaner.clean($0.1).chromeSpans }
    let aligner = try Aligner()
    return (aligner, try aligner.prepare(named.map { ($0.0, $0.1) }, excluded: chrome))
  }

  func allFingerprints(_ aligner: Aligner, _ documents: [MatchDocument]) -> [LocatedFingerprint] {
    documents.enumerated().flatMap { aligner.locatedFingerprints(of: $1, as: $0) }
  }

  @Test func anEncodedDocumentReadsBackTheSame() throws {
    let (_, documents) = try Self.collection.get()
    for document in documents {
      let read = MatchDocument(name: document.name, encoded: document.encoded())
      #expect(read.text == document.text)
      #expect(read.tokens == document.tokens)
      #expect(read.isSeedable == document.isSeedable)
    }
  }

  @Test func candidatesDoNotDependOnTheOrderOfFingerprints() throws {
    let (aligner, documents) = try Self.collection.get()
    let fingerprints = allFingerprints(aligner, documents)
    var generator = SplitMix(seed: 7)
    let keys = fingerprints.map { _ in generator.next() }
    let permuted = fingerprints.indices.sorted { keys[$0] < keys[$1] }.map { fingerprints[$0] }
    let inOrder = aligner.candidates(from: fingerprints, documentCount: documents.count)
    let shuffled = aligner.candidates(from: permuted, documentCount: documents.count)
    #expect(!inOrder.isEmpty)
    #expect(inOrder == shuffled)
  }

  @Test func pairsAlignedApartFromReadBackDocumentsGiveTheSameLinks() throws {
    let (aligner, documents) = try Self.collection.get()
    let whole = aligner.links(among: documents)
    let candidates = aligner.candidates(from: allFingerprints(aligner, documents), documentCount: documents.count)
    let pairs = Dictionary(grouping: candidates) { [$0.firstDocument, $0.secondDocument] }
    #expect(pairs.count > 1)
    var sliced: [PassageLink] = []
    for (pair, pairCandidates) in pairs {
      let read = Dictionary(uniqueKeysWithValues: Set(pair).map { index in
        (index, MatchDocument(name: documents[index].name, encoded: documents[index].encoded()))
      })
      sliced += aligner.links(for: pairCandidates, in: read)
    }
    // Both copies of 003 are linked to each other and each within itself.
    #expect(Set(whole.map { [$0.first.document, $0.second.document] }).count >= 3)
    #expect(sliced.sorted { ($0.first, $0.second) < ($1.first, $1.second) } == whole)
  }

  @Test func linkingOnlyNewDocumentsGivesTheFullRunsLinksThatInvolveThem() throws {
    let (aligner, documents) = try Self.collection.get()
    let whole = aligner.links(among: documents)
    let newDocument = documents.count - 1
    let involving = aligner.links(among: documents, involving: [newDocument])
    #expect(!involving.isEmpty)
    #expect(involving == whole.filter { $0.first.document == newDocument || $0.second.document == newDocument })
  }
}

/// Candidates are found bucket by bucket: every occurrence of a hash must land in one
/// bucket, and none may be lost.
@Suite struct HashBucketTests {
  @Test func bucketsHoldEachHashWhole() {
    var random = SplitMix(seed: 21)
    // Few distinct hashes, so that most occur many times; and the extremes of the range.
    let hashes = (0..<500).map { _ in random.next() } + [0, .max, 1 << 58, (1 << 58) - 1]
    var fingerprints = (0..<50_000).map { index in
      LocatedFingerprint(
        hash: hashes[Int(random.next() % UInt64(hashes.count))], document: Int32(index % 97),
        position: Int32(index))
    }
    let original = fingerprints
    let buckets = Aligner.partitionByHash(&fingerprints)
    #expect(buckets.count == 64)
    #expect(buckets.first?.lowerBound == 0 && buckets.last?.upperBound == fingerprints.count)
    for (index, bucket) in buckets.enumerated() {
      #expect(fingerprints[bucket].allSatisfy { Int($0.hash >> 58) == index })
    }
    #expect(Set(fingerprints) == Set(original) && fingerprints.count == original.count)
  }

  @Test func gatheringPartsFillsTheSameBuckets() {
    var random = SplitMix(seed: 23)
    let hashes = (0..<400).map { _ in random.next() } + [0, .max]
    // Parts of every size, empty ones too, more of them than groups.
    let parts = (0..<500).map { part in
      (0..<Int(random.next() % 40)).map { index in
        LocatedFingerprint(
          hash: hashes[Int(random.next() % UInt64(hashes.count))], document: Int32(part), position: Int32(index))
      }
    }
    for jobs in [1, 2, 3] {
      let (gathered, buckets) = Aligner.gatheredByHash(parts, jobs: jobs)
      #expect(buckets.count == 64)
      #expect(buckets.first?.lowerBound == 0 && buckets.last?.upperBound == gathered.count)
      for (index, bucket) in buckets.enumerated() {
        #expect(gathered[bucket].allSatisfy { Int($0.hash >> 58) == index })
      }
      #expect(Set(gathered) == Set(parts.flatMap { $0 }) && gathered.count == parts.reduce(0) { $0 + $1.count })
    }
    #expect(Aligner.gatheredByHash([], jobs: 2).fingerprints.isEmpty)
  }

  @Test func sortingByHashOrdersEveryBucketAndKeepsEveryFingerprint() {
    var random = SplitMix(seed: 22)
    // Hashes that share their top bits (as a bucket's do), many repeated, and the extremes.
    let top: UInt64 = 0b101101 << 58
    let distinct = (0..<300).map { _ in top | random.next() >> 6 } + [top, top | (1 << 58 - 1)]
    for count in [0, 1, 2, 24, 25, 1000, 40_000] {
      var fingerprints = (0..<count).map { index in
        LocatedFingerprint(
          hash: distinct[Int(random.next() % UInt64(distinct.count))], document: Int32(index % 13),
          position: Int32(index))
      }
      let original = fingerprints
      fingerprints.withUnsafeMutableBufferPointer { Aligner.sortByHash($0, below: 58) }
      #expect(fingerprints.map(\.hash) == original.map(\.hash).sorted(), "\(count) fingerprints")
      #expect(Set(fingerprints) == Set(original) && fingerprints.count == original.count)
    }
  }
}
