import TextModel

/// One non-empty line of raw text: its content trimmed of surrounding spaces (no-break and
/// other exotic spaces included), with its raw span.
struct SourceLine: Hashable, Sendable {
  /// The trimmed content.
  let text: String
  /// The raw span of the trimmed content.
  var span: ScalarSpan
  /// The number of words (runs of letters or digits).
  let wordCount: Int

  init(text: String, span: ScalarSpan) {
    self.text = text
    self.span = span
    wordCount = Self.wordCount(of: text)
  }

  /// The non-empty lines of `text`, in order.
  static func lines(of text: String) -> [SourceLine] {
    var text = text
    return text.withUTF8 { utf8 in
      var lines: [SourceLine] = []
      // The current line's first non-space scalar (byte index, scalar offset), and the end
      // of its last one (byte index after it, scalar offset after it).
      var first: (byte: Int, offset: Int)?
      var last = (byte: 0, offset: 0)
      func flush() {
        guard let first else { return }
        lines.append(
          SourceLine(
            text: String(decoding: UnsafeBufferPointer(rebasing: utf8[first.byte..<last.byte]), as: UTF8.self),
            span: ScalarSpan(start: first.offset, end: last.offset)))
      }
      var offset = 0
      var index = 0
      while index < utf8.count {
        let lead = utf8[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        if lead == 0x0A {
          flush()
          first = nil
        } else if !isSpace(utf8, at: index) {
          if first == nil { first = (index, offset) }
          last = (index + length, offset + 1)
        }
        index += length
        offset += 1
      }
      flush()
      return lines
    }
  }

  /// Spaces, including no-break, zero-width and the other invisible ones scrapes leave.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isSpaceScalar || scalar == "\u{200B}" || scalar == "\u{FEFF}"
  }

  /// ``isSpace(_:)`` of the scalar whose UTF-8 starts at `index` of valid UTF-8 `utf8`,
  /// decoding only the few lead bytes a space can start with.
  @inline(__always) private static func isSpace(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    switch utf8[index] {
    case 0x09...0x0D, 0x20: return true
    case 0xC2, 0xE1, 0xE2, 0xE3, 0xEF:
      let bytes = UnsafeBufferPointer(rebasing: utf8[index..<min(utf8.count, index + 3)])
      var decoder = UTF8()
      var iterator = bytes.makeIterator()
      guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
      return isSpace(scalar)
    default: return false
    }
  }

  /// The number of words (runs of letters or digits) in `text`.
  static func wordCount(of text: some StringProtocol) -> Int {
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
