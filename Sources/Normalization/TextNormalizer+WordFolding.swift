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
          let wordStart = index
          var scalarCount = 0
          while index < lineEnd, !Self.isSeparator(utf8[index]) {
            if utf8[index] & 0xC0 != 0x80 { scalarCount += 1 }
            index += 1
          }
          let bytes = UnsafeBufferPointer(rebasing: utf8[wordStart..<index])
          let folded: FoldedWord?
          if folder.isKeptASCII(bytes) {
            folded = nil
          } else {
            guard let word = try folder.folded(bytes, memo: &memo) else {
              afterWord = false
              continue
            }
            folded = word
          }
          if afterWord {
            Self.appendWhitespace(utf8, done..<wordStart, collapsing: collapsesWhitespace, into: &result)
          } else {
            try normalizeWithPasses(utf8, done..<wordStart, into: &result)
          }
          if let folded, !folded.isUnchanged {
            result.append(utf8: folded.output, changes: folded.changes, map: folded.map)
          } else {
            result.copy(wordStart..<index, scalarCount: scalarCount)
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
