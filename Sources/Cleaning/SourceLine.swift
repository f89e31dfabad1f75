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
    var current = String.UnicodeScalarView()
    var lineStart = 0
    var offset = 0
    func flush() {
      let scalars = Array(current)
      guard let first = scalars.firstIndex(where: { !isSpace($0) }),
        let last = scalars.lastIndex(where: { !isSpace($0) })
      else { return }
      var content = String.UnicodeScalarView()
      content.append(contentsOf: scalars[first...last])
      lines.append(
        SourceLine(
          text: String(content),
          span: ScalarSpan(start: lineStart + first, end: lineStart + last + 1)))
    }
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        flush()
        current = String.UnicodeScalarView()
        lineStart = offset + 1
      } else {
        current.append(scalar)
      }
      offset += 1
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
