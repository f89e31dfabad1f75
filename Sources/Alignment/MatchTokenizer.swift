import Normalization
import TextModel
import Transliteration

/// Cuts a raw text into the words alignment compares: runs of letters and digits of its
/// `match` normalisation, each with its raw span, compared by the name key of its raw
/// spelling ("Sergey", "Sergei" and "Сергей" are one word) or, for a number, by its digits.
///
/// Lines that no repair pass changes are read a word at a time: each thread remembers, by
/// the word's UTF-8 bytes, the tokens every distinct word makes, so a word is normalised,
/// cut and keyed once. Other text is normalised by the passes and cut as it comes.
public struct MatchTokenizer: Sendable {
  private let normalizer: TextNormalizer
  private let generator: NameKeyGenerator
  private let memos = MemoPool { TokenizerMemo() }

  public init() throws {
    normalizer = try TextNormalizer(profile: .match)
    generator = try NameKeyGenerator()
  }

  /// The tokens of `text`, in order.
  public func tokens(of text: String) throws -> [MatchDocument.Token] {
    var text = text
    return try text.withUTF8 { utf8 in
      try memos.withMemo { memo in
        let reader = TokenReader(utf8: utf8, generator: generator, memo: memo)
        try normalizer.readMatchText(utf8, into: reader)
        return reader.tokens
      }
    }
  }
}

/// What one thread has learned: the tokens of words (by their bytes), and the hashes of
/// name keys (by the spelling's bytes). A class, so that readers share it without copying.
///
/// Its properties, and the reader's, are touched once or twice per word: they skip the
/// runtime exclusivity check (a few per cent of `align`). One thread at a time holds a
/// memo (``MemoPool``) and a reader, and no access to them overlaps another.
private final class TokenizerMemo: @unchecked Sendable {
  /// For each word: 0 when it does not fold alone; else 1, then per token its hash (8
  /// bytes), raw start and end within the word (2 bytes each) and whether it is a number.
  @exclusivity(unchecked) var words = TokenMemo()
  @exclusivity(unchecked) var keyHashes = TokenMemo()
  static let tokenSize = 13
}

/// Collects the tokens of one text as ``TextNormalizer/readMatchText(_:into:)`` hands over
/// its pieces.
private final class TokenReader: MatchTextReader {
  let utf8: UnsafeBufferPointer<UInt8>
  let generator: NameKeyGenerator
  let memo: TokenizerMemo
  @exclusivity(unchecked) var tokens: [MatchDocument.Token] = []
  /// Where the memo holds the tokens of the word ``knowsWord(_:)`` or
  /// ``learnWord(_:folded:)`` last answered for.
  @exclusivity(unchecked) private var pending = 0..<0

  init(utf8: UnsafeBufferPointer<UInt8>, generator: NameKeyGenerator, memo: TokenizerMemo) {
    self.utf8 = utf8
    self.generator = generator
    self.memo = memo
    tokens.reserveCapacity(utf8.count / 6)
  }

  func knowsWord(_ word: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard case .value(let range) = memo.words.lookup(word, hash: TokenMemo.hash(word)) else { return nil }
    pending = range.dropFirst()
    return memo.words.arena[range.lowerBound] == 1
  }

  func learnWord(_ word: UnsafeBufferPointer<UInt8>, folded: NormalizedText?) throws -> Bool {
    if memo.words.isFull { memo.words.removeAll() }
    var entry: [UInt8] = [0]
    if let folded {
      entry[0] = 1
      try forEachToken(of: folded, raw: word) { hash, span, isNumber in
        withUnsafeBytes(of: hash.littleEndian) { entry.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt16(span.start).littleEndian) { entry.append(contentsOf: $0) }
        withUnsafeBytes(of: UInt16(span.end).littleEndian) { entry.append(contentsOf: $0) }
        entry.append(isNumber ? 1 : 0)
      }
    }
    pending = memo.words.insert(word, hash: TokenMemo.hash(word), value: entry).dropFirst()
    return entry[0] == 1
  }

