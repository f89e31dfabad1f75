import TextModel

/// One token of the scanner: a run of letters, a run of ASCII digits, or one other
/// non-space scalar, with its scalar offsets.
struct DateToken {
  enum Kind: UInt8 { case word, number, punctuation }

  /// What separates a token from the one before it.
  enum Gap: UInt8, Comparable {
    case none, space, newline, blankLine
    static func < (lhs: Gap, rhs: Gap) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  var kind: Kind
  var gap: Gap
  /// The first letter is upper case (words only).
  var isCapitalized: Bool
  /// The word has Cyrillic letters.
  var isCyrillic: Bool
  /// The number of digits (numbers only).
  var digits: Int32
  /// The sentence the token is in, counted from the start of the batch.
  var sentence: Int32
  /// The line the token is on, counted from the start of the text.
  var line: Int32
  /// Scalar offsets, end-exclusive.
  var start: Int
  var end: Int
  /// UTF-8 offsets, end-exclusive.
  var byteStart: Int
  var byteEnd: Int
  /// A hash of the lowercased scalars: the key for lexicon lookups.
  var key: UInt64
  /// The value of a number (capped at 10^9), or the scalar of a punctuation token.
  var value: Int

  func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    kind == .punctuation && value == Int(scalar.value)
  }

  /// Whether the token is a dash: hyphen-minus, en dash, em dash, minus, figure dash.
  var isDash: Bool {
    kind == .punctuation && (value == 0x2D || value == 0x2013 || value == 0x2014 || value == 0x2212 || value == 0x2012 || value == 0x2010)
  }
}

/// The hash used for token keys: FNV-1a over the lowercased scalars.
struct TokenKey {
  static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
  var hash: UInt64 = seed

  mutating func add(_ scalar: UInt32) {
    hash = (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
  }
}

/// Character classes and case mapping for the scanner: fast paths for ASCII, Latin-1 and
/// Cyrillic, Unicode properties for the rest.
enum ScalarClass {
  static func isSpace(_ v: UInt32) -> Bool {
    v == 0x20 || v == 0x09 || v == 0xA0 || v == 0x0B || v == 0x0C || (0x2000...0x200B).contains(v)
      || v == 0x202F || v == 0x205F || v == 0x3000 || v == 0xFEFF || v == 0x200C || v == 0x200D
  }

  static func isNewline(_ v: UInt32) -> Bool {
    v == 0x0A || v == 0x0D || v == 0x85 || v == 0x2028 || v == 0x2029
  }

  @inline(__always)
  static func isLetter(_ v: UInt32) -> Bool {
    if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
    if v < 0x100 { return v >= 0xC0 && v != 0xD7 && v != 0xF7 || v == 0xAA || v == 0xBA || v == 0xB5 }
    if (0x100...0x24F).contains(v) || (0x400...0x4FF).contains(v) || (0x300...0x36F).contains(v) { return true }
    return isOtherLetter(v)
  }

  private static func isOtherLetter(_ v: UInt32) -> Bool {
    guard let scalar = Unicode.Scalar(v) else { return false }
    let properties = scalar.properties
    return properties.isAlphabetic || properties.generalCategory == .nonspacingMark
      || properties.generalCategory == .spacingMark
  }

  static func isUppercase(_ v: UInt32) -> Bool {
    if v < 0x80 { return v >= 0x41 && v <= 0x5A }
    if v < 0x100 { return v >= 0xC0 && v <= 0xDE && v != 0xD7 }
    if (0x400...0x42F).contains(v) { return true }
    if (0x430...0x45F).contains(v) { return false }
    return Unicode.Scalar(v)?.properties.isUppercase ?? false
  }

  /// The lowercase of a scalar, added to `key` (a mapping to several scalars adds them all).
  @inline(__always)
  static func addLowercased(_ v: UInt32, to key: inout TokenKey) {
    if v < 0x80 {
      key.add(v >= 0x41 && v <= 0x5A ? v + 0x20 : v)
    } else if v < 0x100 {
      key.add(v >= 0xC0 && v <= 0xDE && v != 0xD7 ? v + 0x20 : v)
    } else if (0x410...0x42F).contains(v) {
      key.add(v + 0x20)
    } else if (0x400...0x40F).contains(v) {
      key.add(v + 0x50)
    } else if (0x430...0x45F).contains(v) {
      key.add(v)
    } else {
      addOtherLowercased(v, to: &key)
    }
  }

