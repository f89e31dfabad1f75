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
    forEachLine(of: text) { line, lineStart in
      let measured = Self.measure(line)!
      if let content = measured.content {
        lines.append(
          SourceLine(
            text: Self.string(text, content.bytes, ofLineAt: lineStart),
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
    forEachLine(of: text) { line, lineStart in
      guard let measured = Self.measure(line, wordLimit: maximumWords), let content = measured.content
      else { return }
      lines.append((Self.string(text, content.bytes, ofLineAt: lineStart), measured.words))
    }
    return lines
  }

  /// Calls `body` with the UTF-8 of each line of `text` (line feeds excluded), empty ones
  /// too, in order, and the byte offset where the line starts.
  private static func forEachLine(of text: String, _ body: (UnsafeBufferPointer<UInt8>, Int) -> Void) {
    var text = text
    text.withUTF8 { utf8 in
      guard let base = utf8.baseAddress else { return body(utf8, 0) }
      var lineStart = 0
      while true {
        guard let feed = memchr(base + lineStart, 0x0A, utf8.count - lineStart) else {
          return body(UnsafeBufferPointer(rebasing: utf8[lineStart...]), lineStart)
        }
        let lineEnd = base.distance(to: feed.assumingMemoryBound(to: UInt8.self))
        body(UnsafeBufferPointer(rebasing: utf8[lineStart..<lineEnd]), lineStart)
        lineStart = lineEnd + 1
      }
    }
  }

  /// The part of `text` at the UTF-8 offsets `bytes` of the line that starts at byte
  /// `lineStart`, which bound scalars: copied from the string, which needs no validating,
  /// unlike decoding its bytes.
  @inline(__always) private static func string(_ text: String, _ bytes: Range<Int>, ofLineAt lineStart: Int) -> String {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: lineStart + bytes.lowerBound)
    return String(text[start..<utf8.index(start, offsetBy: bytes.count)])
  }

  /// One line's UTF-8 (without its line feed): its scalar count, its words, and where its
  /// content (trimmed of spaces) lies, in bytes and scalars; `nil` content when the line
  /// is only spaces. `nil` as soon as the line has more than `wordLimit` words.
  private static func measure(_ line: UnsafeBufferPointer<UInt8>, wordLimit: Int = .max)
    -> (scalars: Int, words: Int, content: (bytes: Range<Int>, scalars: Range<Int>)?)?
  {
    // Two light passes: words and scalars (which may stop early), then the spaces at
    // either end. Words are counted without a branch on the byte: a word starts where a
    // word scalar follows a scalar that is not one; eight bytes at a time where they are
    // ASCII and basic Cyrillic (``plainChunk(_:afterWord:)``).
    var words = 0
    var previous: UInt8 = 0  // 1 after a word scalar
    var scalars = 0
    let stopped = Self.byteClasses.withUnsafeBufferPointer { classes in
      var index = 0
      while index < line.count {
        if index + 8 <= line.count,
          let chunk = Self.plainChunk(
            UnsafeRawPointer(line.baseAddress.unsafelyUnwrapped + index).loadUnaligned(as: UInt64.self),
            afterWord: previous == 1)
        {
          words &+= chunk.wordStarts
          scalars &+= chunk.scalars
          previous = chunk.endsInWord ? 1 : 0
          if words > wordLimit { return true }
          index &+= 8
          continue
        }
        if line[index] & 0xC0 != 0x80 { scalars &+= 1 }
        var current = classes[Int(line[index])]
        if current >= ByteClass.continuation {
          current =
            current == ByteClass.continuation
            ? previous : Self.scalar(in: line, at: index).isWordScalar ? ByteClass.word : ByteClass.other
        }
        words &+= Int(current & ~previous)
        previous = current
        if words > wordLimit { return true }
        index &+= 1
      }
      return false
    }
    if stopped { return nil }
    var start = (byte: 0, scalar: 0)
    while start.byte < line.count, let width = Self.spaceWidth(in: line, at: start.byte) {
      start = (start.byte + width, start.scalar + 1)
    }
    guard start.byte < line.count else { return (scalars, words, nil) }
    var end = (byte: line.count, scalar: scalars)
    while true {
      var lead = end.byte - 1
      while line[lead] & 0xC0 == 0x80 { lead -= 1 }
      guard Self.spaceWidth(in: line, at: lead) != nil else { break }
      end = (lead, end.scalar - 1)
    }
    return (scalars, words, (start.byte..<end.byte, start.scalar..<end.scalar))
  }

  /// The words that start and the scalars that start in eight bytes of UTF-8 (a little-endian
  /// load), and whether the last byte is part of a word scalar, when each byte is ASCII, a
  /// lead byte D0 or D1 (basic Cyrillic letters, all word scalars), or a continuation byte
  /// of such a letter; `nil` otherwise. A continuation byte first continues the scalar
  /// before the chunk, a word scalar or not as `afterWord` says.
  @inline(__always) private static func plainChunk(_ chunk: UInt64, afterWord: Bool)
    -> (wordStarts: Int, scalars: Int, endsInWord: Bool)?
  {
    let (ones, highs) = (ByteLanes.ones, ByteLanes.highs)
    let high = chunk & highs  // bytes of 0x80 and above
    let continuation = ByteLanes.continuationBytes(chunk)
    let lead = high & ~continuation
    // D0 and D1: equal to D0 once the lowest bit is cleared.
    let cyrillic = ByteLanes.bytes(chunk & ~ones, equalTo: 0xD0) & lead
    guard lead == cyrillic else { return nil }
    // A continuation byte at the start continues a scalar of the chunk before: a word
    // scalar's (any lead byte that is not D0 or D1 was decoded) or not.
    guard afterWord || chunk & 0xC0 != 0x80 else { return nil }
    // ASCII letters and digits: in 0x30...0x39, or in 0x61...0x7A with 0x20 set.
    let ascii = ~high & highs
    let low = chunk & ~highs
    let digit = ByteLanes.asciiBytes(low, in: 0x30...0x39)
    let letter = ByteLanes.asciiBytes(low | 0x20 &* ones, in: 0x61...0x7A)
    let word = (digit | letter) & ascii | high
    let wordStarts = word & ~(word << 8 | (afterWord ? 0x80 : 0))
    return (wordStarts.nonzeroBitCount, 8 - continuation.nonzeroBitCount, word >> 63 == 1)
  }

  /// What a UTF-8 byte tells of the scalar it is part of, for counting words.
  private enum ByteClass {
    /// Begins another scalar that is no word scalar: the rest of ASCII.
    static let other: UInt8 = 0
    /// Begins a word scalar: an ASCII letter or digit, or basic Cyrillic (lead D0 or D1).
    static let word: UInt8 = 1
    /// Continues a scalar: as the lead byte decided.
    static let continuation: UInt8 = 2
    /// Begins a scalar that must be decoded to tell.
    static let decode: UInt8 = 3
  }

  private static let byteClasses: [UInt8] = (0...255).map { byte in
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0xD0, 0xD1: ByteClass.word
    case 0..<0x80: ByteClass.other
    case 0x80..<0xC0: ByteClass.continuation
    default: ByteClass.decode
    }
  }

  /// The byte count of the scalar at `index` of `utf8` if it is a space (``isSpace(_:)``),
  /// else `nil`.
  @inline(__always) private static func spaceWidth(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let byte = utf8[index]
    if byte < 0x80 { return byte == 0x20 || byte &- 0x09 < 5 ? 1 : nil }
    let scalar = Self.scalar(in: utf8, at: index)
    return isSpace(scalar) ? UTF8.width(scalar) : nil
  }

  /// Spaces, including no-break, zero-width and the other invisible ones scrapes leave.
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar.isSpaceScalar || scalar == "\u{200B}" || scalar == "\u{FEFF}"
  }

  /// The scalar whose UTF-8 starts at `index` of valid UTF-8 `utf8`.
  @inline(__always) private static func scalar(in utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
    Unicode.Scalar(decodeValidUTF8(utf8, at: index).value) ?? "\u{FFFD}"
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
