import TextModel

/// One non-empty line of raw text: its content trimmed of surrounding spaces (no-break and
/// other exotic spaces included), with its raw span.
struct SourceLine: Hashable, Sendable {
  /// The trimmed content.
  var text: String
  /// The raw span of the trimmed content.
  var span: ScalarSpan

  /// The non-empty lines of `text`, in order.
  static func lines(of text: String) -> [SourceLine] {
    var lines: [SourceLine] = []
    let scalars = text.unicodeScalars
    // The current line's first and last non-space scalars: index and offset.
    var first: (index: String.Index, offset: Int)?
    var last: (index: String.Index, offset: Int)?
    func flush() {
      guard let first, let last else { return }
      lines.append(
        SourceLine(
          text: String(scalars[first.index...last.index]),
          span: ScalarSpan(start: first.offset, end: last.offset + 1)))
    }
    var offset = 0
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      if scalar == "\n" {
        flush()
        first = nil
        last = nil
      } else if !isSpace(scalar) {
        if first == nil { first = (index, offset) }
        last = (index, offset)
      }
      offset += 1
      scalars.formIndex(after: &index)
    }
    flush()
    return lines
  }

  /// Spaces, including no-break, zero-width and the other invisible ones scrapes leave.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isSpaceScalar || scalar == "\u{200B}" || scalar == "\u{FEFF}"
  }

  /// The number of words (runs of letters or digits).
  var wordCount: Int {
    var count = 0
    var inWord = false
    for scalar in text.unicodeScalars {
      let isWordScalar = scalar.isWordScalar
      if isWordScalar, !inWord { count += 1 }
      inWord = isWordScalar
    }
    return count
  }

  /// Whether the line ends a sentence (., !, ?, …, or one of them before a closing quote or
  /// bracket).
  var endsSentence: Bool {
    let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "»", ")", "]", "'"]
    for scalar in text.unicodeScalars.reversed() where !closers.contains(scalar) {
      return [".", "!", "?", "…"].contains(scalar)
    }
    return false
  }
}
