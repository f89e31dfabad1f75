public import ICU
import Synchronization
import TextModel

/// A scheme compiled and ready to apply: what ``SchemeCatalog/transliterator(for:direction:)``
/// returns.
///
/// ```swift
/// let bgn = try SchemeCatalog(locales: .standard).transliterator(for: "bgn_pcgn")
/// try bgn.transliterate("Сергей Нарышкин")   // "Sergey Naryshkin"
/// ```
///
/// A locale-file scheme is applied one token at a time — a token is a run of characters
/// between ASCII whitespace, which passes through unchanged. Letter tables are applied
/// directly in Swift. ICU rule files remember the result for every distinct token, so text
/// pays for ICU's rule engine once per distinct word rather than once per occurrence, and
/// the new tokens of each block of text go to ICU together (the memory for remembered
/// tokens is bounded: it is emptied past a quarter of a million tokens). Token by token
/// gives exactly the output of whole lines because Verbatim's scheme files look at context
/// only within a word and treat the edges of the input as word edges (`locales/README.md`).
///
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
    var text = String(text)
    let output: Result<[UInt8], ICUError>
    switch engine {
    case .icuWholeLines(let icu):
      return Array(try icu.transliterate(text).utf8)
    case .icuTokens(let icu):
      output = text.withUTF8 { bytes in
        memo.withLock { memo in
          Result { () throws(ICUError) in try Self.transliterate(bytes, icu: icu, memo: &memo) }
        }
      }
    case .letterTable(let table, let nfc):
      output = text.withUTF8 { bytes in
        Result { () throws(ICUError) in try Self.transliterate(bytes, table: table, nfc: nfc) }
      }
    }
    return try output.get()
  }

  /// UTF-8 text transliterated with letter tables, token by token: a token of ASCII and
  /// basic Cyrillic (U+0400…U+045F) is in NFC as it is and is decoded directly; any other
  /// goes through NFC first.
  private static func transliterate(
    _ bytes: UnsafeBufferPointer<UInt8>, table: LetterTable, nfc: ICU.Normalizer
  ) throws(ICUError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var scalars: [Unicode.Scalar] = []
    var position = 0
    var failure: ICUError?
    forEachToken(in: bytes) { range in
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<range.lowerBound]))
      position = range.upperBound
      let token = UnsafeBufferPointer(rebasing: bytes[range])
      if decodePlain(token, into: &scalars) {
        table.transliterate(scalars, into: &output)
        return
      }
      do throws(ICUError) {
        let composed = try nfc.normalize(String(decoding: token, as: UTF8.self))
        table.transliterate(composed.unicodeScalars.filter { !$0.isMarkerNoncharacter }, into: &output)
      } catch {
        failure = failure ?? error
      }
    }
    if let failure { throw failure }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
    return output
  }

  /// Decodes a token made only of ASCII and basic Cyrillic into `scalars`; `false` when it
  /// has anything else.
  @inline(__always)
  private static func decodePlain(_ token: UnsafeBufferPointer<UInt8>, into scalars: inout [Unicode.Scalar]) -> Bool {
    scalars.removeAll(keepingCapacity: true)
    var index = 0
    while index < token.count {
      let lead = token[index]
      if lead < 0x80 {
        scalars.append(Unicode.Scalar(lead))
        index += 1
        continue
      }
      // D0 80…D1 9F: U+0400…U+045F.
      guard lead == 0xD0 || lead == 0xD1, index + 1 < token.count else { return false }
      let trail = token[index + 1]
      let value = (UInt32(lead & 0x1F) << 6) | UInt32(trail & 0x3F)
      guard trail & 0xC0 == 0x80, (0x400...0x45F).contains(value) else { return false }
      scalars.append(Unicode.Scalar(value)!)
      index += 2
    }
    return true
  }

  /// UTF-8 text transliterated by ICU token by token through `memo`.
  private static func transliterate(
    _ bytes: UnsafeBufferPointer<UInt8>, icu: ICU.Transliterator, memo: inout TokenMemo
  ) throws(ICUError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    var blockStart = 0
    while blockStart < bytes.count {
      var blockEnd = min(blockStart + Self.blockSize, bytes.count)
      while blockEnd < bytes.count, !Self.isSpace(bytes[blockEnd]) { blockEnd += 1 }
      if memo.isFull { memo.removeAll() }
      let block = UnsafeBufferPointer(rebasing: bytes[blockStart..<blockEnd])
      let tokens = try lookUpTokens(of: block, icu: icu, memo: &memo)
      try write(block, tokens: tokens, icu: icu, memo: &memo, to: &output)
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
  private static func lookUpTokens(
    of block: UnsafeBufferPointer<UInt8>, icu: ICU.Transliterator, memo: inout TokenMemo
  ) throws(ICUError) -> [(Range<Int>, Source)] {
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
    let results = try icu.transliterate(pieces: pieces)
    for (range, result) in zip(unseen, results) {
      let token = UnsafeBufferPointer(rebasing: block[range])
      memo.fill(token, hash: TokenMemo.hash(token), with: result.utf8)
    }
    return tokens
  }

  /// Appends `block` transliterated: the spaces between tokens as they are, each token's
  /// value from `memo` or computed.
  private static func write(
    _ block: UnsafeBufferPointer<UInt8>, tokens: [(Range<Int>, Source)], icu: ICU.Transliterator,
    memo: inout TokenMemo, to output: inout [UInt8]
  ) throws(ICUError) {
    var position = 0
    for (range, source) in tokens {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: block[position..<range.lowerBound]))
      position = range.upperBound
      let token = UnsafeBufferPointer(rebasing: block[range])
      switch source {
      case .remembered(let value):
        output.append(contentsOf: memo.arena[value])
      case .learnt:
        guard case .value(let value) = memo.lookup(token, hash: TokenMemo.hash(token)) else {
          preconditionFailure("a learnt token is in the memo")
        }
        output.append(contentsOf: memo.arena[value])
      case .computed:
        let text = String(decoding: token, as: UTF8.self)
        output.append(contentsOf: try icu.transliterate(text).utf8)
      }
    }
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

extension Unicode.Scalar {
  /// U+FDD0…U+FDDF, the noncharacters that Verbatim's ICU rule files use as markers; schemes
  /// drop them from input.
  fileprivate var isMarkerNoncharacter: Bool { (0xFDD0...0xFDDF).contains(value) }
}