  func readWord(_ word: UnsafeBufferPointer<UInt8>, at start: (byte: Int, scalar: Int)) throws {
    memo.words.arena.withUnsafeBytes { arena in
      for offset in stride(from: pending.lowerBound, to: pending.upperBound, by: TokenizerMemo.tokenSize) {
        let hash = UInt64(littleEndian: arena.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        let spanStart = Int(UInt16(littleEndian: arena.loadUnaligned(fromByteOffset: offset + 8, as: UInt16.self)))
        let spanEnd = Int(UInt16(littleEndian: arena.loadUnaligned(fromByteOffset: offset + 10, as: UInt16.self)))
        tokens.append(
          MatchDocument.Token(
            hash: hash, rawSpan: ScalarSpan(start: start.scalar + spanStart, end: start.scalar + spanEnd),
            isNumber: arena[offset + 12] == 1))
      }
    }
  }

  func readNormalized(_ stretch: NormalizedText, at start: (byte: Int, scalar: Int)) throws {
    let raw = UnsafeBufferPointer(rebasing: utf8[start.byte...])
    try forEachToken(of: stretch, raw: raw) { hash, span, isNumber in
      tokens.append(
        MatchDocument.Token(
          hash: hash, rawSpan: ScalarSpan(start: start.scalar + span.start, end: start.scalar + span.end),
          isNumber: isNumber))
    }
  }

  /// Calls `body` with each token of `normalized` (runs of word scalars): its hash, its
  /// raw span counted from the start of `raw` (the raw text it was normalised from, or
  /// more), and whether it is a number. A word is hashed by the name key of its raw
  /// spelling, a number by its digits.
  private func forEachToken(
    of normalized: NormalizedText, raw: UnsafeBufferPointer<UInt8>,
    _ body: (UInt64, ScalarSpan, Bool) throws -> Void
  ) throws {
    var walker = OffsetMap.Walker(normalized.offsetMap)
    // Raw spans come in order, never starting before the previous one's (two tokens may
    // share a raw scalar, as "½" gives "1⁄2"): one cursor walks the raw bytes.
    var cursor = (byte: 0, scalar: 0)
    var previousStart = cursor
    func finish(start: Int, end: Int, hash: UInt64, isNumber: Bool) throws {
      let span = walker.rawSpan(for: ScalarSpan(start: start, end: end))
      guard !isNumber else { return try body(hash, span, true) }
      if span.start < cursor.scalar { cursor = previousStart }
      while cursor.scalar < span.start { Self.step(&cursor, raw) }
      previousStart = cursor
      while cursor.scalar < span.end { Self.step(&cursor, raw) }
      try body(keyHash(of: UnsafeBufferPointer(rebasing: raw[previousStart.byte..<cursor.byte])), span, false)
    }
    var start = 0
    var hash = MatchDocument.fnvOffset
    var inWord = false
    var allDigits = true
    var offset = 0
    for scalar in normalized.text.unicodeScalars {
      if scalar.isWordScalar {
        if !inWord {
          start = offset
          hash = MatchDocument.fnvOffset
          allDigits = true
          inWord = true
        }
        hash = (hash ^ UInt64(scalar.value)) &* MatchDocument.fnvPrime
        allDigits = allDigits
          && (scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil)
      } else if inWord {
        try finish(start: start, end: offset, hash: hash, isNumber: allDigits)
        inWord = false
      }
      offset += 1
    }
    if inWord { try finish(start: start, end: offset, hash: hash, isNumber: allDigits) }
  }

  /// Moves `cursor` past one scalar of `utf8`.
  @inline(__always) private static func step(_ cursor: inout (byte: Int, scalar: Int), _ utf8: UnsafeBufferPointer<UInt8>) {
    let lead = utf8[cursor.byte]
    cursor.byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    cursor.scalar += 1
  }

  /// The hash of the name key of the spelling `word`.
  private func keyHash(of word: UnsafeBufferPointer<UInt8>) throws -> UInt64 {
    let hash = TokenMemo.hash(word)
    if case .value(let range) = memo.keyHashes.lookup(word, hash: hash) {
      return memo.keyHashes.arena.withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
      }
    }
    if memo.keyHashes.isFull { memo.keyHashes.removeAll() }
    var keyHash = MatchDocument.fnvOffset
    for scalar in try generator.key(for: String(decoding: word, as: UTF8.self)).unicodeScalars {
      keyHash = (keyHash ^ UInt64(scalar.value)) &* MatchDocument.fnvPrime
    }
    _ = withUnsafeBytes(of: keyHash.littleEndian) { memo.keyHashes.insert(word, hash: hash, value: $0) }
    return keyHash
  }
}
