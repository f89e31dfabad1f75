import Dispatch
@testable import ICU
import Synchronization
import Testing
import _VerbatimTestSupport

@Suite struct TransliteratorTests {
  // Checked with `uconv -x Russian-Latin/BGN` and `uconv -x Any-Latin`.
  @Test func builtInTransformsById() throws {
    let bgn = try ICU.Transliterator(id: "Russian-Latin/BGN")
    #expect(try bgn.transliterate("Сергей Нарышкин") == "Sergey Naryshkin")
    let anyLatin = try ICU.Transliterator(id: "Any-Latin")
    #expect(try anyLatin.transliterate("Дополнительные материалы") == "Dopolnitelʹnye materialy")
  }

  /// Threads transform with copies of the transform: at once, they get what one thread gets.
  @Test func manyThreadsAtOnceGetWhatOneGets() throws {
    let bgn = try ICU.Transliterator(id: "Russian-Latin/BGN")
    let names = ["Сергей Нарышкин", "Мария Захарова", "Сергей Лавров", "Алексей Оверчук"]
    let expected = ["Sergey Naryshkin", "Mariya Zakharova", "Sergey Lavrov", "Aleksey Overchuk"]
    let failures = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: 8) { thread in
      for round in 0..<200 {
        let index = (thread + round) % names.count
        if (try? bgn.transliterate(names[index])) != expected[index] { failures.withLock { $0 += 1 } }
      }
    }
    #expect(failures.withLock { $0 } == 0)
  }

  @Test func unknownIdIsAnErrorNamingIt() {
    #expect {
      try ICU.Transliterator(id: "Russian-Klingon")
    } throws: { error in
      "\(error)".contains("\"Russian-Klingon\"") && (error as? ICUError)?.statusName == "U_INVALID_ID"
    }
  }

  @Test func customRulesCompileAndRunBothWays() throws {
    let rules = "ш <> sh ;\nа <> a ;\n"
    let forward = try ICU.Transliterator(rules: rules, id: "test")
    #expect(try forward.transliterate("шаш") == "shash")
    let reverse = try ICU.Transliterator(rules: rules, id: "test", direction: .reverse)
    #expect(try reverse.transliterate("shash") == "шаш")
  }

  @Test func aBadRuleIsReportedWithItsLine() {
    let rules = "# a comment\nа > a ;\nб > > b ;\n"
    #expect {
      try ICU.Transliterator(rules: rules, id: "broken.txt")
    } throws: { error in
      guard let error = error as? TransformRuleError else { return false }
      return error.line == 3 && error.ruleText == "б > > b ;"
        && "\(error)".hasPrefix("broken.txt:3:")
    }
  }

  /// Chunking must not change the result: the whole of each corpus file, transliterated by
  /// lines, equals the files' lines transliterated one by one.
  @Test(arguments: Corpus.fileNames)
  func chunkedOutputEqualsLineByLine(name: String) throws {
    let text = try Corpus.text(name)
    let bgn = try ICU.Transliterator(id: "Russian-Latin/BGN")
    let lineByLine = try text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { try bgn.transliterate($0) }.joined(separator: "\n")
    #expect(try bgn.transliterate(text) == lineByLine)
  }

  @Test func longLinesAreCutAfterWhitespaceWithinTheLimit() {
    let line = Array(String(repeating: "Москва и Минск ", count: 2000).utf16)
    let chunks = ICU.Transliterator.chunks(of: line)
    #expect(chunks.count > 1)
    #expect(chunks.allSatisfy { $0.count <= ICU.Transliterator.chunkLimit })
    #expect(chunks.dropLast().allSatisfy { $0.last == 0x20 })
    #expect(Array(chunks.joined()) == line)
  }

  @Test func aLineWithoutSpacesIsStillCutAndKeepsSurrogatePairsWhole() {
    let line = Array(String(repeating: "🇷🇺", count: 5000).utf16)
    let chunks = ICU.Transliterator.chunks(of: line)
    #expect(Array(chunks.joined()) == line)
    #expect(chunks.allSatisfy { chunk in !(0xD800...0xDBFF).contains(chunk.last ?? 0) })
  }

  @Test func listsRegisteredIds() throws {
    let ids = try ICU.Transliterator.availableIDs()
    #expect(ids.contains("Russian-Latin/BGN"))
    #expect(ids.contains("Any-Latin"))
  }
}
