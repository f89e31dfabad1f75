/// An open-addressing map from token keys to lexicon list numbers: the lookup every token
/// of a text makes, without `Hasher` (the keys are already hashes).
struct KeyTable {
  private var keys: [UInt64]
  /// The list number of each slot, -1 for an empty slot.
  private var values: [Int32]
  private let mask: Int

  /// A table holding `entries`, at most a quarter full.
  init(_ entries: [UInt64: Int32]) {
    var size = 16
    while size < entries.count * 4 { size <<= 1 }
    keys = Array(repeating: 0, count: size)
    values = Array(repeating: -1, count: size)
    mask = size - 1
    for (key, value) in entries {
      var slot = KeyTable.slot(key, mask)
      while values[slot] >= 0 { slot = (slot + 1) & mask }
      keys[slot] = key
      values[slot] = value
    }
  }

  @inline(__always)
  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key ^ key >> 31) &* 0x9E37_79B9_7F4A_7C15 >> 40) & mask
  }

  /// The list number for `key`, or -1.
  @inline(__always)
  func list(for key: UInt64) -> Int32 {
    var slot = KeyTable.slot(key, mask)
    while true {
      let value = values[slot]
      if value < 0 || keys[slot] == key { return value }
      slot = (slot + 1) & mask
    }
  }
}
