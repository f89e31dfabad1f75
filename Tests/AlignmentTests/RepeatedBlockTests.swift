@testable import Alignment
import Testing
import TextModel

/// Where a link between repeated blocks is cut: at the start of the second copy of a repeat
/// linked inside one of its passages, when the two copies make up most of that passage.
@Suite struct RepeatedBlockTests {
  func repeatLink(_ first: Range<Int>, _ second: Range<Int>) -> PassageLink {
    PassageLink(
      first: Passage(document: 0, span: ScalarSpan(start: first.lowerBound, end: first.upperBound)),
      second: Passage(document: 0, span: ScalarSpan(start: second.lowerBound, end: second.upperBound)),
      score: 1, kind: .exact, edits: [])
  }

  @Test func cutsWhereTheSecondCopyStarts() {
    let passage = ScalarSpan(start: 100, end: 300)
    // Two copies of 95 scalars with a gap of 5: 190 of 200 covered.
    #expect(Aligner.secondCopyStart(in: passage, among: [repeatLink(100..<195, 200..<295)]) == 200)
    // The second copy may run past the passage (its tail was not matched): 95 + 90 of 200.
    #expect(Aligner.secondCopyStart(in: passage, among: [repeatLink(105..<200, 210..<305)]) == 210)
  }

  @Test func leavesPassagesThatAreMoreThanTheirRepeat() {
    let passage = ScalarSpan(start: 100, end: 300)
    // A sentence said twice in a longer passage: 2 × 40 of 200.
    #expect(Aligner.secondCopyStart(in: passage, among: [repeatLink(120..<160, 220..<260)]) == nil)
    // A repeat whose first copy starts before the passage, or whose second starts after it.
    #expect(Aligner.secondCopyStart(in: passage, among: [repeatLink(90..<190, 195..<295)]) == nil)
    #expect(Aligner.secondCopyStart(in: passage, among: [repeatLink(100..<200, 300..<400)]) == nil)
    #expect(Aligner.secondCopyStart(in: passage, among: []) == nil)
  }
}
