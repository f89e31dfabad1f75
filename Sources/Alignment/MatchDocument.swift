public import TextModel

/// A document prepared for alignment: its `match` normalisation, cut into word tokens that
/// remember their raw spans.
public struct MatchDocument: Sendable {
  /// A word of the match text, in 16 bytes: a collection holds millions.
  public struct Token: Hashable, Sendable {
    /// A 64-bit hash of the word.
    public var hash: UInt64
    private var start: UInt32
    /// The span's end in the low 31 bits, whether the word is a number in the top bit.
    private var endAndNumber: UInt32

    /// - Precondition: the span ends before scalar 2³¹ of its document.
    public init(hash: UInt64, rawSpan: ScalarSpan, isNumber: Bool) {
      precondition(rawSpan.end < 1 << 31, "a document of more than 2³¹ scalars")
      self.hash = hash
      start = UInt32(rawSpan.start)
      endAndNumber = UInt32(rawSpan.end) | (isNumber ? 1 << 31 : 0)
    }

    /// The word's raw span.
    public var rawSpan: ScalarSpan {
      ScalarSpan(start: Int(start), end: Int(endAndNumber & 0x7FFF_FFFF))
    }

    /// Whether the word is a number (a different number is a different fact).
    public var isNumber: Bool { endAndNumber >> 31 == 1 }
  }

  /// The document's name: its path as given, or relative to the directory given.
  public var name: String
  /// The raw text.
  public var text: String
  /// The words, in order.
  public var tokens: [Token]
  /// For each token, whether it may seed a match (false inside excluded spans such as chrome).
  public var isSeedable: [Bool]

  /// Prepares `text` for alignment, cut into words by `tokenizer`; words inside `excluded`
  /// raw spans (site chrome) never seed a match.
  public init(name: String, text: String, tokenizer: MatchTokenizer, excluded: [ScalarSpan] = []) throws {
    self.name = name
    self.text = text
    tokens = try tokenizer.tokens(of: text)
    isSeedable = Self.seedability(of: tokens, excluded: excluded.sorted())
  }

  /// For each of `tokens` (in text order), whether it lies outside every `excluded` span
  /// (sorted).
  private static func seedability(of tokens: [Token], excluded: [ScalarSpan]) -> [Bool] {
    var next = 0  // the first excluded span that may still hold a token
    return tokens.map { token in
      let span = token.rawSpan
      while next < excluded.count, excluded[next].end < span.end { next += 1 }
      // Most words come before the next excluded span.
      guard next < excluded.count, excluded[next].start <= span.start else { return true }
      // Spans may nest or overlap: any that starts early enough and ends late enough.
      return !excluded[next...].prefix { $0.start <= span.start }.contains { span.end <= $0.end }
    }
  }

  /// A document from its parts, as ``init(name:encoded:)`` reads them back.
  init(name: String, text: String, tokens: [Token], isSeedable: [Bool]) {
    self.name = name
    self.text = text
    self.tokens = tokens
    self.isSeedable = isSeedable
  }

  static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
  static let fnvPrime: UInt64 = 0x100_0000_01b3

  /// The first token of the window that reaches back from `position` at most `limit` words
  /// without crossing an unseedable (chrome) token.
  func chromeFreeStart(before position: Int, limit: Int) -> Int {
    var start = min(position, tokens.count)
    while start > 0, position - start < limit, isSeedable[start - 1] { start -= 1 }
    return start
  }

  /// The end of the window that reaches forward from `position` at most `limit` words
  /// without crossing an unseedable (chrome) token.
  func chromeFreeEnd(after position: Int, limit: Int) -> Int {
    var end = min(position, tokens.count)
    while end < tokens.count, end - position < limit, isSeedable[end] { end += 1 }
    return end
  }
}
