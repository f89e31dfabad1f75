public import ICU
import Synchronization

/// A scheme compiled and ready to apply: what ``SchemeCatalog/transliterator(for:direction:)``
/// returns.
///
/// ```swift
/// let bgn = try SchemeCatalog(locales: .standard).transliterator(for: "bgn_pcgn")
/// try bgn.transliterate("Сергей Нарышкин")   // "Sergey Naryshkin"
/// ```
///
/// A rule-file scheme is applied one token at a time — a token is a run of characters
/// between ASCII whitespace, which passes through unchanged — and the result for every
/// distinct token is remembered. Text then pays for ICU's rule engine once per distinct word
/// rather than once per occurrence, and the misses of each block of text go to ICU together.
/// This gives exactly the output of whole lines because Verbatim's rule files look at
/// context only within a word and treat the edges of the input as word edges
/// (`locales/README.md`). The memory for remembered tokens is bounded (it is emptied past a
/// quarter of a million tokens).
///
/// Letter-table schemes compute unseen tokens in Swift; ICU rule files send them to ICU.
/// ICU's own transforms (`icu:<id>`) make no promise of locality, so they are applied line by
/// line. One instance may be shared between threads; calls are serialised.
public final class SchemeTransliterator: Sendable {
  /// How a scheme's text is computed.
  enum Engine: Sendable {
    /// ICU transform rules from a locale file, applied token by token.
    case icuTokens(ICU.Transliterator)
    /// An ICU transform applied to whole lines.
    case icuWholeLines(ICU.Transliterator)
    /// Letter tables, applied token by token to NFC text.
    case letterTable(LetterTable, nfc: ICU.Normalizer)
  }

  /// The scheme's name as given to the catalog, e.g. "bgn_pcgn".
  public let name: String
  private let engine: Engine
  private let memo = Mutex(TokenMemo())

  /// Input is handled in blocks of about this many bytes: each block's unseen tokens go to
  /// ICU in one batch.
  static let blockSize = 1 << 18
  /// Longer tokens are transformed directly and not remembered.
  static let longestRemembered = 256

  init(name: String, engine: Engine) {
    self.name = name
    self.engine = engine
  }

  /// The text with the scheme applied.
  /// - Complexity: O(*n*) in the length of the text.
  /// - Throws: ``ICUError`` when ICU fails to apply the rules.
  public func transliterate(_ text: some StringProtocol) throws(ICUError) -> String {
    if case .icuWholeLines(let icu) = engine { return try icu.transliterate(text) }
    return String(decoding: try transliterateUTF8(text), as: UTF8.self)
  }

  /// The text with the scheme applied, as UTF-8 bytes: for writing out without another copy.
  /// - Throws: ``ICUError`` when ICU fails to apply the rules.
  public func transliterateUTF8(_ text: some StringProtocol) throws(ICUError) -> [UInt8] {
    if case .icuWholeLines(let icu) = engine { return Array(try icu.transliterate(text).utf8) }
    var text = String(text)
    let output = text.withUTF8 { bytes in
      memo.withLock { memo in Result { () throws(ICUError) in try transliterate(bytes, memo: &memo) } }
    }
    return try output.get()
  }

  /// UTF-8 text transliterated token by token through `memo`.
  private func transliterate(_ bytes: UnsafeBufferPointer<UInt8>, memo: inout TokenMemo)
    throws(ICUError) -> [UInt8]
  {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var blockStart = 0
    while blockStart < bytes.count {
      var blockEnd = min(blockStart + Self.blockSize, bytes.count)
      while blockEnd < bytes.count, !Self.isSpace(bytes[blockEnd]) { blockEnd += 1 }
      if memo.isFull { memo.removeAll() }
      let block = UnsafeBufferPointer(rebasing: bytes[blockStart..<blockEnd])
      let tokens = try lookUpTokens(of: block, memo: &memo)
      try write(block, tokens: tokens, memo: memo, to: &output)
      blockStart = blockEnd
    }
    return output
  }

  /// Where a token's transliteration is found.
  private enum Source {
    /// In the memo's value bytes.
    case remembered(Range<Int>)
    /// In the memo once the block's unseen tokens are learnt.
    case learnt
    /// Nowhere: too long to remember, computed when written.
    case computed
  }

