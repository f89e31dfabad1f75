import TextModel

/// A fingerprint at its place in a collection: the document (by index) and the word where
/// its run starts. Sixteen bytes: a large collection holds tens of millions.
public struct LocatedFingerprint: Hashable, Sendable {
  public var hash: UInt64
  public var document: Int32
  public var position: Int32

  public init(hash: UInt64, document: Int32, position: Int32) {
    self.hash = hash
    self.document = document
    self.position = position
  }
}

/// A region of two documents that share fingerprints along nearby diagonals: what local
/// alignment extends and trims into links.
public struct Candidate: Hashable, Sendable {
  /// The earlier document (by index), and the words of its region.
  public var firstDocument: Int
  public var first: Range<Int>
  /// The later document (the same one for a repeat within a document), and its region.
  public var secondDocument: Int
  public var second: Range<Int>

  /// Where the second region starts relative to the first.
  var diagonal: Int { second.lowerBound - first.lowerBound }
}

extension Aligner {
  /// The winnowed fingerprints of a document: hash and word position.
  public func fingerprints(of document: MatchDocument) -> [(hash: UInt64, position: Int)] {
    Fingerprinter(k: options.k, w: options.w).fingerprints(of: document)
  }

  /// The fingerprints of the document that has index `document` in its collection.
  public func locatedFingerprints(of document: MatchDocument, as index: Int) -> [LocatedFingerprint] {
    fingerprints(of: document).map {
      LocatedFingerprint(hash: $0.hash, document: Int32(index), position: Int32($0.position))
    }
  }

  /// The candidates that the fingerprints of a collection of `documentCount` documents
  /// make, ordered by document pair.
  ///
  /// A fingerprint seeds a pair when it is in at most ``Options/maximumDocumentFrequency``
  /// documents; runs of seeds along one diagonal of a pair become candidates. Only the
  /// fingerprints and the seeds are held, so a collection's candidates can be found without
  /// any of its texts.
  /// - Parameters:
  ///   - fingerprints: every fingerprint of the documents; order does not matter.
  ///   - involving: when given, only candidates with at least one of these documents.
  public func candidates(
    from fingerprints: consuming [LocatedFingerprint], documentCount: Int, involving: Set<Int>? = nil
  ) -> [Candidate] {
    let buckets = Self.partitionByHash(&fingerprints)
    return candidates(inBuckets: buckets, of: fingerprints, documentCount: documentCount, involving: involving)
  }

  /// ``candidates(from:documentCount:involving:)`` of fingerprints given in parts (one
  /// array per document, say): they are gathered into hash buckets on all threads, with no
  /// array of them all made first.
  public func candidates(
    fromParts parts: [[LocatedFingerprint]], documentCount: Int, involving: Set<Int>? = nil
  ) -> [Candidate] {
    let (fingerprints, buckets) = Self.gatheredByHash(parts, jobs: options.jobs)
    return candidates(inBuckets: buckets, of: fingerprints, documentCount: documentCount, involving: involving)
  }

