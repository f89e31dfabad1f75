@testable import Alignment
import Testing
import _VerbatimTestSupport

/// The banded aligner against the textbook recurrence (Gotoh's affine gaps), written out
/// over the whole matrix with cells outside the band unreachable.
@Suite struct LocalAlignerTests {
  /// The best local score of `a` and `b` within `halfWidth` of the diagonal `j − i = center`.
  static func referenceScore(_ a: [UInt64], _ b: [UInt64], center: Int, halfWidth: Int) -> Int32 {
    let unreachable: Int32 = -1_000_000
    let n = a.count
    let m = b.count
    func inBand(_ i: Int, _ j: Int) -> Bool { abs(j - i - center) <= halfWidth }
    var h = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
    var e = [[Int32]](repeating: [Int32](repeating: unreachable, count: m + 1), count: n + 1)
    var f = e
    var best: Int32 = 0
    for i in 1...n {
      for j in 1...m where inBand(i, j) {
        if inBand(i, j - 1) {
          e[i][j] = max(h[i][j - 1] - LocalAligner.gapOpen, e[i][j - 1] - LocalAligner.gapExtend)
        }
        if inBand(i - 1, j) {
          f[i][j] = max(h[i - 1][j] - LocalAligner.gapOpen, f[i - 1][j] - LocalAligner.gapExtend)
        }
        let diagonal = h[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? LocalAligner.match : LocalAligner.mismatch)
        h[i][j] = max(0, diagonal, e[i][j], f[i][j])
        best = max(best, h[i][j])
      }
    }
    return best
  }

  /// The score of an alignment's columns, gaps opened and extended.
  static func score(of columns: [LocalAligner.Column], _ a: [UInt64], _ b: [UInt64]) -> Int32 {
    var total: Int32 = 0
    var previousGap: Int?  // 0: a word of b alone, 1: a word of a alone
    for column in columns {
      switch (column.first, column.second) {
      case (let i?, let j?):
        total += a[i] == b[j] ? LocalAligner.match : LocalAligner.mismatch
        previousGap = nil
      case (nil, _?):
        total -= previousGap == 0 ? LocalAligner.gapExtend : LocalAligner.gapOpen
        previousGap = 0
      case (_?, nil):
        total -= previousGap == 1 ? LocalAligner.gapExtend : LocalAligner.gapOpen
        previousGap = 1
      case (nil, nil): Issue.record("an empty column")
      }
    }
    return total
  }

  @Test func bandedScoresEqualTheRecurrence() {
    var random = SplitMix(seed: 5)
    let aligner = LocalAligner()
    var aligned = 0
    for _ in 0..<3000 {
      let n = Int(random.next() % 60) + 1
      let m = Int(random.next() % 60) + 1
      let alphabet = random.next() % 6 + 2
      let a = (0..<n).map { _ in random.next() % alphabet }
      var b = (0..<m).map { _ in random.next() % alphabet }
      if random.next() % 2 == 0 {  // a copy of a piece of `a`, edited, makes long alignments
        let start = Int(random.next() % UInt64(n))
        b = Array(a[start...]) + b
        if b.count > 3 { b.remove(at: Int(random.next() % UInt64(b.count))) }
      }
      let center = Int(random.next() % 21) - 10
      let halfWidth = Int(random.next() % 20) + 1
      let expected = Self.referenceScore(a, b, center: center, halfWidth: halfWidth)
      let alignment = aligner.align(a[...], b[...], center: center, halfWidth: halfWidth)
      #expect((alignment?.score ?? 0) == expected, "a \(a) b \(b) center \(center) halfWidth \(halfWidth)")
      if let alignment {
        aligned += 1
        #expect(Self.score(of: alignment.columns, a, b) == alignment.score)
        let firsts = alignment.columns.compactMap(\.first)
        let seconds = alignment.columns.compactMap(\.second)
        #expect(firsts == Array(firsts.sorted()) && Set(firsts).count == firsts.count)
        #expect(seconds == Array(seconds.sorted()) && Set(seconds).count == seconds.count)
      }
    }
    #expect(aligned > 2000)
  }
}
