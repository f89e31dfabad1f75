import TextModel

extension Aligner {
  /// Cuts links between repeated blocks into links between their copies.
  ///
  /// A post written twice in a row ("A A") and the pair posted again later with edits
  /// ("B B") align as one passage, A A against B B. When both passages of such a link (in
  /// one document) are mostly the two copies of a repeat linked within them, the link is
  /// cut where each second copy starts, and the pieces are aligned on their own: A against
  /// B, copy by copy. A link whose pieces make no link is kept as it was.
  func cutAtRepeatedBlocks(
    _ links: [PassageLink], in documents: [Int: MatchDocument], aligner: LocalAligner
  ) -> [PassageLink] {
    var repeats: [Int: [PassageLink]] = [:]  // by document
    for link in links where link.first.document == link.second.document {
      repeats[link.first.document, default: []].append(link)
    }
    return links.flatMap { link -> [PassageLink] in
      guard link.first.document == link.second.document,
        let inner = repeats[link.first.document],
        let firstCut = Self.secondCopyStart(in: link.first.span, among: inner),
        let secondCut = Self.secondCopyStart(in: link.second.span, among: inner),
        let document = documents[link.first.document]
      else { return [link] }
      let first = document.words(in: link.first.span)
      let second = document.words(in: link.second.span)
      let (firstMiddle, secondMiddle) = (document.firstWord(from: firstCut), document.firstWord(from: secondCut))
      let pieces = [
        (first.lowerBound..<firstMiddle, second.lowerBound..<secondMiddle),
        (firstMiddle..<first.upperBound, secondMiddle..<second.upperBound),
      ]
      let cut = pieces.flatMap { firstWords, secondWords -> [PassageLink] in
        guard !firstWords.isEmpty, !secondWords.isEmpty else { return [] }
        let piece = Candidate(
          firstDocument: link.first.document, first: firstWords, secondDocument: link.second.document,
          second: secondWords)
        return alignAlone(piece, document, document, aligner)
      }
      return cut.isEmpty ? [link] : cut
    }
  }

  /// Where the second copy starts of a repeat whose first copy lies in `span` and whose
  /// second starts in it, when the two cover at least four fifths of `span`.
  static func secondCopyStart(in span: ScalarSpan, among repeats: [PassageLink]) -> Int? {
    repeats.first { inner in
      let (copy, second) = (inner.first.span, inner.second.span)
      guard span.start <= copy.start, copy.end <= second.start, span.contains(second.start) else { return false }
      let covered = copy.count + min(second.end, span.end) - second.start
      return covered * 5 >= span.count * 4
    }?.second.span.start
  }
}

extension MatchDocument {
  /// The words whose raw spans lie inside `span`.
  func words(in span: ScalarSpan) -> Range<Int> {
    let start = firstWord(from: span.start)
    var end = start
    while end < tokens.count, tokens[end].rawSpan.end <= span.end { end += 1 }
    return start..<end
  }

  /// The first word that starts at or after the raw offset `offset`.
  func firstWord(from offset: Int) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].rawSpan.start < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
