import Normalization
import Testing
import TextModel
import _VerbatimTestSupport

/// Mojibake fixtures made with Python's codecs from "Привет, «мир» — café’s":
/// `s.encode("utf-8").decode(codec)`, applied once or twice.
@Suite struct MojibakeTests {
  static let original = "Привет, «мир» — café’s"
  static let garbled: [(codec: String, text: String)] = [
    ("utf-8 read as windows-1251",
     "\u{420}\u{45F}\u{421}\u{402}\u{420}\u{451}\u{420}\u{406}\u{420}\u{B5}\u{421}\u{201A}, \u{412}\u{AB}\u{420}\u{458}\u{420}\u{451}\u{421}\u{402}\u{412}\u{BB} \u{432}\u{402}\u{201D} caf\u{413}\u{A9}\u{432}\u{402}\u{2122}s"),
    ("utf-8 read as ISO-8859-1",
     "\u{D0}\u{9F}\u{D1}\u{80}\u{D0}\u{B8}\u{D0}\u{B2}\u{D0}\u{B5}\u{D1}\u{82}, \u{C2}\u{AB}\u{D0}\u{BC}\u{D0}\u{B8}\u{D1}\u{80}\u{C2}\u{BB} \u{E2}\u{80}\u{94} caf\u{C3}\u{A9}\u{E2}\u{80}\u{99}s"),
    ("utf-8 read as KOI8-R",
     "\u{43F}\u{F7}\u{44F}\u{2500}\u{43F}\u{2566}\u{43F}\u{2561}\u{43F}\u{2563}\u{44F}\u{250C}, \u{431}\u{255A}\u{43F}\u{256A}\u{43F}\u{2566}\u{44F}\u{2500}\u{431}\u{2569} \u{411}\u{2500}\u{25A0} caf\u{446}\u{2558}\u{411}\u{2500}\u{2265}s"),
    ("utf-8 read as ISO-8859-1 twice",
     "\u{C3}\u{90}\u{C2}\u{9F}\u{C3}\u{91}\u{C2}\u{80}\u{C3}\u{90}\u{C2}\u{B8}\u{C3}\u{90}\u{C2}\u{B2}\u{C3}\u{90}\u{C2}\u{B5}\u{C3}\u{91}\u{C2}\u{82}, \u{C3}\u{82}\u{C2}\u{AB}\u{C3}\u{90}\u{C2}\u{BC}\u{C3}\u{90}\u{C2}\u{B8}\u{C3}\u{91}\u{C2}\u{80}\u{C3}\u{82}\u{C2}\u{BB} \u{C3}\u{A2}\u{C2}\u{80}\u{C2}\u{94} caf\u{C3}\u{83}\u{C2}\u{A9}\u{C3}\u{A2}\u{C2}\u{80}\u{C2}\u{99}s"),
  ]

  @Test(arguments: garbled.map(\.codec))
  func restoresTheOriginal(codec: String) throws {
    let garbled = Self.garbled.first { $0.codec == codec }?.text ?? ""
    let result = try TextNormalizer(profile: .display).normalize(garbled)
    #expect(result.text == Self.original)
    #expect(result.changes.allSatisfy { $0.kind == .mojibake })
  }

  @Test func windows1251ThenWindows1252() throws {
    // "Привет мир" through windows-1251 and then windows-1252 (Python, errors="replace").
    let garbled = "\u{D0}\u{A0}\u{D1}\u{178}\u{D0}\u{A1}\u{D0}\u{201A}\u{D0}\u{A0}\u{D1}\u{2018}\u{D0}\u{A0}\u{D0}\u{2020}\u{D0}\u{A0}\u{C2}\u{B5}\u{D0}\u{A1}\u{E2}\u{20AC}\u{161} \u{D0}\u{A0}\u{D1}\u{2DC}\u{D0}\u{A0}\u{D1}\u{2018}\u{D0}\u{A1}\u{D0}\u{201A}"
    #expect(try TextNormalizer(profile: .display).normalize(garbled).text == "Привет мир")
  }

  @Test func theSpanOfARepairIsTheGarbledRun() throws {
    let raw = "caf\u{C3}\u{A9} ok"
    let result = try TextNormalizer(profile: .display).normalize(raw)
    #expect(result.text == "café ok")
    #expect(result.changes == [Change(span: ScalarSpan(start: 3, end: 5), kind: .mojibake)])
  }

  /// Text that is not mojibake stays: the corpus, accented Latin, Russian in capitals with Ё
  /// (whose windows-1251 bytes can form valid UTF-8 of the wrong script).
  @Test(arguments: ["ЕЁ ПЁС ВСЁ Ёж", "naïve café Œuvre — «ok»", "Ação São João", "ÀÉÎÕÜ"])
  func leavesRealTextAlone(text: String) throws {
    let result = try TextNormalizer(profile: .display).normalize(text)
    #expect(result.text == text)
  }

  @Test func canBeSwitchedOff() throws {
    let normalizer = try TextNormalizer(profile: .display, disabled: [.mojibake])
    #expect(try normalizer.normalize("caf\u{C3}\u{A9}").text == "caf\u{C3}\u{A9}")
  }

  /// "Привет, дорогие коллеги! Министр иностранных дел России" read with the wrong Cyrillic
  /// code page, made with Python: `s.encode("cp1251").decode("koi8_r")` and the reverse.
  @Test(arguments: [
    "\u{43E}\u{41F}\u{425}\u{411}\u{415}\u{420}, \u{414}\u{41D}\u{41F}\u{41D}\u{426}\u{425}\u{415} \u{419}\u{41D}\u{41A}\u{41A}\u{415}\u{426}\u{425}! \u{43B}\u{425}\u{41C}\u{425}\u{42F}\u{420}\u{41F} \u{425}\u{41C}\u{41D}\u{42F}\u{420}\u{41F}\u{42E}\u{41C}\u{41C}\u{428}\u{423} \u{414}\u{415}\u{41A} \u{43F}\u{41D}\u{42F}\u{42F}\u{425}\u{425}",
    "\u{440}\u{422}\u{419}\u{427}\u{415}\u{424}, \u{414}\u{41F}\u{422}\u{41F}\u{417}\u{419}\u{415} \u{41B}\u{41F}\u{41C}\u{41C}\u{415}\u{417}\u{419}! \u{43D}\u{419}\u{41E}\u{419}\u{423}\u{424}\u{422} \u{419}\u{41E}\u{41F}\u{423}\u{424}\u{422}\u{411}\u{41E}\u{41E}\u{429}\u{418} \u{414}\u{415}\u{41C} \u{442}\u{41F}\u{423}\u{423}\u{419}\u{419}",
  ])
  func cyrillicReadWithTheOtherCodePage(garbled: String) throws {
    let result = try TextNormalizer(profile: .display).normalize(garbled)
    #expect(result.text == "Привет, дорогие коллеги! Министр иностранных дел России")
    #expect(result.changes.count == 7)
    #expect(result.changes.allSatisfy { $0.kind == .mojibake })
  }

  /// Acronyms beside one wrongly read word stay; a line all in capitals gives no sign.
  @Test func acronymsStay() throws {
    let normalizer = try TextNormalizer(profile: .display)
    #expect(try normalizer.normalize("МИД, ООН, ТАСС, СССР: \u{43E}\u{41F}\u{425}\u{411}\u{415}\u{420}").text == "МИД, ООН, ТАСС, СССР: Привет")
    #expect(try normalizer.normalize("ЗАЯВЛЕНИЕ МИД РОССИИ").text == "ЗАЯВЛЕНИЕ МИД РОССИИ")
  }
}