  /// Every token of `block` with where its value is; tokens that `memo` lacks are put into
  /// it, transliterated in one batch.
  private func lookUpTokens(of block: UnsafeBufferPointer<UInt8>, memo: inout TokenMemo)
    throws(ICUError) -> [(Range<Int>, Source)]
  {
    var tokens: [(Range<Int>, Source)] = []
    var unseen: [Range<Int>] = []
    Self.forEachToken(in: block) { range in
      guard range.count <= Self.longestRemembered else {
        tokens.append((range, .computed))
        return
      }
      let token = UnsafeBufferPointer(rebasing: block[range])
      let hash = TokenMemo.hash(token)
      switch memo.lookup(token, hash: hash) {
      case .value(let value):
        tokens.append((range, .remembered(value)))
      case .pending:
        tokens.append((range, .learnt))
      case .absent:
        memo.insertPending(token, hash: hash)
        unseen.append(range)
        tokens.append((range, .learnt))
      }
    }
    guard !unseen.isEmpty else { return tokens }
    let pieces = unseen.map { String(decoding: UnsafeBufferPointer(rebasing: block[$0]), as: UTF8.self) }
    let results = try transliterate(pieces: pieces)
    for (range, result) in zip(unseen, results) {
      let token = UnsafeBufferPointer(rebasing: block[range])
      memo.fill(token, hash: TokenMemo.hash(token), with: result.utf8)
    }
    return tokens
  }

  /// Appends `block` transliterated: the spaces between tokens as they are, each token's
  /// value from `memo` or computed.
  private func write(
    _ block: UnsafeBufferPointer<UInt8>, tokens: [(Range<Int>, Source)], memo: TokenMemo,
    to output: inout [UInt8]
  ) throws(ICUError) {
    var position = 0
    try memo.arena.withUnsafeBufferPointer { values throws(ICUError) in
      for (range, source) in tokens {
        output.append(contentsOf: UnsafeBufferPointer(rebasing: block[position..<range.lowerBound]))
        position = range.upperBound
        let token = UnsafeBufferPointer(rebasing: block[range])
        switch source {
        case .remembered(let value):
          output.append(contentsOf: UnsafeBufferPointer(rebasing: values[value]))
        case .learnt:
          guard case .value(let value) = memo.lookup(token, hash: TokenMemo.hash(token)) else {
            preconditionFailure("a learnt token is in the memo")
          }
          output.append(contentsOf: UnsafeBufferPointer(rebasing: values[value]))
        case .computed:
          let text = String(decoding: token, as: UTF8.self)
          output.append(contentsOf: try transliterate(pieces: [text])[0].utf8)
        }
      }
    }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: block[position...]))
  }

  /// Each token computed on its own by the engine.
  private func transliterate(pieces: [String]) throws(ICUError) -> [String] {
    switch engine {
    case .icuTokens(let icu), .icuWholeLines(let icu):
      return try icu.transliterate(pieces: pieces)
    case .letterTable(let table, let nfc):
      var results: [String] = []
      results.reserveCapacity(pieces.count)
      for piece in pieces {
        let text = piece.unicodeScalars.allSatisfy(\.isASCIIOrCyrillic) ? piece : try nfc.normalize(piece)
        var result = ""
        table.transliterate(text.unicodeScalars.filter { !$0.isMarkerNoncharacter }, into: &result)
        results.append(result)
      }
      return results
    }
  }

  /// Calls `body` with the byte range of every run of non-space bytes, in order.
  private static func forEachToken(
    in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void
  ) {
    var index = 0
    while index < bytes.count {
      while index < bytes.count, isSpace(bytes[index]) { index += 1 }
      let start = index
      while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
      if index > start { body(start..<index) }
    }
  }

  /// ASCII space, tab, line feed or carriage return: the bytes that separate tokens.
  @inline(__always)
  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
  }
}

extension Unicode.Scalar {
  /// ASCII and the basic Cyrillic letters: text made only of these is in NFC.
  fileprivate var isASCIIOrCyrillic: Bool { value < 0x80 || (0x400...0x45F).contains(value) }

  /// U+FDD0…U+FDDF, the noncharacters that Verbatim's ICU rule files use as markers; schemes
  /// drop them from input.
  fileprivate var isMarkerNoncharacter: Bool { (0xFDD0...0xFDDF).contains(value) }
}
