import TextModel

extension TextNormalizer {
  /// Normalises `utf8` under the match profile: the words of inert lines that stand alone
  /// (see ``WordFolder``) are folded from the memo, the whitespace between two of them is
  /// collapsed directly, and everything else goes through the passes.
  func foldInertLines(_ utf8: UnsafeBufferPointer<UInt8>, folder: WordFolder) throws -> NormalizedText {
    try folder.withMemo { memo in
      var sink = AssemblingSink(utf8: utf8, normalizer: self, folder: folder)
      try segmentInertLines(utf8, folder: folder, memo: &memo, into: &sink)
      return sink.result.finish()
    }
  }

  /// Reads the match text of the UTF-8 text `utf8` piece by piece, as ``normalize(_:)``
  /// (match profile) makes it, without assembling it: for callers that want its words, one
  /// distinct word at a time.
  /// - Precondition: the normalizer has the match profile.
  public func readMatchText(_ utf8: UnsafeBufferPointer<UInt8>, into reader: any MatchTextReader) throws {
    guard let wordFolder else { preconditionFailure("readMatchText needs the match profile") }
    try wordFolder.withMemo { memo in
      var sink = ReadingSink(utf8: utf8, normalizer: self, folder: wordFolder, reader: reader)
      try segmentInertLines(utf8, folder: wordFolder, memo: &memo, into: &sink)
    }
  }

  /// Cuts `utf8` into the words of inert lines, the whitespace between two words that fold
  /// alone, and stretches for the passes, and hands them to `sink` in order; together they
  /// cover the text.
  ///
  /// Stretches end just before such a word or just after one, where no pass looks across:
  /// the word's first scalar begins a segment of every pass and its output starts and ends
  /// with no whitespace, and the bytes beside it are ASCII space, tab or line feed, which no
  /// repair pass joins to a word.
  private func segmentInertLines(
    _ utf8: UnsafeBufferPointer<UInt8>, folder: WordFolder, memo: inout WordMemo,
    into sink: inout some InertLineSink
  ) throws {
    var done = 0  // the bytes before it are handed over
    var afterWord = false  // whether `done` is the end of a folded word in an inert line
    var lineStart = 0
    while lineStart < utf8.count {
      let (lineEnd, inertCount) = screen.judgeLine(utf8, from: lineStart)
      guard inertCount != nil else {
        afterWord = false
        lineStart = lineEnd
        continue
      }
      var index = lineStart
      while index < lineEnd {
        guard !Self.isSeparator(utf8[index]) else {
          index += 1
          continue
        }
        let word = Self.word(in: utf8, from: index, before: lineEnd, folder: folder)
        index = word.bytes.upperBound
        let gap = done..<word.bytes.lowerBound
        guard
          try sink.takeWord(
            word.bytes, scalarCount: word.scalarCount, isKept: word.isKept, after: gap,
            afterWord: afterWord, memo: &memo)
        else {
          afterWord = false
          continue
        }
        done = index
        afterWord = true
      }
      lineStart = lineEnd
    }
    if afterWord {
      sink.takeWhitespace(done..<utf8.count)
    } else {
      try sink.takePasses(done..<utf8.count)
    }
  }

  /// The word of `utf8` that starts at `start`: its bytes (up to the next separator or
  /// `end`), its scalar count, and whether it is ASCII that `folder` keeps.
  @inline(__always) private static func word(
    in utf8: UnsafeBufferPointer<UInt8>, from start: Int, before end: Int, folder: WordFolder
  ) -> (bytes: Range<Int>, scalarCount: Int, isKept: Bool) {
    var index = start
    var scalarCount = 0
    var isKept = true
    while index < end, !isSeparator(utf8[index]) {
      let byte = utf8[index]
      if byte & 0xC0 != 0x80 { scalarCount += 1 }
      isKept = isKept && folder.keeps(byte)
      index += 1
    }
    return (start..<index, scalarCount, isKept)
  }

  /// ASCII space, tab or line feed: what separates the words of an inert line.
  @inline(__always) private static func isSeparator(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09
  }
}

/// Reads the match text piece by piece (``TextNormalizer/readMatchText(_:into:)``), in
/// text order. A class, so that handing it pieces copies nothing.
public protocol MatchTextReader: AnyObject {
  /// Whether a word of a line that no repair pass changes is to be read alone, if the
  /// reader knows the word; `nil` if not (then ``learnWord(_:folded:)`` comes next). If so,
  /// ``readWord(_:at:)`` comes next for it (after any stretch before it); if not, the word
  /// comes inside a stretch.
  func knowsWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool?

  /// Whether a word the reader did not know is to be read alone, given its match form
  /// with an offset map that counts from the word's start, or `nil` when the word does
  /// not fold alone as in its text; as for ``knowsWord(_:)``.
  func learnWord(_ word: UnsafeBufferPointer<UInt8>, folded: NormalizedText?) throws -> Bool

  /// The word just found to fold alone, and where it starts in the raw text (byte and
  /// scalar offsets).
  func readWord(_ word: UnsafeBufferPointer<UInt8>, at start: (byte: Int, scalar: Int)) throws

  /// A stretch of the text normalised by the passes, its offset map counting from `start`
  /// (byte and scalar offsets in the raw text).
  func readNormalized(_ stretch: NormalizedText, at start: (byte: Int, scalar: Int)) throws
}

