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

  /// A line of `text`; `wordCount` is counted when not given.
  init(text: String, span: ScalarSpan, wordCount: Int? = nil) {
    self.text = text
    self.span = span
    self.wordCount = wordCount ?? Self.wordCount(of: text)
  }

  /// The non-empty lines of `text`, in order; with `maximumWords`, only those that have
  /// no more words.
  static func lines(of text: String, maximumWords: Int = .max) -> [SourceLine] {
    var text = text
    return text.withUTF8 { utf8 in
      var lines: [SourceLine] = []
      // The current line's first non-space scalar (byte index, scalar offset), and the end
      // of its last one (byte index after it, scalar offset after it).
      var first: (byte: Int, offset: Int)?
      var last = (byte: 0, offset: 0)
      var words = 0
      var inWord = false
      func flush() {
        guard let first, words <= maximumWords else { return }
        lines.append(
          SourceLine(
            text: String(decoding: UnsafeBufferPointer(rebasing: utf8[first.byte..<last.byte]), as: UTF8.self),
            span: ScalarSpan(start: first.offset, end: last.offset), wordCount: words))
      }
      var offset = 0
      var index = 0
      while index < utf8.count {
        let lead = utf8[index]
        let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        if lead == 0x0A {
          flush()
          first = nil
          words = 0
          inWord = false
        } else {
          let isWordScalar: Bool
          let isSpace: Bool
          switch lead {
          case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xD0, 0xD1:  // ASCII letters, digits, Cyrillic
            (isWordScalar, isSpace) = (true, false)
          case 0x09...0x0D, 0x20: (isWordScalar, isSpace) = (false, true)
          case 0..<0x80: (isWordScalar, isSpace) = (false, false)
          default:
            isWordScalar = Self.isWordScalar(utf8, at: index, length: length)
            isSpace = !isWordScalar && Self.isSpace(utf8, at: index)
          }
          if isWordScalar, !inWord { words += 1 }
          inWord = isWordScalar
          if !isSpace {
            if first == nil { first = (index, offset) }
            last = (index + length, offset + 1)
          }
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

  /// `isWordScalar` of the scalar of `length` bytes at `index` of valid UTF-8 `utf8`.
  @inline(__always) private static func isWordScalar(
    _ utf8: UnsafeBufferPointer<UInt8>, at index: Int, length: Int
  ) -> Bool {
    var value = UInt32(utf8[index])
    if length > 1 {
      value &= 0xFF >> (length + 1)
      for next in (index + 1)..<(index + length) { value = value << 6 | UInt32(utf8[next] & 0x3F) }
    }
    return Unicode.Scalar(value).unsafelyUnwrapped.isWordScalar
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
