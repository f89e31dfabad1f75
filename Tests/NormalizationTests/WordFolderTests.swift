@testable import Normalization
import Testing
import TextModel
import _VerbatimTestSupport

/// The match profile folds the words of inert lines through `WordFolder`'s memo instead of
/// the passes; these tests hold it to giving exactly what the passes give.
@Suite struct WordFolderTests {
  let match = Result { try TextNormalizer(profile: .match) }

  /// Expects the same text, changes and map with folding as with the passes, for `text`
  /// and for its normalised text; and that normalising again changes nothing.
  private func expectSameWithAndWithoutFolding(_ text: String) throws {
    let normalizer = try match.get()
    let folded = try normalizer.normalize(text, skippingInertLines: true)
    let passed = try normalizer.normalize(text, skippingInertLines: false)
    #expect(Array(folded.text.unicodeScalars) == Array(passed.text.unicodeScalars), "\(text.debugDescription)")
    #expect(folded.changes == passed.changes, "\(text.debugDescription)")
    #expect(folded.offsetMap == passed.offsetMap, "\(text.debugDescription)")
    let again = try normalizer.normalize(folded.text, skippingInertLines: true)
    #expect(try again == normalizer.normalize(folded.text, skippingInertLines: false))
    #expect(again.text == folded.text && again.changes.isEmpty, "not idempotent: \(text.debugDescription)")
  }

  @Test(arguments: Corpus.fileNames)
  func corpusGivesTheSameWithFolding(name: String) throws {
    try expectSameWithAndWithoutFolding(try Corpus.text(name))
  }

  @Test(arguments: 0..<8)
  func screenDefectLinesGiveTheSameWithFolding(seed: Int) throws {
    try expectSameWithAndWithoutFolding(
      TextSamples.screenDefectLines(lines: 400, seed: UInt64(seed)))
  }

  @Test(arguments: 0..<16)
  func generatedFoldingDefectsGiveTheSameWithFolding(seed: Int) throws {
    try expectSameWithAndWithoutFolding(
      TextSamples.foldingText(lines: 300, seed: UInt64(seed)))
    try expectSameWithAndWithoutFolding(
      TextSamples.foldingText(lines: 300, seed: UInt64(seed), mixingScripts: false))
  }

  /// Each defect alone and beside plain words, at line ends and with spaces around.
  @Test(arguments: TextSamples.foldingDefects + TextSamples.defects)
  func eachDefectGivesTheSameWithFolding(defect: String) throws {
    for text in [
      defect, "plain\n\(defect)\nplain\n", "plain \(defect)  plain", "\(defect)\n\(defect)", " \(defect) ",
      "Plain\t\(defect)\n\n Plain\n", "\(defect)Plain \(defect)",
    ] {
      try expectSameWithAndWithoutFolding(text)
    }
  }

  /// One line longer than two pieces, which the passes cut at a space, and many lines
  /// longer than one piece together.
  @Test func longTextGivesTheSameWithFolding() throws {
    var line = ""
    var generator = SplitMix(seed: 7)
    let pool = TextSamples.words + TextSamples.foldingDefects
    let spaces = TextSamples.separators.filter { !$0.contains("\n") }
    while line.unicodeScalars.count < 3 * TextNormalizer.chunkSize {
      line += pool[Int(generator.next() % UInt64(pool.count))]
      line += spaces[Int(generator.next() % UInt64(spaces.count))]
    }
    try expectSameWithAndWithoutFolding(line)
    try expectSameWithAndWithoutFolding(TextSamples.foldingText(lines: 6000, seed: 99))
  }

  /// The same words come out the same whether the memo holds them or not.
  @Test func repeatedTextGivesTheSameResult() throws {
    let normalizer = try match.get()
    let text = TextSamples.foldingText(lines: 200, seed: 3)
    let first = try normalizer.normalize(text)
    #expect(try normalizer.normalize(text) == first)
  }

  /// Switched-off kinds are left alone by the folded words as by the passes.
  @Test func switchedOffKindsGiveTheSameWithFolding() throws {
    let text = TextSamples.foldingText(lines: 300, seed: 11)
    for disabled: Set<ChangeKind> in [[.whitespace], [.fold], [.emoji, .quote], [.script, .diacritic]] {
      let normalizer = try TextNormalizer(profile: .match, disabled: disabled)
      let folded = try normalizer.normalize(text, skippingInertLines: true)
      let passed = try normalizer.normalize(text, skippingInertLines: false)
      #expect(folded == passed, "disabled \(disabled)")
    }
  }
}
