import ICU
import Testing
import _VerbatimTestSupport

@Suite struct SpoofCheckerTests {
  @Test func aCyrillicLetterInALatinWordIsMixedScript() throws {
    let checker = try ICU.SpoofChecker()
    let spoofed = "M\u{43E}scow"  // Cyrillic о
    #expect(try checker.check(spoofed).contains(.mixedScript))
    #expect(try checker.check("Moscow").isEmpty)
    #expect(try checker.check("Москва").isEmpty)
  }

  @Test func lookAlikesShareASkeleton() throws {
    let checker = try ICU.SpoofChecker()
    #expect(try checker.areConfusable("M\u{43E}scow", "Moscow"))
    #expect(try checker.areConfusable("\u{421}\u{421}\u{420}", "CCP"))  // Cyrillic СССР-like
    #expect(try !checker.areConfusable("Moscow", "Minsk"))
  }

  /// The corpus's own words are single-script.
  @Test func corpusNamesAreClean() throws {
    let checker = try ICU.SpoofChecker()
    for word in ["Lavrov", "Naryshkin", "Дополнительные", "álbum", "Фотоальбом"] {
      #expect(try !checker.check(word).contains(.mixedScript), "\(word)")
    }
  }
}

@Suite struct ScriptTests {
  @Test(arguments: [
    ("Ж", "Cyrl"), ("ж", "Cyrl"), ("a", "Latn"), ("á", "Latn"), ("1", "Zyyy"),
    ("\u{301}", "Zinh"), ("Σ", "Grek"), ("🇷", "Zyyy"),
  ])
  func scriptOfAScalar(character: String, shortName: String) {
    let scalar = character.unicodeScalars.first ?? "?"
    #expect(ICU.Script.of(scalar).shortName == shortName)
  }

  @Test func namedScriptsMatchTheirCodes() {
    #expect(ICU.Script(named: "Cyrl") == .cyrillic)
    #expect(ICU.Script(named: "Latin") == .latin)
    #expect(ICU.Script(named: "Common") == .common)
    #expect(ICU.Script(named: "no such script") == nil)
    #expect(ICU.Script.of("ё") == .cyrillic)
  }

  @Test func scriptExtensionsCoverSharedMarks() {
    // U+0483 COMBINING CYRILLIC TITLO is used with Cyrillic (and Old Permic).
    #expect(ICU.Script.cyrillic.isUsed(by: "\u{483}"))
    #expect(!ICU.Script.latin.isUsed(by: "\u{483}"))
  }
}

@Suite struct CaseMappingTests {
  @Test func fullCaseFolding() throws {
    #expect(try ICU.foldedCase("Straße ΣΊΣΥΦΟΣ") == "strasse σίσυφοσ")
    #expect(try ICU.foldedCase("ЛАВРОВ Lavrov") == "лавров lavrov")
  }

  @Test func localeSensitiveCase() throws {
    #expect(try ICU.lowercased("I") == "i")
    #expect(try ICU.lowercased("I", locale: "tr") == "ı")
    #expect(try ICU.uppercased("i", locale: "tr") == "İ")
    #expect(try ICU.uppercased("straße") == "STRASSE")
    #expect(try ICU.lowercased("ΟΔΟΣ") == "οδος")  // final sigma
  }
}
