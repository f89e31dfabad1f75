import Testing
import TextModel
import _VerbatimTestSupport

/// The memo against a dictionary: every token found as inserted, pending until filled,
/// absent until inserted; over enough tokens that the table grows and tokens meet in the
/// cache of recent slots, and through emptying.
@Suite struct TokenMemoTests {
  @Test func memoAnswersAsADictionary() {
    var random = SplitMix(seed: 31)
    var memo = TokenMemo()
    var reference: [[UInt8]: [UInt8]?] = [:]  // nil: pending
    // Tokens that share prefixes and lengths, each drawn several times.
    let pool = (0..<12_000).map { number in
      (0..<(number % 3 + 1)).map { _ in UInt8(0x61 + random.next() % 4) } + Array(String(number).utf8)
    }
    for round in 0..<60_000 {
      if round == 40_000 {
        memo.removeAll()
        reference.removeAll()
      }
      let token = pool[Int(random.next() % UInt64(pool.count))]
      token.withUnsafeBufferPointer { token in
        let hash = TokenMemo.hash(token)
        let key = Array(token)
        switch (memo.lookup(token, hash: hash), reference[key]) {
        case (.absent, nil):
          if random.next() % 3 == 0 {
            memo.insertPending(token, hash: hash)
            reference[key] = .some(nil)
          } else {
            let value = Array(key.reversed())
            let range = memo.insert(token, hash: hash, value: value)
            #expect(Array(memo.arena[range]) == value)
            reference[key] = value
          }
        case (.pending, .some(nil)):
          let value = key + key
          memo.fill(token, hash: hash, with: value)
          reference[key] = value
        case (.value(let range), .some(.some(let value))):
          #expect(Array(memo.arena[range]) == value, "\(key)")
        case (let found, let expected):
          Issue.record("\(key): the memo has \(found), the reference \(String(describing: expected))")
        }
      }
    }
    #expect(memo.count == reference.count)
    #expect(memo.count > 1 << 13)  // the table grew, and the recent slots were shared
  }

  /// Every byte and the length count: tokens of every length to 24 that differ in one byte,
  /// or only in length (trailing zero bytes), all hash differently.
  @Test func hashReadsEveryByteAndTheLength() {
    var hashes: Set<UInt64> = []
    var tokens = 0
    for length in 0...24 {
      let base = [UInt8](repeating: 0, count: length)
      for position in 0..<max(1, length) {
        for value in [UInt8](arrayLiteral: 0, 1, 0x80, 0xFF) where length > 0 || value == 0 {
          var token = base
          if length > 0 { token[position] = value }
          // The all-zero token of each length comes once.
          guard value != 0 || position == 0 else { continue }
          tokens += 1
          hashes.insert(token.withUnsafeBufferPointer { TokenMemo.hash($0) })
        }
      }
    }
    #expect(hashes.count == tokens)
  }
}
