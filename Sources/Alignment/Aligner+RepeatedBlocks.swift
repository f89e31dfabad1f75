import TextModel

extension Aligner {
  /// Cuts links between repeated blocks into links between their copies.
  ///
  /// A post written twice in a row ("A A") and the pair posted again later with edits
  /// ("B B"), in the same document or another, align as one passage, A A against B B. When
  /// both passages of a link are each two copies of one passage (see
  /// ``secondCopyStart(in:of:aligner:)``), the link is cut where each second copy starts and
  /// the pieces are aligned on their own, and cut again if need be: copy against copy. A
  /// link whose pieces make no link is kept as it was. Only the link's own documents are
  /// read, so the answer does not depend on which other links were found with it.
  func cutAtRepeatedBlocks(
    _ links: [PassageLink], in documents: [Int: MatchDocument], aligner: LocalAligner
  ) -> [PassageLink] {
    links.flatMap { link -> [PassageLink] in
      guard let a = documents[link.first.document], let b = documents[link.second.document] else { return [link] }
      let first = a.words(in: link.first.span)
      let second = b.words(in: link.second.span)
      guard let firstMiddle = secondCopyStart(in: first, of: a, aligner: aligner),
        let secondMiddle = secondCopyStart(in: second, of: b, aligner: aligner)
      else { return [link] }
      let pieces = [
        (first.lowerBound..<firstMiddle, second.lowerBound..<secondMiddle),
        (firstMiddle..<first.upperBound, secondMiddle..<second.upperBound),
      ]
      let cut = pieces.flatMap { firstWords, secondWords in
        alignAlone(
          Candidate(
            firstDocument: link.first.document, first: firstWords, secondDocument: link.second.document,
            second: secondWords), a, b, aligner)
      }
      return cut.isEmpty ? [link] : cutAtRepeatedBlocks(cut, in: documents, aligner: aligner)
    }
  }

  /// Where the second copy starts when `words` of `document` are two copies of one passage:
  /// at a place, at least a link's length in, where the passage's first ``Options/k`` words
  /// recur, and from which the words before and after align as a link covering four fifths
  /// of each.
  func secondCopyStart(in words: Range<Int>, of document: MatchDocument, aligner: LocalAligner) -> Int? {
    let (k, shortest) = (options.k, options.minimumWords)
    guard words.count >= 2 * shortest else { return nil }
    let tokens = document.tokens
    let opening = words.lowerBound..<(words.lowerBound + k)
    for start in (words.lowerBound + shortest)...(words.upperBound - shortest)
    where tokens[start..<(start + k)].elementsEqual(tokens[opening], by: { $0.hash == $1.hash }) {
      let halves = Candidate(
        firstDocument: 0, first: words.lowerBound..<start, secondDocument: 0, second: start..<words.upperBound)
      let copies = alignAlone(halves, document, document, aligner).contains { link in
        document.words(in: link.first.span).count * 5 >= halves.first.count * 4
          && document.words(in: link.second.span).count * 5 >= halves.second.count * 4
      }
      if copies { return start }
    }
    return nil
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
