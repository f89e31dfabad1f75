import Normalization

/// Marks body blocks that repeat an earlier block of the same document — exactly, or nearly
/// (a Telegram re-post with "#ASEAN," inserted or "ℹ️" swapped for "🚩") — as duplicates
/// pointing to the first occurrence.
///
/// Blocks are compared as word sequences of their `match` normalisation with hashtags'
/// "#" dropped. Two blocks are near duplicates when their word trigrams overlap with a
/// Jaccard similarity of at least 0.8; only blocks sharing a trigram are compared.
struct DuplicateFinder: Sendable {
  static let threshold = 0.8
  private let match: TextNormalizer

  init() throws {
    match = try TextNormalizer(profile: .match)
  }

  func marking(_ blocks: [Block]) throws -> [Block] {
    var result = blocks
    var firstByWords: [[String]: Int] = [:]
    var blocksByShingle: [[String]: [Int]] = [:]
    var shinglesByBlock: [Int: Set<[String]>] = [:]
    for (index, block) in blocks.enumerated() where block.kind.isBody {
      let words = try self.words(of: block.text)
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
      guard SourceLine(text: blocks[index].text, span: blocks[index].span).wordCount < 5 else {
        continue
      }
      let neighbours = [position - 1, position + 1].filter { body.indices.contains($0) }.map { body[$0] }
      let inRun = neighbours.contains { neighbour in
        blocks[neighbour].kind == .duplicate
          && SourceLine(text: blocks[neighbour].text, span: blocks[neighbour].span).wordCount >= 5
      }
      if !inRun {
        result[index].kind = original[index].kind
        result[index].duplicateOf = nil
      }
    }
    return result
  }

  private func words(of text: String) throws -> [String] {
    try match.normalize(text).text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }

  /// Word trigrams (the words themselves for blocks shorter than three words).
  static func shingles(_ words: [String]) -> Set<[String]> {
    guard words.count >= 3 else { return [words] }
    return Set((0...(words.count - 3)).map { Array(words[$0..<($0 + 3)]) })
  }

  static func jaccard(_ a: Set<[String]>, _ b: Set<[String]>) -> Double {
    let union = a.union(b).count
    return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
  }
}
