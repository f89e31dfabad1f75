@testable import Alignment
import Foundation
import Testing
import TextModel

/// Where a passage made of two copies of one passage is cut: where the second copy starts,
/// and nowhere in a passage that only repeats its opening words or a sentence.
@Suite struct RepeatedBlockTests {
  static let statement = PlantedCopyTests.statement

  /// The second copy's start in the whole of `text`, or nil.
  func secondCopyStart(_ text: String) throws -> String? {
    let aligner = try Aligner()
    let document = try aligner.prepare([("doc", text)])[0]
    let start = aligner.secondCopyStart(
      in: 0..<document.tokens.count, of: document, aligner: LocalAligner())
    return start.map { String(text.unicodeScalars.dropFirst(document.tokens[$0].rawSpan.start)) }
  }

  @Test func cutsWhereTheSecondCopyStarts() throws {
    let edited = Self.statement.replacingOccurrences(of: "this year", with: "this year #CIS")
    #expect(try secondCopyStart(Self.statement + "\n" + Self.statement) == Self.statement)
    #expect(try secondCopyStart(Self.statement + "\n" + edited) == edited)
  }

  @Test func keepsPassagesThatAreNotTwoCopies() throws {
    // The opening words come back, the rest differs.
    let reopened = Self.statement + " The CIS Foreign Ministers Council will meet again in October in Minsk, "
      + "where the delegations plan to sign a joint statement on transport corridors, customs rules and "
      + "the protection of the common information space from outside interference."
    #expect(try secondCopyStart(reopened) == nil)
    // A sentence said twice in a longer passage.
    let sentence = "We focused on the international situation, which has achieved an unprecedented level of escalation."
    #expect(try secondCopyStart(Self.statement + " " + sentence) == nil)
    // Too short to hold two links.
    #expect(try secondCopyStart("One two three four five six. One two three four five six.") == nil)
  }
}
