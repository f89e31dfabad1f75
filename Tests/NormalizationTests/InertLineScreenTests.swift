import ICU
@testable import Normalization
import Testing
import TextModel
import _VerbatimTestSupport

/// The display profile copies the lines `InertLineScreen` judges inert; these tests hold it
/// to giving exactly what the passes give.
@Suite struct InertLineScreenTests {
  let display = Result { try TextNormalizer(profile: .display) }

  /// One fragment of each kind that some display pass changes, and of text none changes.
  static let defects: [String] = [
    "&amp;", "&#8217;", "&#x2014;", "&amp;nbsp;", "&laquo;", "R&D", "\r\n", "\r", "\u{7}", "\u{7F}",
    "\u{85}", "\u{A0}", "\u{2009}", "\u{3000}", "\u{AD}", "\u{200B}", "\u{FEFF}", "\u{2060}",
    "e\u{301}", "\u{301}", "\u{323}\u{301}", "\u{212B}", "\u{F900}", "M\u{43E}scow",
    "\u{41F}p\u{438}\u{432}e\u{442}", "Су-35", "caf\u{C3}\u{A9}", "\u{E2}\u{80}\u{99}",
    "\u{420}\u{45F}\u{421}\u{402}\u{420}\u{451}", "\u{43E}\u{41F}\u{425}\u{411}\u{415}\u{420}",
    "её", "\u{E9}\u{2019}", "ção", "Ёж", "ℹ️", "🇷🇺", "👍🏽", "«Лавров»", "—", "’s", "№ 5",
    "ǅ", "\u{1100}\u{1161}", "א", "Ελλάδα", "\u{200D}\u{FE0F}", "🏳️‍🌈",
  ]
  static let words = ["Moscow", "the", "ministry", "Лавров", "заявил", "São", "Paulo", "à", "2026", "-", "(", "."]

  /// Lines of words and defects drawn with a fixed seed, so a failure can be replayed.
  static func generatedText(lines: Int, seed: UInt64) -> String {
    var generator = SplitMix(seed: seed)
    func draw(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
    var text = ""
    for _ in 0..<lines {
      let length = draw(9)
      for position in 0..<length {
        let pool = draw(6) == 0 ? defects : words
        text += pool[draw(pool.count)]
        if position + 1 < length, draw(2) == 0 { text += " " }
      }
      text += "\n"
    }
    return text
  }

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
    try expectSameWithAndWithoutScreen(Self.generatedText(lines: 400, seed: UInt64(seed)))
  }

  /// Each defect alone, and between plain lines, with and without a final line feed.
  @Test(arguments: defects)
  func eachDefectGivesTheSameWithTheScreen(defect: String) throws {
    for text in [defect, "plain\n\(defect)\nplain\n", "plain\n\(defect) plain", "\(defect)\n\(defect)"] {
      try expectSameWithAndWithoutScreen(text)
    }
  }

  /// A line that the passes change is never judged inert, and ordinary lines are.
  @Test func judgesChangedLinesNotInertAndPlainLinesInert() throws {
    let normalizer = try display.get()
    let screen = try InertLineScreen.shared()
    for defect in Self.defects {
      let line = "a \(defect) b\n"
      let judged = Array(line.utf8).withUnsafeBufferPointer { screen.judgeLine($0, from: 0).inertCount }
      if try !normalizer.normalize(line, skippingInertLines: false).changes.isEmpty {
        #expect(judged == nil, "\(line.debugDescription) is changed")
      }
    }
    for line in ["Lavrov’s «speech» — São Paulo, 2026 🇷🇺\n", "Сергей Лавров заявил: «нет».\n", "ℹ️ Russia & China\n"] {
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
