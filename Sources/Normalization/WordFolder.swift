import ICU
import TextModel

/// Folds for the match profile, without running the passes over the text, the words of
/// lines that no repair pass changes (see `InertLineScreen`).
///
/// The folding passes look across a word's edge only at whitespace runs, at combining
/// marks and normalization segments that begin a word, and where a deletion at a word's end
/// joins the whitespace change after it. A word folded alone, between ASCII space, tab or
/// line feed, therefore folds as in its text when it *stands alone*: the input of each
/// pass starts with a scalar that starts an NFKC_Casefold segment and is no combining mark,
/// the output neither starts nor ends with whitespace, and its offset map does not end in
/// a deletion. The spaces between such words are then a whitespace run of their own, which
/// ``TextNormalizer`` collapses by the whitespace rule directly.
///
/// A word made only of ASCII bytes that the passes keep alone is kept (each ASCII scalar is a
/// normalization segment, no emoji part, no mark, not Cyrillic). Any other word is folded by
/// the passes once and remembered by its UTF-8 bytes.
final class WordFolder: Sendable {
  /// The match profile's folding passes, in order.
  private let passes: [any NormalizationPass]
  private let enabledKinds: Set<ChangeKind>
  private let nfkcCasefold: ICU.Normalizer
  /// For each byte, whether it is an ASCII scalar that the passes keep alone.
  private let keptASCII: [Bool]
  private let memos = MemoPool { WordMemo() }
  /// Longer words are not remembered, and so not folded here.
  static let longestRemembered = 256

  init(passes: [any NormalizationPass], enabledKinds: Set<ChangeKind>) throws {
    let nfkcCasefold = try ICU.Normalizer(.nfkcCasefold)
    var keptASCII = [Bool](repeating: false, count: 256)
    for byte in UInt8(0x21)...0x7E {
      let folded = try Self.fold(
        [Unicode.Scalar(byte)], passes: passes, enabledKinds: enabledKinds, nfkcCasefold: nfkcCasefold)
      keptASCII[Int(byte)] = folded.standsAlone && folded.isUnchanged
    }
    self.passes = passes
    self.enabledKinds = enabledKinds
    self.nfkcCasefold = nfkcCasefold
    self.keptASCII = keptASCII
  }

  /// Whether `byte` is an ASCII scalar that the passes keep, so that a word of such bytes
  /// is kept as it is.
  @inline(__always) func keeps(_ byte: UInt8) -> Bool {
    keptASCII[Int(byte)]
  }

  /// Calls `body` with a memo of folded words that no other call uses meanwhile.
  func withMemo<Result>(_ body: (inout WordMemo) throws -> Result) rethrows -> Result {
    try memos.withMemo(body)
  }

  /// The word of UTF-8 `bytes` folded alone, from `memo` or computed and remembered there;
  /// `nil` when it does not stand alone or is too long to remember.
  func folded(_ bytes: UnsafeBufferPointer<UInt8>, memo: inout WordMemo) throws -> FoldedWord? {
    guard bytes.count <= Self.longestRemembered else { return nil }
    let word = try memo.word(bytes) {
      try Self.fold(
        [Unicode.Scalar](validUTF8: bytes), passes: passes, enabledKinds: enabledKinds,
        nfkcCasefold: nfkcCasefold)
    }
    return word.standsAlone ? word : nil
  }

  /// `word` folded by `passes` alone, and whether it stands alone.
  private static func fold(
    _ word: [Unicode.Scalar], passes: [any NormalizationPass], enabledKinds: Set<ChangeKind>,
    nfkcCasefold: ICU.Normalizer
  ) throws -> FoldedWord {
    var startsAlone = true
    let piece = try TextNormalizer.apply(passes, to: word, enabled: enabledKinds) { input in
      if let first = input.first, !Self.startsAlone(first, nfkcCasefold: nfkcCasefold) {
        startsAlone = false
      }
    }
    let endsInDeletion =
      piece.map.edits.last.map { $0.derivedCount == 0 && $0.rawEnd == word.count } ?? false
    let standsAlone =
      startsAlone && !endsInDeletion
      && piece.scalars.first.map { !$0.isSpaceScalar } == true
      && piece.scalars.last.map { !$0.isSpaceScalar } == true
    var folded = FoldedWord(
      output: [], changes: piece.changes, map: piece.map, standsAlone: standsAlone)
    if !folded.isUnchanged { folded.output = Array(String(scalars: piece.scalars).utf8) }
    return folded
  }

  /// Whether a pass's input starting with `scalar` is folded as if nothing came before.
  private static func startsAlone(_ scalar: Unicode.Scalar, nfkcCasefold: ICU.Normalizer) -> Bool {
    let isMark = scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark
    return !isMark && nfkcCasefold.hasBoundary(before: scalar)
  }
}

/// What the folding passes make of one word alone.
struct FoldedWord: Sendable {
  /// The folded word's UTF-8 bytes; empty when folding changes nothing.
  var output: [UInt8]
  /// The changes, with spans counted from the word's start.
  var changes: [Change]
  /// The map from the folded word to the word.
  var map: OffsetMap
  /// Whether the word folds the same in any text as alone (see ``WordFolder``).
  var standsAlone: Bool

  /// Whether folding changes nothing.
  var isUnchanged: Bool { changes.isEmpty && map.isIdentity }
}

/// Folded words remembered by their UTF-8 bytes; emptied when it grows past its bounds.
struct WordMemo: Sendable {
  /// Each word's index in ``words``, as four little-endian bytes.
  private var indices = TokenMemo()
  private var words: [FoldedWord] = []
  /// The most words remembered.
  static let capacity = 1 << 17

  /// The folded word of UTF-8 `bytes`, computed by `fold` if it is not remembered.
  mutating func word(
    _ bytes: UnsafeBufferPointer<UInt8>, fold: () throws -> FoldedWord
  ) rethrows -> FoldedWord {
    let hash = TokenMemo.hash(bytes)
    if case .value(let range) = indices.lookup(bytes, hash: hash) {
      let index = indices.arena.withUnsafeBytes {
        $0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt32.self)
      }
      return words[Int(UInt32(littleEndian: index))]
    }
    if indices.isFull || words.count >= Self.capacity {
      indices.removeAll()
      words.removeAll(keepingCapacity: true)
    }
    let word = try fold()
    _ = withUnsafeBytes(of: UInt32(words.count).littleEndian) { indices.insert(bytes, hash: hash, value: $0) }
    words.append(word)
    return word
  }
}
