/// A hash table from UTF-8 tokens to their transliteration, kept in one byte arena where
/// each value follows its token, so that a lookup hashes and compares bytes without making a
/// `String`, and a hit reads the token and its value from the same place.
///
/// Open addressing with linear probing over a power-of-two table kept at most half full.
/// A token can be present *pending*: seen, but its value not yet filled in. In front of the
/// table, a small direct-mapped cache of recently used slots keeps the frequent tokens of a
/// text (most of its words) out of a table that outgrows the processor's caches.
///
/// ```swift
/// var memo = TokenMemo()
/// let token: [UInt8] = Array("слово".utf8)
/// token.withUnsafeBufferPointer { token in
///   let hash = TokenMemo.hash(token)
///   memo.insert(token, hash: hash, value: Array("slovo".utf8))
///   memo.lookup(token, hash: hash)   // .value(range), the bytes of "slovo" in memo.arena
/// }
/// ```
public struct TokenMemo: Sendable {
  /// Where a token and its value sit in the arena; `start == -1` marks an empty slot,
  /// `valueLength == -1` a pending token.
  private struct Slot {
    var hash: UInt64 = 0
    var start: Int32 = -1
    var keyLength: Int32 = 0
    var valueLength: Int32 = -1
  }

  /// The result of a lookup.
  public enum Entry: Equatable, Sendable {
    /// The token is not in the memo.
    case absent
    /// The token is in the memo without its value.
    case pending
    /// The token's value: its bytes in ``arena``.
    case value(Range<Int>)
  }

  private var slots = [Slot](repeating: Slot(), count: 1 << 12)
  /// Copies of recently used slots, by the top bits of their hashes.
  private var recent = [Slot](repeating: Slot(), count: 1 << Self.recentBits)
  private static let recentBits = 12
  /// Tokens, each followed by its transliteration once known; ``lookup(_:hash:)`` returns
  /// ranges into it.
  public private(set) var arena: [UInt8] = []
  /// The number of tokens present, pending ones included.
  public private(set) var count = 0

  /// An empty memo.
  public init() {}

  /// Whether the memo has grown past its bounds (a quarter of a million tokens or 32 MB of
  /// bytes), so that the owner should empty it before going on.
  public var isFull: Bool {
    count >= 1 << 18 || arena.count >= 32 << 20
  }

  /// Forgets every token.
  public mutating func removeAll() {
    slots = [Slot](repeating: Slot(), count: 1 << 12)
    recent = [Slot](repeating: Slot(), count: 1 << Self.recentBits)
    arena.removeAll(keepingCapacity: true)
    count = 0
  }

  /// A hash of the bytes for the table, eight at a time: each eight (and the last one to
  /// seven, read as two overlapping halves) multiplied into a state seeded with the length,
  /// then a final mix, so that the low bits, which pick the slot, depend on every bit.
  public static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = token.count
    var hash = 0xcbf2_9ce4_8422_2325 ^ UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    guard let base = token.baseAddress else { return hash }
    let bytes = UnsafeRawPointer(base)
    @inline(__always) func absorb(_ value: UInt64) {
      hash = (hash ^ value) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 31
    }
    var index = 0
    while index + 8 <= count {
      absorb(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
      index += 8
    }
    // The rest, given its length, as one value: four bytes from either end (overlapping
    // when fewer than eight), or the first, middle and last byte.
    switch count - index {
    case 0: break
    case 4...:
      let head = UInt64(bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self))
      absorb(head | UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32)
    case let rest:
      absorb(UInt64(base[index]) | UInt64(base[index + rest / 2]) << 8 | UInt64(base[count - 1]) << 16)
    }
    hash ^= hash >> 32
    hash = hash &* 0x9e37_79b9_7f4a_7c15
    return hash ^ (hash >> 29)
  }

  /// What the memo holds for `token`.
  public mutating func lookup(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Entry {
    let recentIndex = Self.recentIndex(hash)
    var slot = recent[recentIndex]
    if !holds(slot, token, hash: hash) {
      slot = slots[slotIndex(of: token, hash: hash)]
      guard slot.start >= 0 else { return .absent }
      recent[recentIndex] = slot
    }
    guard slot.valueLength >= 0 else { return .pending }
    let valueStart = Int(slot.start + slot.keyLength)
    return .value(valueStart..<valueStart + Int(slot.valueLength))
  }

  /// Records `token` as pending; it must be absent.
  public mutating func insertPending(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) {
    add(token, hash: hash, value: EmptyCollection(), valueLength: -1)
  }

  /// Sets the value of a pending `token`: the token is written again at the end of the
  /// arena with its value after it.
  public mutating func fill(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64, with value: some Collection<UInt8>) {
    let index = slotIndex(of: token, hash: hash)
    precondition(slots[index].start >= 0, "token not present")
    slots[index].start = Int32(arena.count)
    slots[index].valueLength = Int32(value.count)
    recent[Self.recentIndex(hash)] = slots[index]
    arena.append(contentsOf: token)
    arena.append(contentsOf: value)
  }

  /// Records `token`, which must be absent, with its value.
  /// - Returns: where the value now sits in ``arena``.
  @discardableResult public mutating func insert(
    _ token: UnsafeBufferPointer<UInt8>, hash: UInt64, value: some Collection<UInt8>
  ) -> Range<Int> {
    add(token, hash: hash, value: value, valueLength: Int32(value.count))
    return (arena.count - value.count)..<arena.count
  }

  /// Places the absent `token` and `value` at the end of the arena, with the value length
  /// to record (`-1` for a pending token).
  private mutating func add(
    _ token: UnsafeBufferPointer<UInt8>, hash: UInt64, value: some Collection<UInt8>, valueLength: Int32
  ) {
    if (count + 1) * 2 > slots.count { grow() }
    let index = slotIndex(of: token, hash: hash)
    precondition(slots[index].start < 0, "token already present")
    slots[index] = Slot(
      hash: hash, start: Int32(arena.count), keyLength: Int32(token.count), valueLength: valueLength)
    recent[Self.recentIndex(hash)] = slots[index]
    arena.append(contentsOf: token)
    arena.append(contentsOf: value)
    count += 1
  }

  /// The slot holding `token`, or the empty slot where it would go.
  private func slotIndex(of token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
    let mask = slots.count - 1
    var index = Int(truncatingIfNeeded: hash) & mask
    return slots.withUnsafeBufferPointer { slots in
      while true {
        let slot = slots[index]
        if slot.start < 0 || holds(slot, token, hash: hash) { return index }
        index = (index + 1) & mask
      }
    }
  }

  /// Whether `slot` is the occupied slot of `token`.
  @inline(__always) private func holds(_ slot: Slot, _ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Bool {
    slot.hash == hash && slot.start >= 0 && Int(slot.keyLength) == token.count
      && arena.withUnsafeBufferPointer { equalBytes($0, from: Int(slot.start), token) }
  }

  /// The place in ``recent`` of a token with this hash: its top bits (the table's slot
  /// comes from the low ones).
  @inline(__always) private static func recentIndex(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash >> UInt64(64 - recentBits))
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
