@testable import Alignment
import Testing
import _VerbatimTestSupport

/// `Aligner.sharedWords` counts the words of one window found in the other, by comparing
/// pairs for short windows and through `WordHashSet` for long ones; `Aligner.mostMatches`
/// is the length of their longest common subsequence.
@Suite struct SharedWordsTests {
  @Test func countsHandCheckedWindows() {
    // 1 occurs twice in the first window and once in the second: both count.
    #expect(Aligner.sharedWords([1, 2, 1, 9], [7, 1, 2]) == 3)
    #expect(Aligner.sharedWords([3, 4], [5, 6]) == 0)
    // Long windows (more than 4096 pairs) go through the set: 0, small numbers (chrome
    // stand-ins) and large hashes alike.
    let first: [UInt64] = [0, 2, 4, .max] + (1000..<1100).map { $0 &* 0x1_0000_0001 }
    let second: [UInt64] = [0, 4, .max, 5] + (1050..<1150).map { $0 &* 0x1_0000_0001 }
    #expect(first.count * second.count > 4096)
    #expect(Aligner.sharedWords(first, second) == 3 + 50)
  }

  @Test(arguments: 0..<20)
  func setAgreesWithTheStandardLibrary(seed: Int) {
    var generator = SplitMix(seed: UInt64(seed))
    // Few distinct values, so that many words are shared; some tiny, some anything.
    let distinct = Int(generator.next() % 300) + 1
    let values = (0..<distinct).map { index in index % 3 == 0 ? UInt64(index) : generator.next() }
    func window() -> [UInt64] {
      (0..<Int(generator.next() % 400) + 1).map { _ in values[Int(generator.next() % UInt64(distinct))] }
    }
    let (first, second) = (window(), window())
    let expected = first.count { Set(second).contains($0) }
    #expect(Aligner.sharedWords(first, second) == expected)
    let set = Aligner.WordHashSet(second)
    #expect(values.allSatisfy { set.contains($0) == second.contains($0) })
  }

  /// The longest common subsequence by the textbook recurrence.
  static func referenceLCS(_ a: [UInt64], _ b: [UInt64]) -> Int {
    var above = [Int](repeating: 0, count: b.count + 1)
    for word in a {
      var row = [0]
      for (j, other) in b.enumerated() { row.append(word == other ? above[j] + 1 : max(above[j + 1], row[j])) }
      above = row
    }
    return above[b.count]
  }

  @Test func mostMatchesIsTheLongestCommonSubsequence() {
    // "ABCBDAB" and "BDCABA" share "BCBA" (four), and no longer subsequence.
    let a: [UInt64] = [1, 2, 3, 2, 4, 1, 2]
    let b: [UInt64] = [2, 4, 3, 1, 2, 1]
    #expect(Aligner.mostMatches(a, b) == 4)
    // Words in another order share fewer than they have in common.
    #expect(Aligner.mostMatches([1, 2, 3], [3, 2, 1]) == 1)
    #expect(Aligner.sharedWords([1, 2, 3], [3, 2, 1]) == 3)
    var generator = SplitMix(seed: 7)
    for length in [1, 2, 30, 63, 64, 65, 90] {
      for _ in 0..<30 {
        let first = (0..<length).map { _ in generator.next() % 6 }
        let second = (0..<Int(generator.next() % 80)).map { _ in generator.next() % 6 }
        let expected = length <= 64 ? Self.referenceLCS(first, second) : Aligner.sharedWords(first, second)
        #expect(Aligner.mostMatches(first, second) == expected, "\(first) \(second)")
      }
    }
  }
}
