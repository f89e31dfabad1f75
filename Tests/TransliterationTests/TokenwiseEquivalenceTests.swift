import ICU
import Locales
import Testing
@testable import Transliteration
import _VerbatimTestSupport

/// Locale-file schemes are applied token by token with remembered results
/// (``SchemeTransliterator``); that must give exactly what their engine gives on whole
/// lines — ICU for rule files, ``LetterTable`` for letter tables — for every scheme, in both
/// directions, on the corpus and on each scheme's published samples.
@Suite struct TokenwiseEquivalenceTests {
  static let catalog = Result { try SchemeCatalog(locales: .standard) }

  /// Corpus text, every sample in both scripts and in capitals (all-caps context rules),
  /// and awkward spacing: tabs, CRLF, runs of spaces, a token longer than the remembered
  /// limit, and text around the edges.
  static let text: String = {
    let samples = PublishedSampleTests.samples { _ in true }
    var parts = Corpus.fileNames.compactMap { try? Corpus.text($0) }
    parts.append(samples.map(\.cyrillic).joined(separator: "\n"))
    parts.append(samples.map { $0.cyrillic.uppercased() }.joined(separator: " "))
    parts.append(samples.map(\.latin).joined(separator: "\t"))
    parts.append("  Щука\r\nЁЖ\t\tёж   ЪЕЗД " + String(repeating: "Щёлково-", count: 60) + " ")
    return parts.joined(separator: "\n")
  }()

  /// What the scheme's engine gives on whole lines.
  static func reference(_ scheme: Scheme, direction: ICU.Transliterator.Direction, _ text: String)
    throws -> String
  {
    switch scheme.origin {
    case .ruleFile(let path, let rules):
      return try ICU.Transliterator(rules: rules, id: path, direction: direction).transliterate(text)
    case .letterTable(let path, let tableText):
      var output: [UInt8] = []
      let nfc = try ICU.Normalizer(.nfc).normalize(text)
      try LetterTable(text: tableText, path: path).transliterate(Array(nfc.unicodeScalars), into: &output)
      return String(decoding: output, as: UTF8.self)
    case .icu:
      Issue.record("\(scheme.name) is not a locale-file scheme")
      return text
    }
  }

  @Test(arguments: try catalog.get().schemes.map(\.name))
  func forwardEqualsWholeLines(_ name: String) throws {
    let catalog = try Self.catalog.get()
    let scheme = try catalog.scheme(named: name)
    let tokenwise = try catalog.transliterator(for: name).transliterate(Self.text)
    #expect(tokenwise == (try Self.reference(scheme, direction: .forward, Self.text)))
  }

  @Test(arguments: try catalog.get().schemes.filter(\.isReversible).map(\.name))
  func reverseEqualsWholeLines(_ name: String) throws {
    let catalog = try Self.catalog.get()
    let scheme = try catalog.scheme(named: name)
    let latin = try catalog.transliterator(for: name).transliterate(Self.text)
    let tokenwise = try catalog.transliterator(for: name, direction: .reverse).transliterate(latin)
    #expect(tokenwise == (try Self.reference(scheme, direction: .reverse, latin)))
    #expect(tokenwise.contains("Щёлково"))
  }

  /// More than one block of input (blocks are 256 KB), with the memo carried across.
  @Test func manyBlocksEqualWholeLines() throws {
    let catalog = try Self.catalog.get()
    let text = String(repeating: Self.text + "\n", count: 2 * (1 << 18) / Self.text.utf8.count + 2)
    #expect(text.utf8.count > 2 * (1 << 18))
    let scheme = try catalog.scheme(named: "bgn_pcgn")
    let tokenwise = try catalog.transliterator(for: "bgn_pcgn").transliterate(text)
    #expect(tokenwise == (try Self.reference(scheme, direction: .forward, text)))
  }

  @Test func emptyAndSpaceOnlyTextPassThrough() throws {
    let bgn = try Self.catalog.get().transliterator(for: "bgn_pcgn")
    #expect(try bgn.transliterate("") == "")
    #expect(try bgn.transliterate(" \t\r\n ") == " \t\r\n ")
    #expect(try bgn.transliterate("Щукин\nЩукин") == "Shchukin\nShchukin")
  }
}
