@testable import Alignment
import Testing
import TextModel
import _VerbatimTestSupport

/// Winnowing against its definition, written out plainly: hash every run of k words (none
/// for a run touching chrome), keep the rightmost smallest hash of every window of w.
@Suite struct FingerprinterTests {
  static func reference(_ hashes: [UInt64], seedable: [Bool], k: Int, w: Int) -> [(hash: UInt64, position: Int)] {
    guard hashes.count >= k else { return [] }
    let runs = (0...(hashes.count - k)).map { start -> UInt64 in
      guard seedable[start..<(start + k)].allSatisfy({ $0 }) else { return .max }
      var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
      for word in hashes[start..<(start + k)] {
        hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
      }
      return hash
    }
    var selected: [(hash: UInt64, position: Int)] = []
    for windowStart in 0..<max(1, runs.count - w + 1) {
      let window = windowStart..<min(runs.count, windowStart + w)
      let smallest = runs[window].min()!
      let best = window.last { runs[$0] == smallest }!
      if best != selected.last?.position, smallest != .max { selected.append((smallest, best)) }
    }
    return selected
  }

  @Test func fingerprintsFollowTheDefinition() {
    var random = SplitMix(seed: 41)
    for _ in 0..<500 {
      let count = Int(random.next() % 80)
      // A small vocabulary makes equal runs and ties; chrome comes in stretches.
      let hashes = (0..<count).map { _ in random.next() % 6 }
      var seedable: [Bool] = []
      while seedable.count < count {
        let isChrome = random.next() % 5 == 0
        seedable += Array(repeating: !isChrome, count: Int(random.next() % 12) + 1)
      }
      seedable = Array(seedable.prefix(count))
      let document = MatchDocument(
        name: "d", text: "",
        tokens: hashes.enumerated().map { MatchDocument.Token(hash: $1, rawSpan: ScalarSpan(start: $0, end: $0 + 1), isNumber: false) },
        isSeedable: seedable)
      for (k, w) in [(5, 4), (1, 1), (3, 7)] {
        let found = Fingerprinter(k: k, w: w).fingerprints(of: document)
        let expected = Self.reference(hashes, seedable: seedable, k: k, w: w)
        #expect(found.map(\.hash) == expected.map(\.hash) && found.map(\.position) == expected.map(\.position))
      }
    }
  }
}
