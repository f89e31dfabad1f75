import Testing
import TextModel
import _VerbatimTestSupport

/// Each test on eight bytes at once against the same test byte by byte.
@Suite struct ByteLanesTests {
  /// 0x80 in the bytes of `word` (little-endian) for which `test` holds.
  func mask(_ word: UInt64, _ test: (UInt8) -> Bool) -> UInt64 {
    (0..<8).reduce(0) { mask, lane in
      test(UInt8(truncatingIfNeeded: word >> (8 * lane))) ? mask | 0x80 << (8 * lane) : mask
    }
  }

  @Test func lanesMatchBytewiseTests() {
    var random = SplitMix(seed: 3)
    // Bytes drawn from the edges the tests care about, and any byte.
    let edges: [UInt8] = [0, 1, 0x09, 0x0A, 0x1F, 0x20, 0x26, 0x2F, 0x30, 0x39, 0x3A, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xBF, 0xC0, 0xD0, 0xD1, 0xFF]
    for _ in 0..<20_000 {
      let word = (0..<8).reduce(UInt64(0)) { word, lane in
        let byte = random.next() % 2 == 0 ? edges[Int(random.next() % UInt64(edges.count))] : UInt8(truncatingIfNeeded: random.next())
        return word | UInt64(byte) << (8 * lane)
      }
      #expect(ByteLanes.zeroBytes(word) == mask(word) { $0 == 0 })
      #expect(ByteLanes.bytes(word, equalTo: 0x0A) == mask(word) { $0 == 0x0A })
      #expect(ByteLanes.bytes(word, equalTo: 0xD0) == mask(word) { $0 == 0xD0 })
      #expect(ByteLanes.continuationBytes(word) == mask(word) { $0 & 0xC0 == 0x80 })
      #expect(ByteLanes.hasByte(word, below: 0x20) == (mask(word) { $0 < 0x20 } != 0))
      let ascii = word & ~ByteLanes.highs
      #expect(ByteLanes.asciiBytes(ascii, in: 0x30...0x39) == mask(ascii) { (0x30...0x39).contains($0) })
      #expect(ByteLanes.asciiBytes(ascii, in: 0x61...0x7A) == mask(ascii) { (0x61...0x7A).contains($0) })
    }
  }
}