  private static func addOtherLowercased(_ v: UInt32, to key: inout TokenKey) {
    if let scalar = Unicode.Scalar(v), scalar.properties.changesWhenLowercased {
      for lower in scalar.properties.lowercaseMapping.unicodeScalars { key.add(lower.value) }
    } else {
      key.add(v)
    }
  }
}

/// Splits text into ``DateToken``s in one pass over its UTF-8 bytes.
struct DateTokenizer {
  /// Tokenizes `text`, calling `flush` with batches of tokens that end at a line break
  /// (a batch ends at a blank line when it can, so that no date is cut in two), and once
  /// more with the rest.
  static func tokenize(_ text: String, batchSize: Int = 4096, _ flush: (inout [DateToken]) -> Void) {
    var text = text
    text.makeContiguousUTF8()
    _ = text.utf8.withContiguousStorageIfAvailable { tokenize($0, batchSize: batchSize, flush) }
  }

  /// Tokenizes valid UTF-8 (the bytes of a `String`).
  static func tokenize(
    _ bytes: UnsafeBufferPointer<UInt8>, batchSize: Int = 4096, _ flush: (inout [DateToken]) -> Void
  ) {
    var tokens: [DateToken] = []
    tokens.reserveCapacity(min(batchSize, 4096) + 64)
    let count = bytes.count
    var p = 0
    var offset = 0
    var gap = DateToken.Gap.none
    var sentence: Int32 = 0
    var line: Int32 = 0
    var lastWasCR = false

    while p < count {
      let (v, length) = decodeValidUTF8(bytes, at: p)
      if ScalarClass.isNewline(v) {
        if !(v == 0x0A && lastWasCR) {
          gap = gap >= .newline ? .blankLine : .newline
        }
        lastWasCR = v == 0x0D
        p += length
        offset += 1
        continue
      }
      lastWasCR = false
      if ScalarClass.isSpace(v) {
        if gap == .none { gap = .space }
        p += length
        offset += 1
        continue
      }
      if gap >= .newline {
        line += 1
        if !tokens.isEmpty {
          sentence += 1
          if tokens.count >= batchSize && (gap == .blankLine || tokens.count >= batchSize * 8) {
            flush(&tokens)
            tokens.removeAll(keepingCapacity: true)
            sentence = 0
          }
        }
      }
      let start = offset
      let byteStart = p
      var key = TokenKey()
      if v >= 0x30 && v <= 0x39 {
        var value = 0
        var digits: Int32 = 0
        while p < count, bytes[p] >= 0x30, bytes[p] <= 0x39 {
          let d = UInt32(bytes[p])
          key.add(d)
          if value < 1_000_000_000 { value = value * 10 + Int(d - 0x30) }
          digits += 1
          p += 1
          offset += 1
        }
        tokens.append(DateToken(
          kind: .number, gap: gap, isCapitalized: false, isCyrillic: false, digits: digits,
          sentence: sentence, line: line, start: start, end: offset, byteStart: byteStart, byteEnd: p,
          key: key.hash, value: value))
      } else if ScalarClass.isLetter(v) {
        let capitalized = ScalarClass.isUppercase(v)
        var cyrillic = false
        var (s, sLength) = (v, length)
        repeat {
          if s >= 0x400 && s <= 0x4FF { cyrillic = true }
          ScalarClass.addLowercased(s, to: &key)
          p += sLength
          offset += 1
          guard p < count else { break }
          (s, sLength) = decodeValidUTF8(bytes, at: p)
        } while ScalarClass.isLetter(s)
        tokens.append(DateToken(
          kind: .word, gap: gap, isCapitalized: capitalized, isCyrillic: cyrillic, digits: 0,
          sentence: sentence, line: line, start: start, end: offset, byteStart: byteStart, byteEnd: p,
          key: key.hash, value: 0))
      } else {
        key.add(v)
        p += length
        offset += 1
        tokens.append(DateToken(
          kind: .punctuation, gap: gap, isCapitalized: false, isCyrillic: false, digits: 0,
          sentence: sentence, line: line, start: start, end: offset, byteStart: byteStart, byteEnd: p,
          key: key.hash, value: Int(v)))
        // A full stop ends a sentence unless a digit follows at once.
        if v == 0x21 || v == 0x3F || v == 0x2026 || v == 0x3B {
          sentence += 1
        } else if v == 0x2E && !(p < count && bytes[p] >= 0x30 && bytes[p] <= 0x39) {
          sentence += 1
        }
      }
      gap = .none
    }
    flush(&tokens)
  }

  /// The keys of a phrase from a locale file, tokenized like text.
  static func keys(of phrase: String) -> [UInt64] {
    var keys: [UInt64] = []
    tokenize(phrase, batchSize: 1 << 20) { tokens in keys += tokens.map(\.key) }
    return keys
  }
}
