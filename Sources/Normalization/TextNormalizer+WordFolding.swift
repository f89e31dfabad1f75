import TextModel

extension TextNormalizer {
  /// Normalises `utf8` under the match profile: the words of inert lines that stand alone
  /// (see ``WordFolder``) are folded from the memo, the whitespace between two of them is
  /// collapsed directly, and everything else goes through the passes.
  ///
  /// Text goes to the passes in stretches that end just before such a word or just after
  /// one, where no pass looks across: the word's first scalar begins a segment of every
  /// pass and its output starts and ends with no whitespace, and the bytes beside it are
  /// ASCII space, tab or line feed, which no repair pass joins to a word.
  func foldInertLines(
    _ utf8: UnsafeBufferPointer<UInt8>, folder: WordFolder, into result: inout NormalizationAssembly
  ) throws {
    let collapsesWhitespace = enabledKinds.contains(.whitespace)
    try folder.withMemo { memo in
      var done = 0  // the bytes before it are in `result`
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
          var folded: FoldedWord?  // nil when the word is kept as it is
          if !word.isKept {
            folded = try folder.folded(UnsafeBufferPointer(rebasing: utf8[word.bytes]), memo: &memo)
            guard folded != nil else {
              afterWord = false
              continue
            }
          }
          if afterWord {
            Self.appendWhitespace(
              utf8, done..<word.bytes.lowerBound, collapsing: collapsesWhitespace, into: &result)
          } else {
            try normalizeWithPasses(utf8, done..<word.bytes.lowerBound, into: &result)
          }
          if let folded, !folded.isUnchanged {
            result.append(utf8: folded.output, changes: folded.changes, map: folded.map)
          } else {
            result.copy(word.bytes, scalarCount: word.scalarCount)
          }
          done = index
          afterWord = true
        }
        lineStart = lineEnd
      }
      if afterWord {
        Self.appendWhitespace(utf8, done..<utf8.count, collapsing: collapsesWhitespace, into: &result)
      } else {
        try normalizeWithPasses(utf8, done..<utf8.count, into: &result)
      }
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

  /// Appends the run of ASCII whitespace at `range` of `utf8`, collapsed to one space
  /// unless it is one already or `collapsing` is off.
  private static func appendWhitespace(
    _ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, collapsing: Bool,
    into result: inout NormalizationAssembly
  ) {
    guard !range.isEmpty else { return }
    if collapsing, range.count > 1 || utf8[range.lowerBound] != UInt8(ascii: " ") {
      result.collapseWhitespace(count: range.count)
    } else {
      result.copy(range, scalarCount: range.count)
    }
  }

  /// ASCII space, tab or line feed: what separates the words of an inert line.
  @inline(__always) private static func isSeparator(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09
  }
}
