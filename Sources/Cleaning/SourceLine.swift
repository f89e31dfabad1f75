#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
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

  /// The non-empty lines of `text`, in order.
  static func lines(of text: String) -> [SourceLine] {
    var lines: [SourceLine] = []
    var offset = 0  // the scalar offset of the line
    forEachLine(of: text) { utf8, line in
      let measured = Self.measure(UnsafeBufferPointer(rebasing: utf8[line]))!
      if let content = measured.content {
        let bytes = (line.startIndex + content.bytes.lowerBound)..<(line.startIndex + content.bytes.upperBound)
        lines.append(
          SourceLine(
            text: String(decoding: utf8[bytes], as: UTF8.self),
            span: ScalarSpan(start: offset + content.scalars.lowerBound, end: offset + content.scalars.upperBound),
            wordCount: measured.words))
      }
      offset += measured.scalars + 1
    }
    return lines
  }

  /// The trimmed texts of the non-empty lines of `text` that have at most `maximumWords`
  /// words, with their word counts, in order. A longer line is read only until its words
  /// outnumber that, so a text of long paragraphs is mostly skipped.
  static func shortLines(of text: String, maximumWords: Int) -> [(text: String, wordCount: Int)] {
    var lines: [(text: String, wordCount: Int)] = []
    forEachLine(of: text) { utf8, line in
      guard let measured = Self.measure(UnsafeBufferPointer(rebasing: utf8[line]), wordLimit: maximumWords),
        let content = measured.content
      else { return }
      let bytes = (line.startIndex + content.bytes.lowerBound)..<(line.startIndex + content.bytes.upperBound)
      lines.append((String(decoding: utf8[bytes], as: UTF8.self), measured.words))
    }
    return lines
  }

  /// Calls `body` with the UTF-8 of `text` and the byte range of each of its lines (line
  /// feeds excluded), empty ones too, in order.
  private static func forEachLine(
    of text: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Void
  ) {
    var text = text
    text.withUTF8 { utf8 in
      guard let base = utf8.baseAddress else { return body(utf8, 0..<0) }
      var lineStart = 0
      while true {
        let rest = utf8.count - lineStart
        guard let feed = memchr(base + lineStart, 0x0A, rest) else {
          return body(utf8, lineStart..<utf8.count)
        }
        let lineEnd = base.distance(to: feed.assumingMemoryBound(to: UInt8.self))
        body(utf8, lineStart..<lineEnd)
        lineStart = lineEnd + 1
      }
    }
  }

  /// One line's UTF-8 (without its line feed): its scalar count, its words, and where its
  /// content (trimmed of spaces) lies, in bytes and scalars; `nil` content when the line
  /// is only spaces. `nil` as soon as the line has more than `wordLimit` words.
  private static func measure(_ line: UnsafeBufferPointer<UInt8>, wordLimit: Int = .max)
    -> (scalars: Int, words: Int, content: (bytes: Range<Int>, scalars: Range<Int>)?)?
  {
    var scalars = 0
    var words = 0
    var inWord = false
    var inSpace = true  // whether the scalar being read is a space
    var first: (byte: Int, scalar: Int)?
    var last = (byte: 0, scalar: 0)  // just after the last non-space scalar
    for index in line.indices {
      let byte = line[index]
      if byte & 0xC0 == 0x80 {  // a continuation byte
        if !inSpace { last.byte = index + 1 }
        continue
      }
      let isWordScalar: Bool
      switch byte {
      case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xD0, 0xD1:  // ASCII letters, digits, basic Cyrillic
        (isWordScalar, inSpace) = (true, false)
      case 0x09...0x0D, 0x20: (isWordScalar, inSpace) = (false, true)
      case 0..<0x80: (isWordScalar, inSpace) = (false, false)
      default:
        let scalar = Self.scalar(in: line, at: index)
        isWordScalar = scalar.isWordScalar
        inSpace = !isWordScalar && Self.isSpace(scalar)
      }
      if isWordScalar, !inWord {
        words += 1
        if words > wordLimit { return nil }
      }
      inWord = isWordScalar
      scalars += 1
      if !inSpace {
        if first == nil { first = (index, scalars - 1) }
        last = (index + 1, scalars)
      }
    }
    guard let first else { return (scalars, words, nil) }
    return (scalars, words, (first.byte..<last.byte, first.scalar..<last.scalar))
  }

  /// Spaces, including no-break, zero-width and the other invisible ones scrapes leave.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isSpaceScalar || scalar == "\u{200B}" || scalar == "\u{FEFF}"
  }

  /// The scalar whose UTF-8 starts at `index` of valid UTF-8 `utf8`.
  private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
    var decoder = UTF8()
    var iterator = UnsafeBufferPointer(rebasing: utf8[index..<min(utf8.count, index + 4)]).makeIterator()
    guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return "\u{FFFD}" }
    return scalar
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
  var endsSentence: Bool { Self.endsSentence(text) }

  /// Whether `text` ends a sentence (see ``endsSentence``).
  static func endsSentence(_ text: String) -> Bool {
    let closers: Set<Unicode.Scalar> = ["\"", "”", "’", "»", ")", "]", "'"]
    for scalar in text.unicodeScalars.reversed() where !closers.contains(scalar) {
      return [".", "!", "?", "…"].contains(scalar)
    }
    return false
  }
}
