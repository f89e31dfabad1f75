import Foundation
import ICU
import Locales
import Testing
import Transliteration
import _VerbatimTestSupport

/// Every scheme against the examples of its published definition (iuliia's samples for the
/// Russian schemes; the standards' own examples for uk, be and kk), stored as
/// `Samples/<language>/<scheme>.tsv`: `cyrillic<TAB>latin` per line.
@Suite struct PublishedSampleTests {
  static let samplesDirectory = Corpus.root.appending(path: "Tests/TransliterationTests/Samples")
  static let catalog = Result { try SchemeCatalog(locales: .standard) }

  struct Sample: Sendable, CustomTestStringConvertible {
    var scheme: String
    var cyrillic: String
    var latin: String
    var testDescription: String { "\(scheme): \(cyrillic)" }
  }

  static func samples(where include: (String) -> Bool) -> [Sample] {
    let languages = (try? FileManager.default.contentsOfDirectory(atPath: samplesDirectory.path)) ?? []
    var samples: [Sample] = []
    for language in languages.sorted() {
      let folder = samplesDirectory.appending(path: language)
      let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      for file in files.sorted() where file.hasSuffix(".tsv") {
        let scheme = String(file.dropLast(4))
        guard include(scheme) else { continue }
        let text = (try? String(contentsOf: folder.appending(path: file), encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
          let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
          guard columns.count == 2 else { continue }
          samples.append(Sample(scheme: scheme, cyrillic: String(columns[0]), latin: String(columns[1])))
        }
      }
    }
    return samples
  }

  @Test func everySchemeHasSamples() throws {
    let catalog = try Self.catalog.get()
    let covered = Set(Self.samples { _ in true }.map(\.scheme))
    for scheme in catalog.schemes where !scheme.isInternal {
      #expect(covered.contains(scheme.name), "\(scheme.name) has no published samples")
    }
    #expect(catalog.schemes.count >= 31)
  }

  @Test(arguments: samples { $0 != SchemeCatalog.reverseSchemeName })
  func romanisesAsPublished(sample: Sample) throws {
    let transliterator = try Self.catalog.get().transliterator(for: sample.scheme)
    #expect(try transliterator.transliterate(sample.cyrillic) == sample.latin)
  }

  @Test(arguments: samples { ["gost_779", "gost_16876"].contains($0) })
  func reversibleSchemesRoundTrip(sample: Sample) throws {
    let catalog = try Self.catalog.get()
    let reverse = try catalog.transliterator(for: sample.scheme, direction: .reverse)
    #expect(try reverse.transliterate(sample.latin) == sample.cyrillic)
  }

  @Test(arguments: samples { $0 == SchemeCatalog.reverseSchemeName })
  func reverseReadsTheLikeliestCyrillic(sample: Sample) throws {
    // Any non-reversible Russian scheme reads back through reverse_latin.
    let reverse = try Self.catalog.get().transliterator(for: "bgn_pcgn", direction: .reverse)
    #expect(try reverse.transliterate(sample.latin) == sample.cyrillic)
  }

  @Test func gost779RoundTripsTheWholeAlphabet() throws {
    let catalog = try Self.catalog.get()
    let alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    for word in [alphabet, alphabet.uppercased(), "Съешь же ещё этих мягких булок"] {
      let latin = try catalog.transliterator(for: "gost_779").transliterate(word)
      #expect(try catalog.transliterator(for: "gost_779", direction: .reverse).transliterate(latin) == word)
    }
  }

  @Test func unknownSchemesAndIcuIdsAreClearErrors() throws {
    let catalog = try Self.catalog.get()
    #expect { try catalog.transliterator(for: "bgn") } throws: { "\($0)".contains("--list") }
    #expect { try catalog.transliterator(for: "icu:Nope-Nope") } throws: { "\($0)".contains("Nope-Nope") }
    #expect(try catalog.transliterator(for: "icu:Russian-Latin/BGN").transliterate("Лавров") == "Lavrov")
  }

  @Test func aRuleFileWithoutANameIsRejected() {
    let library = LocaleLibrary(files: ["ru/translit/x.txt": "# description: nameless\nа > a;\n"])
    #expect(throws: SchemeError.self) { try SchemeCatalog(locales: library) }
  }

  @Test func aBrokenRuleFileNamesItsLine() throws {
    let library = LocaleLibrary(files: ["ru/translit/x.txt": "# name: x\nа > a;\nб > > b;\n"])
    let catalog = try SchemeCatalog(locales: library)
    #expect { try catalog.transliterator(for: "x") } throws: { "\($0)".contains("locales/ru/translit/x.txt:3") }
  }
}

@Suite struct ASCIIFolderTests {
  @Test func foldsWhatSchemesLeaveAndRemovesEmoji() throws {
    let folder = try ASCIIFolder()
    let folded = try folder.fold("Sʺezd Naryškina «ok» — 🇷🇺")
    #expect(folded.text == "S\"ezd Naryskina <<ok>> - ")
    #expect(folded.removedCount == 2)
    #expect(try folder.fold("plain ascii").removedCount == 0)
  }

  /// Every Russian scheme's samples come out pure ASCII with --ascii.
  @Test func everySchemeBecomesASCII() throws {
    let catalog = try SchemeCatalog(locales: .standard)
    let folder = try ASCIIFolder()
    let text = "Юлия, съешь ещё этих мягких французских булок из Йошкар-Олы, да выпей алтайского чаю"
    for scheme in catalog.schemes
    where scheme.language == "ru" && scheme.name != SchemeCatalog.reverseSchemeName && !scheme.isInternal {
      let latin = try catalog.transliterator(for: scheme.name).transliterate(text)
      #expect(try folder.fold(latin).text.unicodeScalars.allSatisfy(\.isASCII), "\(scheme.name)")
    }
  }
}
