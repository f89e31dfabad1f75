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
/// ICU's own transforms (`icu:<id>`) make no such promise, so they are applied line by line.
/// One instance may be shared between threads; calls are serialised.
public final class SchemeTransliterator: Sendable {
  /// The scheme's name as given to the catalog, e.g. "bgn_pcgn".
  public let name: String
  private let icu: ICU.Transliterator
  /// Whether the rules are applied token by token (rule files) or line by line (ICU's own).
  private let isTokenwise: Bool
  private let memo = Mutex(TokenMemo())

  /// Input is handled in blocks of about this many bytes: each block's unseen tokens go to
  /// ICU in one batch.
  static let blockSize = 1 << 18
  /// Longer tokens are transformed directly and not remembered.
  static let longestRemembered = 256

  init(name: String, icu: ICU.Transliterator, tokenwise: Bool) {
    self.name = name
    self.icu = icu
    self.isTokenwise = tokenwise
  }

  /// The text with the scheme applied.
  /// - Complexity: O(*n*) in the length of the text.
  /// - Throws: ``ICUError`` when ICU fails to apply the rules.
  public func transliterate(_ text: some StringProtocol) throws(ICUError) -> String {
    guard isTokenwise else { return try icu.transliterate(text) }
    var text = String(text)
    let output = text.withUTF8 { bytes in
      memo.withLock { memo in Result { () throws(ICUError) in try transliterate(bytes, memo: &memo) } }
    }
    return String(decoding: try output.get(), as: UTF8.self)
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
      try learnTokens(of: block, memo: &memo)
      try write(block, memo: memo, to: &output)
      blockStart = blockEnd
    }
    return output
  }

  /// Puts every token of `block` that `memo` lacks into it, transliterated in one batch.
  private func learnTokens(of block: UnsafeBufferPointer<UInt8>, memo: inout TokenMemo)
    throws(ICUError)
  {
    var unseen: [Range<Int>] = []
    Self.forEachToken(in: block) { range in
      guard range.count <= Self.longestRemembered else { return }
      let token = UnsafeBufferPointer(rebasing: block[range])
      let hash = TokenMemo.hash(token)
      if memo.lookup(token, hash: hash) == .absent {
        memo.insertPending(token, hash: hash)
        unseen.append(range)
      }
    }
    guard !unseen.isEmpty else { return }
    let pieces = unseen.map { String(decoding: UnsafeBufferPointer(rebasing: block[$0]), as: UTF8.self) }
    let results = try icu.transliterate(pieces: pieces)
    for (range, result) in zip(unseen, results) {
      let token = UnsafeBufferPointer(rebasing: block[range])
      memo.fill(token, hash: TokenMemo.hash(token), with: result.utf8)
    }
  }

  /// Appends `block` transliterated: spaces as they are, remembered tokens from `memo`,
  /// long ones through ICU.
  private func write(_ block: UnsafeBufferPointer<UInt8>, memo: TokenMemo, to output: inout [UInt8])
    throws(ICUError)
  {
    var position = 0
    var failure: ICUError?
    memo.valueBytes.withUnsafeBufferPointer { values in
      Self.forEachToken(in: block) { range in
        guard failure == nil else { return }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: block[position..<range.lowerBound]))
        position = range.upperBound
        let token = UnsafeBufferPointer(rebasing: block[range])
        if case .value(let value) = memo.lookup(token, hash: TokenMemo.hash(token)) {
          output.append(contentsOf: UnsafeBufferPointer(rebasing: values[value]))
          return
        }
        do throws(ICUError) {
          let text = String(decoding: token, as: UTF8.self)
          output.append(contentsOf: try icu.transliterate(text).utf8)
        } catch {
          failure = error
        }
      }
    }
    if let failure { throw failure }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: block[position...]))
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
