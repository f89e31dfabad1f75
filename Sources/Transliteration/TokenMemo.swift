/// A hash table from UTF-8 tokens to their transliteration, kept in one byte arena where
/// each value follows its token, so that a lookup hashes and compares bytes without making a
/// `String`, and a hit reads the token and its value from the same place.
///
/// Open addressing with linear probing over a power-of-two table kept at most half full.
/// A token can be present *pending*: seen, but its value not yet filled in.
struct TokenMemo {
  /// Where a token and its value sit in the arena; `start == -1` marks an empty slot,
  /// `valueLength == -1` a pending token.
  private struct Slot {
    var hash: UInt64 = 0
    var start: Int32 = -1
    var keyLength: Int32 = 0
    var valueLength: Int32 = -1
  }

  /// The result of a lookup.
  enum Entry: Equatable {
    case absent
    case pending
    case value(Range<Int>)
  }

  private var slots = [Slot](repeating: Slot(), count: 1 << 12)
  /// Tokens, each followed by its transliteration once known; ``lookup(_:hash:)`` returns
  /// ranges into it.
  private(set) var arena: [UInt8] = []
  /// The number of tokens present, pending ones included.
  private(set) var count = 0

  /// Whether the memo has grown past its bounds (a quarter of a million tokens or 32 MB of
  /// bytes), so that the owner should empty it before going on.
  var isFull: Bool {
    count >= 1 << 18 || arena.count >= 32 << 20
  }

  /// Forgets every token.
  mutating func removeAll() {
    slots = [Slot](repeating: Slot(), count: 1 << 12)
    arena.removeAll(keepingCapacity: true)
    count = 0
  }

  /// FNV-1a over the bytes, with a final mix so that the low bits, which pick the slot,
  /// depend on every bit.
  static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in token {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    hash ^= hash >> 32
    hash = hash &* 0x9e37_79b9_7f4a_7c15
    return hash ^ (hash >> 29)
  }

  /// What the memo holds for `token`.
  func lookup(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Entry {
    let slot = slots[slotIndex(of: token, hash: hash)]
    guard slot.start >= 0 else { return .absent }
    guard slot.valueLength >= 0 else { return .pending }
    let valueStart = Int(slot.start + slot.keyLength)
    return .value(valueStart..<valueStart + Int(slot.valueLength))
  }

  /// Records `token` as pending; it must be absent.
  mutating func insertPending(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) {
    if (count + 1) * 2 > slots.count { grow() }
    let index = slotIndex(of: token, hash: hash)
    precondition(slots[index].start < 0, "token already present")
    slots[index] = Slot(hash: hash, start: Int32(arena.count), keyLength: Int32(token.count))
    arena.append(contentsOf: token)
    count += 1
  }

  /// Sets the value of a pending `token`: the token is written again at the end of the
  /// arena with its value after it.
  mutating func fill(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64, with value: some Collection<UInt8>) {
    let index = slotIndex(of: token, hash: hash)
    precondition(slots[index].start >= 0, "token not present")
    slots[index].start = Int32(arena.count)
    slots[index].valueLength = Int32(value.count)
    arena.append(contentsOf: token)
    arena.append(contentsOf: value)
  }

  /// The slot holding `token`, or the empty slot where it would go.
  private func slotIndex(of token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    return arena.withUnsafeBufferPointer { arena in
      slots.withUnsafeBufferPointer { slots in
        while true {
          let slot = slots[index]
          if slot.start < 0 { return index }
          if slot.hash == hash, Int(slot.keyLength) == token.count,
            equalBytes(arena, from: Int(slot.start), token)
          {
            return index
          }
          index = (index + 1) & mask
        }
      }
    }
  }

  /// Doubles the table, re-placing every slot.
  private mutating func grow() {
    let old = slots
    slots = [Slot](repeating: Slot(), count: old.count * 2)
    let mask = slots.count - 1
    for slot in old where slot.start >= 0 {
      var index = Int(truncatingIfNeeded: slot.hash) & mask
      while slots[index].start >= 0 { index = (index + 1) & mask }
      slots[index] = slot
    }
  }
}

/// Whether `bytes` holds `token` at `start`.
@inline(__always)
private func equalBytes(
  _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ token: UnsafeBufferPointer<UInt8>
) -> Bool {
  for offset in 0..<token.count where bytes[start + offset] != token[offset] {
    return false
  }
  return true
}