  /// The candidates of `fingerprints`, which hold each hash in one of `buckets`.
  private func candidates(
    inBuckets buckets: [Range<Int>], of fingerprints: consuming [LocatedFingerprint], documentCount: Int,
    involving: Set<Int>?
  ) -> [Candidate] {
    let cap = options.documentFrequencyCap(documentCount: documentCount)
    // Each bucket of hashes is sorted and paired on its own thread.
    var seeds = fingerprints.withUnsafeMutableBufferPointer { buffer in
      nonisolated(unsafe) let base = buffer.baseAddress
      return buckets.concurrentMap(jobs: options.jobs) { range in
        let bucket = UnsafeMutableBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count)
        Self.sortByHash(bucket, below: 58)
        return self.seeds(ofSorted: UnsafeBufferPointer(bucket), cap: cap, involving: involving)
      }.concatenated()
    }
    fingerprints = []
    seeds.sort()
    // Runs of seeds along one diagonal make candidates; the banded alignment absorbs the
    // diagonal's drift by insertions and deletions, and overlapping results collapse later.
    var regions: [Candidate] = []
    var runStart = 0
    while runStart < seeds.count {
      var run = (start: seeds[runStart].position, end: seeds[runStart].position + Int32(options.k))
      var next = runStart + 1
      while next < seeds.count, seeds[next].sameDiagonal(as: seeds[runStart]) {
        let position = seeds[next].position
        if position - run.end <= 30 {
          run.end = max(run.end, position + Int32(options.k))
        } else {
          regions.append(candidate(seeds[runStart], run))
          run = (position, position + Int32(options.k))
        }
        next += 1
      }
      regions.append(candidate(seeds[runStart], run))
      runStart = next
    }
    return regions.flatMap(Self.splitTandemRepeat)
  }

  /// The seeds that the fingerprints `sorted` by hash make, each hash in at most `cap`
  /// documents.
  private func seeds(
    ofSorted sorted: UnsafeBufferPointer<LocatedFingerprint>, cap: Int, involving: Set<Int>?
  ) -> [Seed] {
    var seeds: [Seed] = []
    var groupStart = 0
    while groupStart < sorted.count {
      var groupEnd = groupStart + 1
      while groupEnd < sorted.count, sorted[groupEnd].hash == sorted[groupStart].hash { groupEnd += 1 }
      let occurrences = sorted[groupStart..<groupEnd]
      groupStart = groupEnd
      guard occurrences.count > 1, occurrences.count <= Self.occurrenceLimit(cap: cap),
        Set(occurrences.map(\.document)).count <= cap
      else { continue }
      addSeeds(of: occurrences, involving: involving, to: &seeds)
    }
    return seeds
  }

  /// Reorders `fingerprints` in place into buckets by the top six bits of their hashes, and
  /// returns the buckets' ranges: every occurrence of a hash is in one bucket.
  static func partitionByHash(_ fingerprints: inout [LocatedFingerprint]) -> [Range<Int>] {
    fingerprints.withUnsafeMutableBufferPointer { items in
      partition(items, bucketCount: hashBucketCount) { hashBucket(of: $0) }
    }
  }

  /// The fingerprints of `parts` in one array, in buckets as ``partitionByHash(_:)`` makes
  /// them, with the buckets' ranges. Groups of parts are counted, then copied to their
  /// places, on `jobs` threads.
  static func gatheredByHash(_ parts: [[LocatedFingerprint]], jobs: Int)
    -> (fingerprints: [LocatedFingerprint], buckets: [Range<Int>])
  {
    let groupSize = max(1, parts.count / (8 * max(1, jobs)))
    let groups = Array(stride(from: 0, to: parts.count, by: groupSize)).map { $0..<min($0 + groupSize, parts.count) }
    // How many fingerprints of each group fall in each bucket; then where the group's share
    // of each bucket starts.
    let counts = groups.concurrentMap(jobs: jobs) { group in
      var counts = [Int](repeating: 0, count: hashBucketCount)
      for part in parts[group] {
        for fingerprint in part { counts[hashBucket(of: fingerprint)] += 1 }
      }
      return counts
    }
    var groupStarts = [[Int]](repeating: [], count: groups.count)
    var buckets: [Range<Int>] = []
    var total = 0
    for bucket in 0..<hashBucketCount {
      let bucketStart = total
      for group in groups.indices {
        groupStarts[group].append(total)
        total += counts[group][bucket]
      }
      buckets.append(bucketStart..<total)
    }
    let starts = groupStarts
    let fingerprints = [LocatedFingerprint](unsafeUninitializedCapacity: total) { buffer, count in
      nonisolated(unsafe) let base = buffer.baseAddress
      _ = Array(groups.indices).concurrentMap(jobs: jobs) { group in
        var next = starts[group]
        for part in parts[groups[group]] {
          for fingerprint in part {
            let bucket = hashBucket(of: fingerprint)
            (base.unsafelyUnwrapped + next[bucket]).initialize(to: fingerprint)
            next[bucket] += 1
          }
        }
      }
      count = total
    }
    return (fingerprints, buckets)
  }

  /// Buckets of hashes, each sorted and paired on its own.
  private static let hashBucketCount = 64

  /// The bucket of a fingerprint: the top six bits of its hash.
  @inline(__always) private static func hashBucket(of fingerprint: LocatedFingerprint) -> Int {
    Int(fingerprint.hash >> 58)
  }

  /// Sorts fingerprints whose hashes agree above bit `bit` by hash, in place: a radix sort
  /// on the next eight bits at a time, most significant first, and insertion sort for a few.
  static func sortByHash(_ items: UnsafeMutableBufferPointer<LocatedFingerprint>, below bit: Int) {
    guard items.count > 24, bit > 0 else {
      // A handful (or all hashes equal): insertion sort.
      for index in items.indices.dropFirst() {
        let item = items[index]
        var place = index
        while place > 0, items[place - 1].hash > item.hash {
          items[place] = items[place - 1]
          place -= 1
        }
        items[place] = item
      }
      return
    }
    let shift = max(0, bit - 8)
    let mask = UInt64(1) << (bit - shift) - 1
    let buckets = partition(items, bucketCount: 1 << (bit - shift)) { Int(($0.hash >> UInt64(shift)) & mask) }
    for bucket in buckets where bucket.count > 1 {
      sortByHash(UnsafeMutableBufferPointer(rebasing: items[bucket]), below: shift)
    }
  }

  /// Reorders `items` in place into `bucketCount` buckets by `bucket` (American flag sort:
  /// counts, then cycles of swaps), and returns the buckets' ranges.
  private static func partition(
    _ items: UnsafeMutableBufferPointer<LocatedFingerprint>, bucketCount: Int,
    by bucket: (LocatedFingerprint) -> Int
  ) -> [Range<Int>] {
    var ends = [Int](repeating: 0, count: bucketCount)
    for item in items { ends[bucket(item)] += 1 }
    var next = [Int](repeating: 0, count: bucketCount)  // the first place not yet filled
    var total = 0
    for index in 0..<bucketCount {
      next[index] = total
      total += ends[index]
      ends[index] = total
    }
    let starts = next
    for target in 0..<bucketCount {
      while next[target] < ends[target] {
        // Carry the first misplaced item to its bucket, and the one found there on, until
        // one belongs here.
        var item = items[next[target]]
        var home = bucket(item)
        while home != target {
          swap(&item, &items[next[home]])
          next[home] += 1
          home = bucket(item)
        }
        items[next[target]] = item
        next[target] += 1
      }
    }
    return (0..<bucketCount).map { starts[$0]..<ends[$0] }
  }

  /// The most occurrences a fingerprint may have, in all documents together, to seed
  /// candidates, given the document-frequency cap: beyond it, its pairs alone would be more
  /// work than they are worth.
  public static func occurrenceLimit(cap: Int) -> Int { 4 * cap }

  /// Two occurrences of a fingerprint: the pair of documents, the diagonal and the position
  /// in the first, packed so that sorting orders them by pair, diagonal, then position.
  private struct Seed: Comparable {
    private var pair: UInt64
    private var diagonalAndPosition: UInt64

    init(first: Int32, second: Int32, diagonal: Int32, position: Int32) {
      pair = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
      // Flipping the sign bit makes unsigned order the signed order of diagonals.
      let biased = UInt32(bitPattern: diagonal) ^ 0x8000_0000
      diagonalAndPosition = UInt64(biased) << 32 | UInt64(UInt32(bitPattern: position))
    }

    var firstDocument: Int { Int(Int32(truncatingIfNeeded: pair >> 32)) }
    var secondDocument: Int { Int(Int32(truncatingIfNeeded: pair)) }
    var diagonal: Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: diagonalAndPosition >> 32) ^ 0x8000_0000) }
    var position: Int32 { Int32(truncatingIfNeeded: diagonalAndPosition) }

    func sameDiagonal(as other: Seed) -> Bool {
      pair == other.pair && diagonalAndPosition >> 32 == other.diagonalAndPosition >> 32
    }

    static func < (lhs: Seed, rhs: Seed) -> Bool {
      (lhs.pair, lhs.diagonalAndPosition) < (rhs.pair, rhs.diagonalAndPosition)
    }
  }

  /// Every pair of occurrences of one fingerprint, earlier first; a repeat within a
  /// document counts only when its copies do not overlap.
  private func addSeeds(
    of occurrences: Slice<UnsafeBufferPointer<LocatedFingerprint>>, involving: Set<Int>?, to seeds: inout [Seed]
  ) {
    for x in occurrences.indices {
      for y in (x + 1)..<occurrences.endIndex {
        var first = occurrences[x]
        var second = occurrences[y]
        if (second.document, second.position) < (first.document, first.position) {
          swap(&first, &second)
        }
        if first.document == second.document, second.position - first.position < Int32(options.k) {
          continue
        }
        if let involving, !involving.contains(Int(first.document)), !involving.contains(Int(second.document)) {
          continue
        }
        seeds.append(
          Seed(
            first: first.document, second: second.document,
            diagonal: second.position - first.position, position: first.position))
      }
    }
  }

  private func candidate(_ seed: Seed, _ run: (start: Int32, end: Int32)) -> Candidate {
    let first = Int(run.start)..<Int(run.end)
    let shift = Int(seed.diagonal)
    return Candidate(
      firstDocument: seed.firstDocument, first: first, secondDocument: seed.secondDocument,
      second: (first.lowerBound + shift)..<(first.upperBound + shift))
  }

  /// A passage repeated back to back in one document ("A A A") puts every copy on one
  /// diagonal: the run covers copies 1–2 against 2–3. Cut such a region into pieces no
  /// longer than the diagonal, one per pair of neighbouring copies.
  static func splitTandemRepeat(_ candidate: Candidate) -> [Candidate] {
    let period = candidate.diagonal
    guard candidate.firstDocument == candidate.secondDocument, period > 0,
      candidate.first.upperBound > candidate.second.lowerBound
    else { return [candidate] }
    return stride(from: candidate.first.lowerBound, to: candidate.first.upperBound, by: period).map { start in
      var piece = candidate
      piece.first = start..<min(start + period, candidate.first.upperBound)
      piece.second = (piece.first.lowerBound + period)..<(piece.first.upperBound + period)
      return piece
    }
  }
}
