extension MatchDocument {
  /// The document as bytes, for keeping it on disk between its preparation and its
  /// alignment: the raw text, the tokens and which of them may seed. The name is not kept.
  /// Read back with ``init(name:encoded:)`` by the same build.
  public func encoded() -> [UInt8] {
    var bytes: [UInt8] = []
    let utf8 = text.utf8
    bytes.reserveCapacity(16 + utf8.count + tokens.count * (MemoryLayout<Token>.stride + 1))
    Self.append(UInt64(utf8.count), to: &bytes)
    bytes += utf8
    Self.append(UInt64(tokens.count), to: &bytes)
    tokens.withUnsafeBytes { bytes += $0 }
    bytes += isSeedable.map { $0 ? 1 : 0 }
    return bytes
  }

  /// A document read back from ``encoded()``.
  /// - Precondition: `encoded` came from `encoded()` of this build.
  public init(name: String, encoded: [UInt8]) {
    var offset = 0
    func count() -> Int {
      let value = encoded[offset..<(offset + 8)].reversed().reduce(0) { $0 << 8 | Int($1) }
      offset += 8
      return value
    }
    let textCount = count()
    let text = String(decoding: encoded[offset..<(offset + textCount)], as: UTF8.self)
    offset += textCount
    let tokenCount = count()
    let tokenBytes = tokenCount * MemoryLayout<Token>.stride
    let tokens = [Token](unsafeUninitializedCapacity: tokenCount) { buffer, initialized in
      encoded[offset..<(offset + tokenBytes)].withUnsafeBytes {
        UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0)
      }
      initialized = tokenCount
    }
    offset += tokenBytes
    let isSeedable = encoded[offset..<(offset + tokenCount)].map { $0 != 0 }
    self.init(name: name, text: text, tokens: tokens, isSeedable: isSeedable)
  }

  /// Appends `value` in little-endian order.
  private static func append(_ value: UInt64, to bytes: inout [UInt8]) {
    for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
  }
}