/// What ``TextNormalizer`` hands the pieces of an inert-line segmentation to.
private protocol InertLineSink {
  /// A word of an inert line, after the bytes `gap` since the last piece (whitespace only
  /// when `afterWord`), folded through `memo`. Returns false when the word must go to the
  /// passes with the text around it; then nothing was taken.
  mutating func takeWord(
    _ bytes: Range<Int>, scalarCount: Int, isKept: Bool, after gap: Range<Int>, afterWord: Bool,
    memo: inout WordMemo
  ) throws -> Bool
  /// Whitespace between a word that folds alone and the next one, or the text's end.
  mutating func takeWhitespace(_ bytes: Range<Int>)
  /// Text for the passes.
  mutating func takePasses(_ bytes: Range<Int>) throws
}

extension InertLineSink {
  /// Takes `gap`, whitespace after a word or text for the passes.
  fileprivate mutating func takeGap(_ gap: Range<Int>, afterWord: Bool) throws {
    if afterWord { takeWhitespace(gap) } else { try takePasses(gap) }
  }
}

/// Assembles the normalised text.
private struct AssemblingSink: InertLineSink {
  let utf8: UnsafeBufferPointer<UInt8>
  let normalizer: TextNormalizer
  let folder: WordFolder
  var result: NormalizationAssembly
  private let collapsesWhitespace: Bool

  init(utf8: UnsafeBufferPointer<UInt8>, normalizer: TextNormalizer, folder: WordFolder) {
    self.utf8 = utf8
    self.normalizer = normalizer
    self.folder = folder
    result = NormalizationAssembly(source: utf8)
    collapsesWhitespace = normalizer.enabledKinds.contains(.whitespace)
  }

  mutating func takeWord(
    _ bytes: Range<Int>, scalarCount: Int, isKept: Bool, after gap: Range<Int>, afterWord: Bool,
    memo: inout WordMemo
  ) throws -> Bool {
    var folded: FoldedWord?  // nil when the word is kept as it is
    if !isKept {
      folded = try folder.folded(UnsafeBufferPointer(rebasing: utf8[bytes]), memo: &memo)
      guard folded != nil else { return false }
    }
    try takeGap(gap, afterWord: afterWord)
    if let folded, !folded.isUnchanged {
      result.append(utf8: folded.output, changes: folded.changes, map: folded.map)
    } else {
      result.copy(bytes, scalarCount: scalarCount)
    }
    return true
  }

  /// Collapses the run to one space unless it is one already or whitespace is kept.
  mutating func takeWhitespace(_ bytes: Range<Int>) {
    guard !bytes.isEmpty else { return }
    if collapsesWhitespace, bytes.count > 1 || utf8[bytes.lowerBound] != UInt8(ascii: " ") {
      result.collapseWhitespace(count: bytes.count)
    } else {
      result.copy(bytes, scalarCount: bytes.count)
    }
  }

  mutating func takePasses(_ bytes: Range<Int>) throws {
    try normalizer.normalizeWithPasses(utf8, bytes, into: &result)
  }
}

/// Hands the pieces to a ``MatchTextReader``, with their raw offsets.
private struct ReadingSink: InertLineSink {
  let utf8: UnsafeBufferPointer<UInt8>
  let normalizer: TextNormalizer
  let folder: WordFolder
  let reader: any MatchTextReader
  /// The raw offsets of the first byte not handed over.
  private var position = (byte: 0, scalar: 0)

  init(utf8: UnsafeBufferPointer<UInt8>, normalizer: TextNormalizer, folder: WordFolder, reader: any MatchTextReader) {
    self.utf8 = utf8
    self.normalizer = normalizer
    self.folder = folder
    self.reader = reader
  }

  mutating func takeWord(
    _ bytes: Range<Int>, scalarCount: Int, isKept: Bool, after gap: Range<Int>, afterWord: Bool,
    memo: inout WordMemo
  ) throws -> Bool {
    let word = UnsafeBufferPointer(rebasing: utf8[bytes])
    var foldsAlone = reader.knowsWord(word)
    if foldsAlone == nil {
      var folded: NormalizedText?
      if isKept {
        folded = NormalizedText(
          text: String(decoding: word, as: UTF8.self), changes: [],
          offsetMap: OffsetMap(identityOfCount: scalarCount))
      } else if let foldedWord = try folder.folded(word, memo: &memo) {
        folded = NormalizedText(
          text: foldedWord.isUnchanged
            ? String(decoding: word, as: UTF8.self) : String(decoding: foldedWord.output, as: UTF8.self),
          changes: foldedWord.changes, offsetMap: foldedWord.map)
      }
      foldsAlone = try reader.learnWord(word, folded: folded)
    }
    guard foldsAlone == true else { return false }
    try takeGap(gap, afterWord: afterWord)
    try reader.readWord(word, at: position)
    position = (bytes.upperBound, position.scalar + scalarCount)
    return true
  }

  /// Whitespace between words is ASCII: a scalar a byte.
  mutating func takeWhitespace(_ bytes: Range<Int>) {
    position = (bytes.upperBound, position.scalar + bytes.count)
  }

  mutating func takePasses(_ bytes: Range<Int>) throws {
    guard !bytes.isEmpty else { return }
    var stretch = NormalizationAssembly(source: utf8)
    try normalizer.normalizeWithPasses(utf8, bytes, into: &stretch)
    try reader.readNormalized(stretch.finish(), at: position)
    let scalars = UnsafeBufferPointer(rebasing: utf8[bytes]).reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
    position = (bytes.upperBound, position.scalar + scalars)
  }
}
