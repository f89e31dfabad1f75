/// Tests on the eight bytes of a 64-bit word at once (a load of UTF-8), for loops that go
/// over plain text eight bytes at a time. Results are masks with 0x80 in the bytes that pass.
public enum ByteLanes {
  /// 0x01 in every byte.
  public static let ones: UInt64 = 0x0101_0101_0101_0101
  /// 0x80 in every byte.
  public static let highs: UInt64 = 0x8080_8080_8080_8080

  /// 0x80 in each byte of `word` that is zero, 0 in the others; no carry crosses bytes, so
  /// the mask is exact.
  @inlinable public static func zeroBytes(_ word: UInt64) -> UInt64 {
    ~((word & ~highs) &+ ~highs | word) & highs
  }

  /// 0x80 in each byte of `word` that is `byte`.
  @inlinable public static func bytes(_ word: UInt64, equalTo byte: UInt8) -> UInt64 {
    zeroBytes(word ^ UInt64(byte) &* ones)
  }

  /// 0x80 in each byte of `word` that continues a UTF-8 sequence (0b10xxxxxx).
  @inlinable public static func continuationBytes(_ word: UInt64) -> UInt64 {
    word & highs & ~(word << 1)
  }

  /// 0x80 in each byte of `word` within `range`, for a word whose bytes are all below 0x80.
  @inlinable public static func asciiBytes(_ word: UInt64, in range: ClosedRange<UInt8>) -> UInt64 {
    (word &+ UInt64(0x80 - range.lowerBound) &* ones) & ~(word &+ UInt64(0x7F - range.upperBound) &* ones) & highs
  }

  /// Whether a byte of `word` is below `limit`, which is at most 0x80.
  @inlinable public static func hasByte(_ word: UInt64, below limit: UInt8) -> Bool {
    (word &- UInt64(limit) &* ones) & ~word & highs != 0
  }
}
