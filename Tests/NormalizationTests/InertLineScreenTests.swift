import ICU
@testable import Normalization
import Testing
import TextModel
import _VerbatimTestSupport

/// The display profile copies the lines `InertLineScreen` judges inert; these tests hold it
/// to giving exactly what the passes give.
@Suite struct InertLineScreenTests {
  let display = Result { try TextNormalizer(profile: .display) }

  private func expectSameWithAndWithoutScreen(_ text: String) throws {
    let normalizer = try display.get()
    let screened = try normalizer.normalize(text, skippingInertLines: true)
    let unscreened = try normalizer.normalize(text, skippingInertLines: false)
    #expect(screened.text == unscreened.text)
    #expect(screened.changes == unscreened.changes)
    #expect(screened.offsetMap == unscreened.offsetMap)
  }

  @Test(arguments: Corpus.fileNames)
  func corpusGivesTheSameWithTheScreen(name: String) throws {
    try expectSameWithAndWithoutScreen(try Corpus.text(name))
  }

  @Test(arguments: 0..<8)
  func generatedDefectsGiveTheSameWithTheScreen(seed: Int) throws {
    try expectSameWithAndWithoutScreen(TextSamples.screenDefectLines(lines: 400, seed: UInt64(seed)))
  }

  /// Each defect alone, and between plain lines, with and without a final line feed.
  @Test(arguments: TextSamples.defects)
  func eachDefectGivesTheSameWithTheScreen(defect: String) throws {
    for text in [defect, "plain\n\(defect)\nplain\n", "plain\n\(defect) plain", "\(defect)\n\(defect)"] {
      try expectSameWithAndWithoutScreen(text)
    }
  }

  /// A line that the passes change is never judged inert, and ordinary lines are.
  @Test func judgesChangedLinesNotInertAndPlainLinesInert() throws {
    let normalizer = try display.get()
    let screen = try InertLineScreen.shared()
    for defect in TextSamples.defects {
      let line = "a \(defect) b\n"
      let judged = Array(line.utf8).withUnsafeBufferPointer { screen.judgeLine($0, from: 0).inertCount }
      if try !normalizer.normalize(line, skippingInertLines: false).changes.isEmpty {
        #expect(judged == nil, "\(line.debugDescription) is changed")
      }
    }
    for line in [
      "Lavrov’s «speech» — São Paulo, 2026 🇷🇺\n", "Сергей Лавров заявил: «нет».\n", "ℹ️ Russia & China\n",
      "Это coup d’éтат, abвг, Ñоль\n",
    ] {
      let judged = Array(line.utf8).withUnsafeBufferPointer { screen.judgeLine($0, from: 0).inertCount }
      #expect(judged == line.unicodeScalars.count, "\(line.debugDescription)")
    }
  }

  /// The screen's bytes for each scalar in each code page are what `MojibakeRepairPass`
  /// encodes it to, for every scalar the screen judges.
  @Test func codePageBytesMatchTheEncoders() throws {
    let pages = try InertLineScreen.codePageBytes()
    let converters = try MojibakeRepairPass.icuCharsets.map { try ICU.Converter(charset: $0) }
    #expect(pages.count == 1 + converters.count)
    var mismatches: [String] = []
    for range in InertLineScreen.classifiedRanges {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let expected =
          [MojibakeRepairPass.encodeSloppyWindows1252([scalar][...])]
          + converters.map { try? $0.encode(String(scalar)) }
        for (page, bytes) in expected.enumerated() where pages[page][scalar] != bytes {
          mismatches.append("U+\(String(value, radix: 16)) in code page \(page)")
        }
      }
    }
    #expect(mismatches.isEmpty)
  }
}
