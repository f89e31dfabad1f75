import TextModel

/// Names what differs between two linked passages, from their raw texts and alignment.
enum EditClassifier {
  static func edits(
    between first: String, and second: String, segment: AlignedSegment,
    firstTokens: [MatchDocument.Token], secondTokens: [MatchDocument.Token],
    firstText: [Unicode.Scalar], secondText: [Unicode.Scalar], respelled: Bool
  ) -> [PassageLink.Edit] {
    var edits: Set<PassageLink.Edit> = respelled ? [.names] : []
    let a = Array(first.unicodeScalars)
    let b = Array(second.unicodeScalars)
    if emoji(a) != emoji(b) { edits.insert(.emoji) }
    if count(a, "#") != count(b, "#") { edits.insert(.hashtag) }
    if quotes(a) != quotes(b) { edits.insert(.quotes) }
    if punctuation(a) != punctuation(b) { edits.insert(.punctuation) }
    if count(a, "\n") != count(b, "\n") { edits.insert(.wrapping) }
    if spaces(a) != spaces(b) { edits.insert(.whitespace) }
    if segment.dropped.contains(where: { $0.count >= 5 }) { edits.insert(.droppedSentence) }
    if segment.added.contains(where: { $0.count >= 5 }) { edits.insert(.addedSentence) }
    for (i, j) in segment.substitutions {
      let x = word(firstTokens[i], in: firstText)
      let y = word(secondTokens[j], in: secondText)
      edits.insert(x.first?.isUppercase == true || y.first?.isUppercase == true ? .names : .words)
    }
    if segment.dropped.contains(where: { $0.count < 5 })
      || segment.added.contains(where: { $0.count < 5 })
    {
      edits.insert(.words)
    }
    if edits.isEmpty, first != second { edits.insert(.case) }
    return edits.sorted()
  }

  private static func word(_ token: MatchDocument.Token, in text: [Unicode.Scalar]) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: text[token.rawSpan.start..<token.rawSpan.end])
    return String(view)
  }

  private static func emoji(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    text.filter { scalar in
      // Below U+203C only ASCII digits, "#", "*", "©" and "®" have the Emoji property.
      guard scalar.value >= 0x203C || scalar == "©" || scalar == "®" else { return false }
      return (scalar.properties.isEmojiPresentation || scalar.properties.isEmoji) && !scalar.properties.isAlphabetic
    }
  }

  private static func count(_ text: [Unicode.Scalar], _ scalar: Unicode.Scalar) -> Int {
    text.lazy.filter { $0 == scalar }.count
  }

  private static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "“", "”", "„", "«", "»", "‘", "’", "‚", "`": true
    default: false
    }
  }

  private static func quotes(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    text.filter(isQuote)
  }

  private static func punctuation(_ text: [Unicode.Scalar]) -> [Unicode.Scalar] {
    text.filter { scalar in
      // Letters and digits, the bulk of a passage, are no punctuation.
      guard !scalar.isWordScalar else { return false }
      let category = scalar.properties.generalCategory
      let isPunctuation = [.otherPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation]
        .contains(category)
      return isPunctuation && !isQuote(scalar) && scalar != "#"
    }
  }

  private static func spaces(_ text: [Unicode.Scalar]) -> [Int] {
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
