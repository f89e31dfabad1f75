import TextModel

/// The output of ``TextNormalizer/normalize(_:)``, assembled piece by piece: pieces the
/// passes normalised, source text copied as it is, and folded words.
struct NormalizationAssembly {
  /// The UTF-8 bytes of the text being normalised, valid while the assembly is in use.
  private let source: UnsafeBufferPointer<UInt8>
  /// The normalised text's UTF-8 bytes so far.
  private var text: [UInt8] = []
  private var changes: [Change] = []
  private var map = OffsetMapBuilder()
  /// Source bytes to copy that are not appended yet: their UTF-8 offsets and scalar count.
  private var copied = 0..<0
  private var copiedCount = 0

  init(source: UnsafeBufferPointer<UInt8>) {
    self.source = source
    text.reserveCapacity(source.count + source.count / 16)
  }

  /// Appends the source's bytes at the UTF-8 offsets `range`, which no pass changes.
  mutating func copy(_ range: Range<Int>, scalarCount: Int) {
    if copied.upperBound != range.lowerBound { appendCopied() }
    copied = (copied.isEmpty ? range.lowerBound : copied.lowerBound)..<range.upperBound
    copiedCount += scalarCount
  }

  /// Appends a normalised piece, whose changes and map count from its own start.
  mutating func append(_ piece: NormalizedPiece) {
    append(utf8: String(scalars: piece.scalars).utf8, changes: piece.changes, map: piece.map)
  }

  /// Appends normalised text given as UTF-8, whose changes and map count from its own start.
  mutating func append(
    utf8 output: some Collection<UInt8>, changes pieceChanges: [Change], map pieceMap: OffsetMap
  ) {
    appendCopied()
    let offset = map.rawCursor
    for change in pieceChanges {
      changes.append(
        Change(
          span: ScalarSpan(start: change.span.start + offset, end: change.span.end + offset),
          kind: change.kind))
    }
    text.append(contentsOf: output)
    map.append(pieceMap)
  }

  /// Replaces `count` raw scalars of whitespace with one space, as a change.
  mutating func collapseWhitespace(count: Int) {
    appendCopied()
    let start = map.rawCursor
    changes.append(Change(span: ScalarSpan(start: start, end: start + count), kind: .whitespace))
    text.append(UInt8(ascii: " "))
    map.replace(rawCount: count, with: 1)
  }

  /// The whole result.
  mutating func finish() -> NormalizedText {
    appendCopied()
    return NormalizedText(
      text: String(decoding: text, as: UTF8.self), changes: changes, offsetMap: map.map)
  }

  private mutating func appendCopied() {
    guard !copied.isEmpty else { return }
    text.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied]))
    map.keep(copiedCount)
    copied = 0..<0
    copiedCount = 0
  }
}

/// A piece of text normalised by the passes: its scalars, its changes and its offset map,
/// counted from the piece's start.
typealias NormalizedPiece = (scalars: [Unicode.Scalar], changes: [Change], map: OffsetMap)
