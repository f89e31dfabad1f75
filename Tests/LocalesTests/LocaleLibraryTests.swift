import Foundation
import Locales
import Testing
import _VerbatimTestSupport

@Suite struct LocaleLibraryTests {
  static let keyedTables = [
    "language", "months", "weekdays", "relative", "date_words", "numbers", "speakers",
  ]
  static let listTables = ["chrome", "abbreviations", "ambiguous_words"]

  @Test func embeddedFilesEqualTheLocalesFolder() throws {
    let onDisk = try LocaleLibrary(directory: Corpus.root.appending(path: "locales"))
    #expect(LocaleLibrary.standard.files == onDisk.files)
  }

  @Test func shipsTheCorpusLanguages() {
    let languages = LocaleLibrary.standard.languages
    #expect(["en", "pt", "ru"].allSatisfy(languages.contains))
  }

  @Test(arguments: ["en", "ru", "pt"])
  func everyTableParses(language: String) throws {
    let library = LocaleLibrary.standard
    for name in Self.keyedTables {
      #expect(try !library.table(name, language: language).entries.isEmpty, "\(language)/\(name)")
    }
    for name in Self.listTables {
      #expect(try !library.phrases(name, language: language).phrases.isEmpty, "\(language)/\(name)")
    }
  }

  @Test func monthsCarryEveryGrammaticalForm() throws {
    let ru = try LocaleLibrary.standard.table("months", language: "ru")
    #expect(ru.keys == (1...12).map(String.init))
    #expect(["сентябрь", "сентября", "сентябре"].allSatisfy { ru["9"]?.contains($0) == true })
    let pt = try LocaleLibrary.standard.table("months", language: "pt")
    #expect(pt["9"]?.contains("setembro") == true)
    #expect(pt["3"]?.contains("março") == true)
    let en = try LocaleLibrary.standard.table("months", language: "en")
    #expect(en["9"]?.contains("sept.") == true)
  }

  @Test func corpusChromeAndSpeakersAreListed() throws {
    let library = LocaleLibrary.standard
    let ru = try library.phrases("chrome", language: "ru").phrases.map(\.text)
    #expect(ru.contains("Дополнительные материалы"))
    let pt = try library.phrases("chrome", language: "pt").phrases.map(\.text)
    #expect(pt.contains("Para obter mais materiais"))
    #expect(try library.table("speakers", language: "ru")["question"]?.contains("вопрос") == true)
    #expect(try library.table("speakers", language: "pt")["question"]?.contains("pergunta") == true)
  }

  @Test func formsAreLowercasedAndTrimmed() throws {
    let table = try LocaleTable(file: "xx/t.txt", contents: "# header\n\n a:  One |TWO  \n")
    #expect(table["a"] == ["one", "two"])
    #expect(table.entries.first?.line == 3)
  }

  @Test func aMalformedLineIsReportedWithFileAndLine() {
    #expect {
      try LocaleTable(file: "ru/months.txt", contents: "# months\n1: январь\nфевраль февраля\n")
    } throws: { error in
      "\(error)" == "locales/ru/months.txt:3: expected \"key: form | form\", found \"февраль февраля\""
    }
  }

  @Test func repeatedKeysAndEmptyFormsAreErrors() {
    #expect(throws: LocaleError(file: "t.txt", line: 2, reason: "the key \"a\" is listed twice")) {
      try LocaleTable(file: "t.txt", contents: "a: x\na: y\n")
    }
    #expect(throws: LocaleError(file: "t.txt", line: 1, reason: "the key \"a\" has an empty form")) {
      try LocaleTable(file: "t.txt", contents: "a: x | | y\n")
    }
  }

  @Test func aPhraseListRejectsKeyedSyntax() {
    #expect(throws: LocaleError.self) {
      try PhraseList(file: "t.txt", contents: "Fotos | Photos\n")
    }
  }

  @Test func aMissingFileIsNamed() {
    #expect(throws: LocaleError(file: "xx/months.txt", reason: "no such locale file")) {
      try LocaleLibrary.standard.table("months", language: "xx")
    }
  }

  @Test func aDirectoryOverridesNothingItLacks() throws {
    let directory = FileManager.default.temporaryDirectory.appending(path: "verbatim-locales-\(UUID())")
    try FileManager.default.createDirectory(at: directory.appending(path: "uk"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data("1: січень | січня\n".utf8).write(to: directory.appending(path: "uk/months.txt"))
    let library = try LocaleLibrary(directory: directory)
    #expect(library.languages == ["uk"])
    #expect(try library.table("months", language: "uk")["1"] == ["січень", "січня"])
  }
}
