import TextModel

/// Marks body blocks that repeat an earlier block of the same document — exactly, or nearly
/// (a Telegram re-post with "#ASEAN," inserted or "ℹ️" swapped for "🚩") — as duplicates
/// pointing to the first occurrence.
///
/// Blocks are compared as sequences of lowercased words (so emoji, quotes, hashtags' "#" and
/// spacing do not count). Two blocks are near duplicates when their word trigrams overlap with a
/// Jaccard similarity of at least 0.8; only blocks sharing a trigram are compared.
struct DuplicateFinder: Sendable {
  static let threshold = 0.8
  func marking(_ blocks: [Block]) -> [Block] {
    var result = blocks
    var firstByWords: [[UInt64]: Int] = [:]
    var blocksByShingle: [UInt64: [Int]] = [:]
    var shinglesByBlock: [Int: Set<UInt64>] = [:]
    for (index, block) in blocks.enumerated() where block.kind.isBody {
      let words = self.words(of: block.text)
      guard !words.isEmpty else { continue }
      if let first = firstByWords[words] {
        result[index].kind = .duplicate
        result[index].duplicateOf = first
        continue
      }
      let shingles = Self.shingles(words)
      var candidates: Set<Int> = []
      for shingle in shingles { candidates.formUnion(blocksByShingle[shingle] ?? []) }
      if let first = candidates.sorted().first(where: { candidate in
        Self.jaccard(shingles, shinglesByBlock[candidate] ?? []) >= Self.threshold
      }) {
        result[index].kind = .duplicate
        result[index].duplicateOf = first
        continue
      }
      firstByWords[words] = index
      shinglesByBlock[index] = shingles
      for shingle in shingles { blocksByShingle[shingle, default: []].append(index) }
    }
    return Self.keepingShortRepeatsInRuns(result, original: blocks)
  }

  /// A short block (under five words: "Colleagues,", "Key talking points:") that repeats an
  /// earlier one is a duplicate only inside a repeated run — next to a longer duplicate —
  /// as in a re-post; on its own it is ordinary speech.
  static func keepingShortRepeatsInRuns(_ blocks: [Block], original: [Block]) -> [Block] {
    var result = blocks
    let body = blocks.indices.filter { blocks[$0].kind.isBody || blocks[$0].kind == .duplicate }
    for (position, index) in body.enumerated() where blocks[index].kind == .duplicate {
      guard SourceLine.wordCount(of: blocks[index].text) < 5 else {
        continue
      }
      let neighbours = [position - 1, position + 1].filter { body.indices.contains($0) }.map { body[$0] }
      let inRun = neighbours.contains { neighbour in
        blocks[neighbour].kind == .duplicate
          && SourceLine.wordCount(of: blocks[neighbour].text) >= 5
      }
      if !inRun {
        result[index].kind = original[index].kind
        result[index].duplicateOf = nil
      }
    }
    return result
  }

  /// Hashes of the block's words, lowercased: quotes, emoji, "#" and spacing fall between
  /// words.
  private func words(of text: String) -> [UInt64] {
    var words: [UInt64] = []
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var inWord = false
    for scalar in text.lowercased().unicodeScalars {
      if scalar.isWordScalar {
        hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
        inWord = true
      } else if inWord {
        words.append(hash)
        hash = 0xcbf2_9ce4_8422_2325
        inWord = false
      }
    }
    if inWord { words.append(hash) }
    return words
  }

  /// Hashes of word trigrams (of the words themselves for blocks shorter than three words).
  static func shingles(_ words: [UInt64]) -> Set<UInt64> {
    func combine(_ slice: ArraySlice<UInt64>) -> UInt64 {
      slice.reduce(0x9E37_79B9_7F4A_7C15) { ($0 ^ $1) &* 0xBF58_476D_1CE4_E5B9 }
    }
    guard words.count >= 3 else { return [combine(words[...])] }
    return Set((0...(words.count - 3)).map { combine(words[$0..<($0 + 3)]) })
  }

  static func jaccard(_ a: Set<UInt64>, _ b: Set<UInt64>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
  }
}
