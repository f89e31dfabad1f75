import Locales
import Testing
@testable import Transliteration

/// The letter-table engine on cases worked out by hand from the tables in
/// `locales/ru/translit/` (capitals, endings, word starts, the silent-letter case rule) and
/// on malformed table files.
@Suite struct LetterTableTests {
  static let catalog = Result { try SchemeCatalog(locales: .standard) }

  @Test(arguments: [
    // bgn_pcgn: щ shch, у u, к k, и i, н n; capitals next to capitals give all caps.
    ("bgn_pcgn", "Щукин", "Shchukin"),
    ("bgn_pcgn", "ЩУКИН", "SHCHUKIN"),
    // е is "ye" at the start of a word and after a vowel, "e" after a consonant.
    ("bgn_pcgn", "Ежов поехал", "Yezhov poyekhal"),
    ("bgn_pcgn", "ЕЖОВ", "YEZHOV"),
    // wikipedia: the endings -ий and -ый are "y"; Ю is "Yu".
    ("wikipedia", "Юрий", "Yury"),
    ("wikipedia", "ЮРИЙ", "YURY"),
    ("wikipedia", "красный", "krasny"),
    // A word of two letters has no ending: и i, й y.
    ("wikipedia", "ий", "iy"),
    // mvd_310_fr: к before с is written as nothing, с after к is x, я is ia; the capital К
    // passes its case to x.
    ("mvd_310_fr", "Ксения", "Xeniia"),
    // gost_52290: ъ before е is written as nothing, е after ъ is ye.
    ("gost_52290", "ОбЪезд", "ObYezd"),
    ("gost_52290", "объезд", "obyezd"),
    // Letters outside the table, digits and punctuation pass through.
    ("bgn_pcgn", "COVID-19, ок!", "COVID-19, ok!"),
  ])
  func handChecked(_ scheme: String, _ cyrillic: String, _ latin: String) throws {
    let transliterator = try Self.catalog.get().transliterator(for: scheme)
    #expect(try transliterator.transliterate(cyrillic) == latin)
  }

  @Test func decomposedInputIsComposedFirst() throws {
    let bgn = try Self.catalog.get().transliterator(for: "bgn_pcgn")
    #expect(try bgn.transliterate("Сергеи\u{306}") == "Sergey")
  }

  @Test func malformedTablesNameTheirLine() {
    #expect { try LetterTable(text: "[letters]\nа a\n", path: "t.txt") } throws: {
      "\($0)".contains("t.txt:2") && "\($0)".contains("key > value")
    }
    #expect { try LetterTable(text: "[letters]\nаб > x\n", path: "t.txt") } throws: {
      "\($0)".contains("t.txt:2")
    }
    #expect { try LetterTable(text: "[sounds]\n", path: "t.txt") } throws: {
      "\($0)".contains("unknown section")
    }
  }
}
