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
    let tokens = document.tokens
    guard tokens.count >= k else { return [] }
    var hashes: [UInt64] = []
    hashes.reserveCapacity(tokens.count - k + 1)
    for start in 0...(tokens.count - k) {
      // Runs touching an unseedable word (chrome) get no hash.
      var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
      var seedable = true
      for offset in 0..<k {
        seedable = seedable && document.isSeedable[start + offset]
        hash = (hash ^ tokens[start + offset].hash) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 31
      }
      hashes.append(seedable ? hash : .max)
    }
    var selected: [(hash: UInt64, position: Int)] = []
    var lastPosition = -1
    let windows = max(1, hashes.count - w + 1)
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
    return selected
  }
}
