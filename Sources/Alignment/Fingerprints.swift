/// Winnowed fingerprints of a token sequence (Schleimer, Wilkerson and Aiken, 2003): the
/// hash of every run of `k` words, and from every window of `w` consecutive hashes the
/// smallest. Any run of `k + w − 1` words shared by two documents yields a shared
/// fingerprint; memory grows with the text / `w`, not with the number of pairs.
struct Fingerprinter: Sendable {
  /// Words per hashed run.
  var k: Int
  /// Hashes per window.
  var w: Int

  /// The selected fingerprints: hash and the position of the run's first word.
  func fingerprints(of document: MatchDocument) -> [(hash: UInt64, position: Int)] {
    let count = document.tokens.count
    guard count >= k else { return [] }
    let hashes = [UInt64](unsafeUninitializedCapacity: count - k + 1) { hashes, initialized in
      document.tokens.withUnsafeBufferPointer { tokens in
        document.isSeedable.withUnsafeBufferPointer { isSeedable in
          // Runs touching an unseedable word (chrome) get no hash: count those in the run.
          var unseedable = isSeedable[0..<(k - 1)].count { !$0 }
          for start in 0...(count - k) {
            if !isSeedable[start + k - 1] { unseedable += 1 }
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            for offset in 0..<k {
              hash = (hash ^ tokens[start + offset].hash) &* 0xBF58_476D_1CE4_E5B9
              hash ^= hash >> 31
            }
            hashes.initializeElement(at: start, to: unseedable == 0 ? hash : .max)
            if !isSeedable[start] { unseedable -= 1 }
          }
        }
      }
      initialized = count - k + 1
    }
    var selected: [(hash: UInt64, position: Int)] = []
    selected.reserveCapacity(2 * hashes.count / (w + 1) + 1)
    var lastPosition = -1
    let windows = max(1, hashes.count - w + 1)
    hashes.withUnsafeBufferPointer { hashes in
      for windowStart in 0..<windows {
        let window = windowStart..<min(hashes.count, windowStart + w)
        // The rightmost minimum, as in the paper, so ties move forward.
        var best = window.lowerBound
        for position in window where hashes[position] <= hashes[best] { best = position }
        if best != lastPosition, hashes[best] != .max {
          selected.append((hashes[best], best))
          lastPosition = best
        }
      }
    }
    return selected
  }
}
