extension Aligner {
  /// How many words of `first` are found in `second`: the most matches any alignment of
  /// the two has. (Chrome words, which match nothing, have hashes of their own.)
  static func sharedWords(_ first: [UInt64], _ second: [UInt64]) -> Int {
    // Probe windows are a few dozen words: comparing every pair beats hashing them.
    guard first.count * second.count > 4096 else {
      return first.count { word in second.contains(word) }
    }
    let words = WordHashSet(second)
    return first.count { words.contains($0) }
  }

  /// A set of word hashes for one question: an open-addressing table over their bits, which
  /// are already well mixed; quicker to build and ask than `Set`, which hashes them again.
  struct WordHashSet {
    private var slots: [UInt64]
    private let shift: UInt64
    /// Whether 0, which marks an empty slot, is in the set.
    private var hasZero = false

    init(_ words: [UInt64]) {
      let bits = max(4, (2 * words.count).bitWidth - (2 * words.count).leadingZeroBitCount)
      slots = [UInt64](repeating: 0, count: 1 << bits)
      shift = UInt64(64 - bits)
      let mask = slots.count - 1
      for word in words {
        guard word != 0 else {
          hasZero = true
          continue
        }
        var index = slot(of: word)
        while slots[index] != 0, slots[index] != word { index = (index + 1) & mask }
        slots[index] = word
      }
    }

    /// Where `word`'s probe starts: the top bits of a Fibonacci hash, which mixes the
    /// small numbers that stand in for chrome too.
    @inline(__always) private func slot(of word: UInt64) -> Int {
      Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func contains(_ word: UInt64) -> Bool {
      guard word != 0 else { return hasZero }
      let mask = slots.count - 1
      var index = slot(of: word)
      while true {
        let held = slots[index]
        if held == word { return true }
        if held == 0 { return false }
        index = (index + 1) & mask
      }
    }
  }

  /// The length of the longest common subsequence of `first` and `second` when `first` has
  /// at most 64 words (else how many of its words are found in `second`): the most matches
  /// any alignment of the two has, since an alignment's matched pairs are such a subsequence.
  ///
  /// Bit-parallel (Allison and Dix; Hyyrö): one bit per word of `first`, one step per word
  /// of `second`.
  static func mostMatches(_ first: [UInt64], _ second: [UInt64]) -> Int {
    guard first.count <= 64 else { return sharedWords(first, second) }
    var unmatched = UInt64.max  // bit i clear: the subsequence grew at word i of `first`
    first.withUnsafeBufferPointer { first in
      for word in second {
        var matches: UInt64 = 0  // bit i: first[i] is `word`
        for index in first.indices { matches |= (first[index] == word ? 1 : 0) << UInt64(index) }
        let kept = unmatched & matches
        unmatched = (unmatched &+ kept) | (unmatched & ~matches)
      }
    }
    let used = first.count == 64 ? UInt64.max : (1 << UInt64(first.count)) - 1
    return first.count - (unmatched & used).nonzeroBitCount
  }
}
