public import Transliteration
import TextModel

/// Name keys for the words of match documents, so that "Sergey", "Sergei" and "Сергей"
/// compare as one word; each thread remembers the key of every spelling it has met, by its
/// UTF-8 bytes.
public struct NameKeys: Sendable {
  private let generator: NameKeyGenerator
  private let memos = MemoPool { KeyHashMemo() }

  public init(_ generator: NameKeyGenerator) {
    self.generator = generator
  }

  /// Gives each word token of `text` (numbers aside) the hash of the name key of its raw
  /// spelling in place of the hash of its match form.
  func rekey(_ tokens: inout [MatchDocument.Token], of text: String) throws {
    var text = text
    try text.withUTF8 { utf8 in
      try memos.withMemo { memo in try memo.rekey(&tokens, of: utf8, generator: generator) }
    }
  }
}

/// Hashes of name keys, remembered by the UTF-8 bytes of the spelling; emptied when full.
private struct KeyHashMemo: Sendable {
  private var table = TokenMemo()

  /// ``NameKeys/rekey(_:of:)`` of the text `utf8`, keys made by `generator`.
  mutating func rekey(
    _ tokens: inout [MatchDocument.Token], of utf8: UnsafeBufferPointer<UInt8>, generator: NameKeyGenerator
  ) throws {
    // Tokens come in text order, their raw spans never starting before the previous one's
    // (two tokens may share a raw scalar, as "½" gives "1⁄2").
    var cursor = (byte: 0, scalar: 0)
    var previousStart = cursor
    for index in tokens.indices where !tokens[index].isNumber {
      let span = tokens[index].rawSpan
      if span.start < cursor.scalar { cursor = previousStart }
      while cursor.scalar < span.start { Self.step(&cursor, utf8) }
      previousStart = cursor
      while cursor.scalar < span.end { Self.step(&cursor, utf8) }
      tokens[index].hash = try keyHash(
        of: UnsafeBufferPointer(rebasing: utf8[previousStart.byte..<cursor.byte]), generator: generator)
    }
  }

  /// Moves `cursor` past one scalar of `utf8`.
  @inline(__always) private static func step(_ cursor: inout (byte: Int, scalar: Int), _ utf8: UnsafeBufferPointer<UInt8>) {
    let lead = utf8[cursor.byte]
    cursor.byte += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    cursor.scalar += 1
  }

  /// The hash of the name key of `word`.
  private mutating func keyHash(of word: UnsafeBufferPointer<UInt8>, generator: NameKeyGenerator) throws -> UInt64 {
    let hash = TokenMemo.hash(word)
    if case .value(let range) = table.lookup(word, hash: hash) {
      return table.arena.withUnsafeBytes {
        UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: range.lowerBound, as: UInt64.self))
      }
    }
    if table.isFull { table.removeAll() }
    var keyHash = MatchDocument.fnvOffset
    for scalar in try generator.key(for: String(decoding: word, as: UTF8.self)).unicodeScalars {
      keyHash = (keyHash ^ UInt64(scalar.value)) &* MatchDocument.fnvPrime
    }
    withUnsafeBytes(of: keyHash.littleEndian) { table.insert(word, hash: hash, value: $0) }
    return keyHash
  }
}
