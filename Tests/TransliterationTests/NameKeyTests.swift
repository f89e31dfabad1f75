import Foundation
import ICU
import Locales
import Testing
import Transliteration
import _VerbatimTestSupport

/// Name keys: hand-checked pairs (`NameKeyPairs.tsv`), every published scheme's spelling of
/// a list of Russian, Ukrainian and Belarusian names, and the properties keys promise.
@Suite struct NameKeyTests {
  static let keys = Result { try NameKeyGenerator() }
  static let crossKeys = Result { try NameKeyGenerator(crossLanguage: true) }
  static let catalog = Result { try SchemeCatalog(locales: .standard) }

  // MARK: - Hand-checked pairs

  struct Pair: Sendable, CustomTestStringConvertible {
    var line: Int
    var cross: Bool
    var same: Bool
    var first: String
    var second: String
    var testDescription: String {
      "\(line): \(cross ? "cross " : "")\(first) \(same ? "=" : "≠") \(second)"
    }
  }

  static let pairs: [Pair] = {
    let url = Corpus.root.appending(path: "Tests/TransliterationTests/NameKeyPairs.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    var pairs: [Pair] = []
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    where !line.hasPrefix("#") && !line.isEmpty {
      let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard columns.count >= 4 else { continue }
      pairs.append(
        Pair(
          line: offset + 1, cross: columns[0] == "cross", same: columns[1] == "=",
          first: columns[2], second: columns[3]))
    }
    return pairs
  }()

  @Test func thePairFileIsReadInFull() {
    #expect(Self.pairs.count >= 300)
    #expect(Self.pairs.filter(\.same).count >= 150)
    #expect(Self.pairs.filter { !$0.same }.count >= 75)
  }

  @Test(arguments: pairs)
  func handCheckedPair(_ pair: Pair) throws {
    let generator = try (pair.cross ? Self.crossKeys : Self.keys).get()
    let first = try generator.key(for: pair.first)
    let second = try generator.key(for: pair.second)
    if pair.same {
      #expect(first == second, "\(pair.first) → \(first), \(pair.second) → \(second)")
    } else {
      #expect(first != second, "both give \(first)")
    }
    #expect(!first.isEmpty && !second.isEmpty)
  }

  // MARK: - Every scheme's spelling

  /// Common Russian first names and surnames, the corpus's names among them, chosen to use
  /// every letter and the contexts the schemes treat specially (word-initial е, ё after a
  /// consonant and after ь, -ий and -ый, ья, ъя, йо, double letters).
  static let russianNames = [
    "Сергей", "Лавров", "Нарышкин", "Лебедев", "Алейник", "Нуртлеу", "Пашинян", "Лукашенко",
    "Путин", "Захарова", "Зеленский", "Мирзоян", "Тасмагамбетов", "Небензя", "Шойгу",
    "Александр", "Алексей", "Андрей", "Анастасия", "Артём", "Борис", "Вячеслав", "Георгий",
    "Григорий", "Дарья", "Дмитрий", "Евгений", "Екатерина", "Елена", "Иван", "Игорь", "Илья",
    "Кирилл", "Ксения", "Людмила", "Максим", "Мария", "Михаил", "Наталья", "Николай",
    "Ольга", "Павел", "Пётр", "Семён", "Татьяна", "Фёдор", "Эдуард", "Юлия", "Юрий",
    "Ярослав", "Иванов", "Иванова", "Смирнов", "Кузнецов", "Соловьёв", "Воробьёв", "Фёдоров",
    "Андреев", "Григорьев", "Киселёв", "Королёв", "Ильин", "Медведев", "Жуков", "Щербаков",
    "Хрущёв", "Горбачёв", "Ельцин", "Жириновский", "Навальный", "Цой", "Чайковский",
    "Щукин", "Хабаров", "Майоров", "Матвиенко", "Зыкин", "Ёлкин", "Подъячев", "Объедков",
    "Ильич", "Кудрявцев", "Пономарёв", "Емельяненко", "Йошкар-Ола", "Екатеринбург",
    "Рыбаков", "Быков", "Аксёнов", "Бирюков", "Ерёмин", "Лукьянов", "Щедрин", "Чернышёв",
  ]

  /// Letters whose spelling in a scheme the key does not read, with the reason.
  static let unsupportedLetters: [String: (letters: Set<Character>, reason: String)] = [
    "scientific": (["х"], "x for х is read as ks"),
    "gost_7034": (["х"], "x for х is read as ks"),
    "gost_779_alt": (["х"], "x for х is read as ks"),
    "telegram": (["ж", "щ"], "j for ж is a glide, sc for щ is s + c"),
    "mvd_310_fr": (["ж", "ш", "щ"], "French j for ж, ch for ш, chtch for щ"),
    "icao_doc_9303": (["ъ"], "ie for ъ"),
  ]

  static let russianSchemes: [String] = {
    guard let catalog = try? catalog.get() else { return [] }
    return catalog.schemes.filter {
      $0.language == "ru" && $0.name != SchemeCatalog.reverseSchemeName
        && !$0.name.hasPrefix("name_key")
    }.map(\.name) + ["icu:Russian-Latin/BGN", "icu:Cyrillic-Latin"]
  }()

  @Test func everyRussianSchemeIsSwept() {
    #expect(Self.russianNames.count >= 80)
    #expect(Self.russianSchemes.count >= 28)
  }

  @Test(arguments: russianSchemes)
  func everySpellingOfAScheme(scheme: String) throws {
    try expectSchemeSpellingsShareKeys(
      scheme: scheme, names: Self.russianNames,
      unsupported: Self.unsupportedLetters[scheme]?.letters ?? [])
  }

  static let ukrainianNames = [
    "Київ", "Харків", "Львів", "Одеса", "Запоріжжя", "Зеленський", "Володимир", "Олександр",
    "Григорій", "Сергій", "Євген", "Юлія", "Тимошенко", "Шевченко", "Андрій", "Єрмак",
    "Кулеба", "Юрій", "Дмитро", "Наталія", "Згурівка", "Ївга", "Щербухи", "Михайло", "Ґалаґан",
  ]

  static let belarusianNames = [
    "Аляксандр", "Лукашэнка", "Віцебск", "Гомель", "Магілёў", "Панізоўе", "Вільянава",
    "Ціханоўская", "Святлана", "Рэчыца", "Брэст", "Ельск", "Мікалай", "Рыгор", "Юрый",
  ]

  @Test func ukrainianSpellingsShareKeys() throws {
    try expectSchemeSpellingsShareKeys(scheme: "national_2010", names: Self.ukrainianNames)
  }

  @Test func belarusianSpellingsShareKeys() throws {
    try expectSchemeSpellingsShareKeys(scheme: "national_2023", names: Self.belarusianNames)
  }

  /// Expects the key of each name's romanisation in `scheme` to equal the key of the
  /// name in Cyrillic, for the names without an `unsupported` letter.
  func expectSchemeSpellingsShareKeys(
    scheme: String, names: [String], unsupported: Set<Character> = []
  ) throws {
    let generator = try Self.keys.get()
    let transliterator = try Self.catalog.get().transliterator(for: scheme)
    var checked = 0
    for name in names where !name.lowercased().contains(where: unsupported.contains) {
      let latin = try transliterator.transliterate(name)
      let expected = try generator.key(for: name)
      let actual = try generator.key(for: latin)
      #expect(actual == expected, "\(scheme): \(name) → \(latin) → \(actual), not \(expected)")
      checked += 1
    }
    #expect(checked >= names.count * 3 / 4)
  }

  // MARK: - Properties

  static var allNames: [String] {
    russianNames + ukrainianNames + belarusianNames + pairs.flatMap { [$0.first, $0.second] }
  }

  @Test func cyrillicCaseDoesNotMatter() throws {
    let generator = try Self.keys.get()
    for name in Self.russianNames + Self.ukrainianNames + Self.belarusianNames {
      let key = try generator.key(for: name)
      #expect(try generator.key(for: name.uppercased()) == key, "\(name.uppercased())")
      #expect(try generator.key(for: name.lowercased()) == key, "\(name.lowercased())")
      #expect(try generator.key(for: name.capitalized) == key, "\(name.capitalized)")
    }
  }

  @Test func keysAreIdempotentLowercaseASCIIWords() throws {
    for generator in [try Self.keys.get(), try Self.crossKeys.get()] {
      for name in Self.allNames {
        let key = try generator.key(for: name)
        #expect(try generator.key(for: key) == key, "\(name) → \(key)")
        #expect(
          key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || $0 == " " },
          "\(name) → \(key)")
        #expect(!key.hasPrefix(" ") && !key.hasSuffix(" ") && !key.contains("  "))
      }
    }
  }

  @Test func spacingAndPunctuationSeparateWordsOnly() throws {
    let generator = try Self.keys.get()
    let key = try generator.key(for: "Sergey Lavrov")
    #expect(try generator.key(for: "  Sergey\t Lavrov,  ") == key)
    #expect(try generator.key(for: "«Sergey» (Lavrov)") == key)
    #expect(try generator.key(for: "") == "")
    #expect(try generator.key(for: " — ") == "")
    #expect(try generator.key(for: "Пётр I") != (try generator.key(for: "Пётр")))
  }

  @Test func theLanguageOfACyrillicLineIsReadFromItsLetters() {
    #expect(NameKeyGenerator.cyrillicLanguage(of: "Lavrov") == nil)
    #expect(NameKeyGenerator.cyrillicLanguage(of: "Лавров") == "ru")
    #expect(NameKeyGenerator.cyrillicLanguage(of: "Київ") == "uk")
    #expect(NameKeyGenerator.cyrillicLanguage(of: "Харків") == "uk")
    #expect(NameKeyGenerator.cyrillicLanguage(of: "Ґалаґан") == "uk")
    #expect(NameKeyGenerator.cyrillicLanguage(of: "Магілёў") == "be")
    #expect(NameKeyGenerator.cyrillicLanguage(of: "Рыгор Віцебскі") == "be")
  }

  @Test func aMissingRuleFileIsAClearError() throws {
    let library = LocaleLibrary(files: [:])
    #expect(throws: SchemeError.self) { try NameKeyGenerator(locales: library) }
  }

  @Test func aShortNameTakesMicroseconds() throws {
    let generator = try Self.keys.get()
    let names = ["Сергей Лавров", "Sergei Lavrov", "Naryškin", "Київ"]
    let clock = ContinuousClock()
    let rounds = 2_000
    let elapsed = try clock.measure {
      for round in 0..<rounds { _ = try generator.key(for: names[round % names.count]) }
    }
    // Generous for debug builds on a busy machine; release builds are far faster.
    #expect(elapsed / rounds < .microseconds(200), "\(elapsed / rounds) per name")
  }
}
