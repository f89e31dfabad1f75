import Foundation
import LanguageDetection
import Locales
import Testing
import TextModel

@Suite struct LanguageIdentifierTests {
  static let identifier = try! LanguageIdentifier()

  /// A line and the language it must get, each line alone.
  static let distinctiveLetters: [(String, String)] = [
    ("ї", "uk"), ("Їжак", "uk"), ("єдність", "uk"), ("ґудзик", "uk"),
    ("ў", "be"), ("ўсё", "be"), ("Беларусь і Расія", "be"),
    ("ә", "kk"), ("қала", "kk"), ("Қазақстан", "kk"), ("ұлт", "kk"), ("үй", "kk"), ("өмір", "kk"),
    ("ã", "pt"), ("irmão", "pt"), ("põe", "pt"), ("ações", "pt"),
    ("ñ", "es"), ("año", "es"), ("niño", "es"), ("España", "es"),
    ("ß", "de"), ("Straße", "de"), ("Grüße", "de"),
    ("œuvre", "fr"), ("garçon", "fr"), ("ça va", "fr"),
    ("съезд", "ru"), ("объявление", "ru"),
  ]

  @Test(arguments: distinctiveLetters)
  func distinctiveLettersDecide(text: String, expected: String) {
    check(text, expected)
  }

  static let undetermined = [
    "", "   ", "17:35", "13:56", "2016-30-09-2022", "676-12-04-2024", "12345", "3.14",
    "🇷🇺", "🎙 📍 🌐", "👍", "— — —", "•", "+7 (495) 244-16-06", "[1]", "№ 15", "12:00–13:30",
  ]

  @Test(arguments: undetermined)
  func textWithoutLettersIsUndetermined(text: String) {
    let result = Self.identifier.identify(text)
    #expect(result.language == "und", "\(text.debugDescription) → \(result.language)")
    #expect(result.confidence == 1)
    #expect(result.parts.isEmpty)
  }

  @Test func lettersNoCandidateReadsAreUndetermined() {
    for text in ["Αθήνα", "東京", "مرحبا"] {
      let result = Self.identifier.identify(text)
      #expect(result.language == "und")
      #expect(result.confidence == 0)
    }
  }

  @Test func mixedLinesNameTheirParts() {
    let line = "Read in full / Читать полностью"
    let result = Self.identifier.identify(line)
    #expect(result.language == "mixed")
    #expect(result.parts.map(\.language) == ["en", "ru"])
    #expect(result.parts.map { line.slice($0.span) } == ["Read in full", "Читать полностью"])
    #expect(result.confidence == result.parts.map(\.confidence).min())
  }

  @Test func namesInTheOtherScriptDoNotMakeALineMixed() {
    check("Сергей Лавров said that the talks were useful and constructive.", "en")
    check("Встреча с Antony Blinken состоялась в Женеве в пятницу.", "ru")
    check("Саммит BRICS пройдёт в Казани.", "ru")
  }

  @Test func offsetsCountScalars() {
    // Emoji and a decomposed letter before the parts: offsets are scalar offsets.
    let line = "🇷🇺 1 из 1 fotos do a\u{301}lbum"
    let result = Self.identifier.identify(line)
    #expect(result.language == "mixed")
    #expect(result.parts.map { line.slice($0.span) } == ["из", "fotos do a\u{301}lbum"])
    #expect(result.parts.first?.span == ScalarSpan(start: 5, end: 7))
  }

  @Test func decomposedInputReadsLikeComposed() {
    let composed = "Não há alternativa a uma solução política da crise."
    let decomposed = composed.decomposedStringWithCanonicalMapping
    #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
    #expect(Self.identifier.identify(decomposed) == Self.identifier.identify(composed))
  }

  @Test func candidatesRestrictTheAnswers() throws {
    let enRuPt = try LanguageIdentifier(candidates: ["en", "ru", "pt"])
    #expect(enRuPt.candidates == ["en", "pt", "ru"])
    // Spanish with only en/ru/pt to choose from; Ukrainian among ru only.
    #expect(enRuPt.identify("Muchas gracias por todo").language == "pt")
    #expect(enRuPt.identify("Дякую за увагу").language == "ru")
    let latinOnly = try LanguageIdentifier(candidates: ["en", "pt"])
    #expect(latinOnly.identify("Спасибо").language == "und")
  }

  @Test func anUnknownCandidateIsAnErrorNamingTheKnownCodes() {
    #expect(throws: LanguageDetectionError.self) { try LanguageIdentifier(candidates: ["xx"]) }
    do {
      _ = try LanguageIdentifier(candidates: ["en", "xx"])
    } catch {
      let message = "\(error)"
      #expect(message.contains("\"xx\""))
      #expect(message.contains("en, es, fr"))
    }
  }

  @Test func knownLanguagesComeFromTheLocaleFolders() {
    let known = Self.identifier.knownLanguages
    for code in ["en", "ru", "pt", "uk", "be", "kk", "es", "fr", "de"] {
      #expect(known.contains(code))
    }
  }

  @Test func aDocumentPriorDecidesShortAmbiguousLines() {
    // "Fotos" is Portuguese and Spanish; the document says which.
    #expect(Self.identifier.identify("Fotos", prior: .document("pt")).language == "pt")
    #expect(Self.identifier.identify("Fotos", prior: .document("es")).language == "es")
    // A long line keeps its own language whatever the prior.
    let spanish = "Los ministros debatieron la seguridad regional y la cooperación económica."
    #expect(Self.identifier.identify(spanish, prior: .document("pt")).language == "es")
  }

  @Test func documentLinesUseTheDocumentsLanguages() {
    let lines = [
      "The ministers discussed regional security and economic cooperation.",
      "Question:",
      "Colleagues,",
      "Persons",
      "17:35",
    ]
    let results = Self.identifier.identify(lines: lines)
    #expect(results.map(\.language) == ["en", "en", "en", "en", "und"])
  }

  @Test func confidenceIsAProbability() {
    for line in LabelledLine.all {
      let result = Self.identifier.identify(line.text)
      #expect((0...1).contains(result.confidence), "\(line.text)")
    }
  }

  @Test func aMalformedDataFileIsReportedWithItsLine() throws {
    var files = LocaleLibrary.standard.files
    files["en/lang_words.txt"] = "# header\nthe 1000\nbroken line here\n"
    #expect {
      _ = try LanguageIdentifier(locales: LocaleLibrary(files: files))
    } throws: { error in
      (error as? LocaleError)?.description.hasPrefix("locales/en/lang_words.txt:3:") == true
    }
  }

  private func check(_ text: String, _ expected: String) {
    let result = Self.identifier.identify(text)
    #expect(
      result.language == expected,
      "\(text): expected \(expected), found \(result.language) (\(result.confidence)); scalars \(text.unicodeScalars.map { String($0.value, radix: 16) })"
    )
  }
}
