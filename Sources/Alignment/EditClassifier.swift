import TextModel

/// Names what differs between two linked passages, from their raw texts and alignment.
enum EditClassifier {
  /// The edits between the passages `a` and `b` (raw scalars), which are not the same text,
  /// of the documents whose tokens are given, and the raw scalars of their lines.
  static func edits(
    between a: ArraySlice<Unicode.Scalar>, and b: ArraySlice<Unicode.Scalar>, segment: AlignedSegment,
    firstTokens: [MatchDocument.Token], secondTokens: [MatchDocument.Token],
    firstDocument: ScalarExcerpt, secondDocument: ScalarExcerpt, respelled: Bool
  ) -> [PassageLink.Edit] {
    var edits: Set<PassageLink.Edit> = respelled ? [.names] : []
    if emoji(a) != emoji(b) { edits.insert(.emoji) }
    if count(a, "#") != count(b, "#") { edits.insert(.hashtag) }
    if quotes(a) != quotes(b) { edits.insert(.quotes) }
    if punctuation(a) != punctuation(b) { edits.insert(.punctuation) }
    if count(a, "\n") != count(b, "\n") { edits.insert(.wrapping) }
    if spaces(a) != spaces(b) { edits.insert(.whitespace) }
    if segment.dropped.contains(where: { $0.count >= 5 }) { edits.insert(.droppedSentence) }
    if segment.added.contains(where: { $0.count >= 5 }) { edits.insert(.addedSentence) }
    for (i, j) in segment.substitutions {
      let x = word(firstTokens[i], in: firstDocument)
      let y = word(secondTokens[j], in: secondDocument)
      edits.insert(x.first?.isUppercase == true || y.first?.isUppercase == true ? .names : .words)
    }
    if segment.dropped.contains(where: { $0.count < 5 })
      || segment.added.contains(where: { $0.count < 5 })
    {
      edits.insert(.words)
    }
    if edits.isEmpty { edits.insert(.case) }
    return edits.sorted()
  }

  private static func word(_ token: MatchDocument.Token, in text: ScalarExcerpt) -> String {
    String(scalars: text[token.rawSpan.start..<token.rawSpan.end])
  }

  private static func emoji(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
    text.filter { scalar in
      // Below U+203C only ASCII digits, "#", "*", "©" and "®" have the Emoji property.
      guard scalar.value >= 0x203C || scalar == "©" || scalar == "®" else { return false }
      return (scalar.properties.isEmojiPresentation || scalar.properties.isEmoji) && !scalar.properties.isAlphabetic
    }
  }

  private static func count(_ text: ArraySlice<Unicode.Scalar>, _ scalar: Unicode.Scalar) -> Int {
    text.lazy.filter { $0 == scalar }.count
  }

  private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "“", "”", "„", "«", "»", "‘", "’", "‚", "`": true
    default: false
    }
  }

  private static func quotes(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
    text.filter(isQuote)
  }

  private static func punctuation(_ text: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
    text.filter { scalar in
      // Letters and digits, the bulk of a passage, are no punctuation.
      guard !scalar.isWordScalar, !scalar.isSpaceScalar, !isQuote(scalar), scalar != "#" else { return false }
      switch scalar.properties.generalCategory {
      case .otherPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation: return true
      default: return false
      }
    }
  }

  private static func spaces(_ text: ArraySlice<Unicode.Scalar>) -> [Int] {
    // Lengths of space runs other than line breaks.
    var runs: [Int] = []
    var current = 0
    for scalar in text {
      if scalar.isSpaceScalar, scalar != "\n" { current += 1 } else if current > 0 {
        runs.append(current)
        current = 0
      }
    }
    if current > 0 { runs.append(current) }
    return runs
  }
}
