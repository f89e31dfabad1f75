/// Generated text for normalisation tests: fragments that some pass changes, words no
/// pass changes, and lines drawn from them with a fixed seed, so a failure can be replayed.
public enum TextSamples {
  /// One fragment of each kind that some display pass changes, and of text none changes.
  public static let defects: [String] = [
    "&amp;", "&#8217;", "&#x2014;", "&amp;nbsp;", "&laquo;", "R&D", "\r\n", "\r", "\u{7}", "\u{7F}",
    "\u{85}", "\u{A0}", "\u{2009}", "\u{3000}", "\u{AD}", "\u{200B}", "\u{FEFF}", "\u{2060}",
    "e\u{301}", "\u{301}", "\u{323}\u{301}", "\u{212B}", "\u{F900}", "M\u{43E}scow",
    "\u{41F}p\u{438}\u{432}e\u{442}", "Су-35", "caf\u{C3}\u{A9}", "\u{E2}\u{80}\u{99}",
    "\u{420}\u{45F}\u{421}\u{402}\u{420}\u{451}", "\u{43E}\u{41F}\u{425}\u{411}\u{415}\u{420}",
    "её", "\u{E9}\u{2019}", "ção", "Ёж", "ℹ️", "🇷🇺", "👍🏽", "«Лавров»", "—", "’s", "№ 5",
    "ǅ", "\u{1100}\u{1161}", "א", "Ελλάδα", "\u{200D}\u{FE0F}", "🏳️‍🌈",
    // Words of two scripts that `LookAlikePass` rewrites, and ones it keeps: a letter
    // without a look-alike, as many letters of each script.
    "T\u{430}ня", "éтат", "Ñоль", "ab\u{432}г", "W\u{43E}дка",
  ]
  /// Words and signs that no pass changes.
  public static let words = ["Moscow", "the", "ministry", "Лавров", "заявил", "São", "Paulo", "à", "2026", "-", "(", "."]

  /// Lines of words and defects drawn with a fixed seed, so a failure can be replayed.
  public static func screenDefectLines(lines: Int, seed: UInt64) -> String {
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

  /// Fragments that some folding pass changes, or that sit at a word's edge where a pass
  /// could look across it: case, compatibility forms, marks, deletions, emoji, Cyrillic
  /// letters that vanish, and whitespace.
  public static let foldingDefects: [String] = [
    "ь", "Ъ", "въ", "\u{34F}", "a\u{34F}", "\u{34F}a", "¨", "a¨", "´", "ß", "ﬁ", "İ", "½", "™", "…",
    "№", "Ǆ", "ǈ", "µ", "ſ", "ΐ", "\u{345}", "ﷺ", "😀", "a😀", "😀a", "a😀b", "©", "\u{301}a", "ў",
    "Ўладзімір", "Naryškin", "Ålesund", "“quoted”", "‘x’", "`tick`", "--", "•", "‐", "Ёжик", "ЁЖ",
    "Й", "ǅ", "x\u{FE0F}", "\u{FE0F}", "\u{2028}", "a\u{2028}b", "„Ja“", "Su-35", "ⅲ", "①",
  ]
  /// Whitespace between fragments, and glue last.
  public static let separators = [" ", " ", " ", "  ", "\t", "\n", " \n ", "\n\n", ""]

  /// Lines of words, folding defects and display defects joined by varied whitespace or
  /// glued together, drawn with a fixed seed; without display defects and glue unless
  /// `mixingScripts`, so that no word has letters of two scripts.
  public static func foldingText(lines: Int, seed: UInt64, mixingScripts: Bool = true) -> String {
    var generator = SplitMix(seed: seed)
    func draw(_ count: Int) -> Int { Int(generator.next() % UInt64(count)) }
    let pools = [words, foldingDefects, defects]
    var text = ""
    for _ in 0..<lines {
      if draw(5) == 0 { text += separators[draw(separators.count)] }
      for _ in 0..<draw(12) {
        let pool = pools[[0, 0, 0, 1, 1, mixingScripts ? 2 : 1][draw(6)]]
        text += pool[draw(pool.count)] + separators[draw(separators.count - (mixingScripts ? 0 : 1))]
      }
      text += "\n"
    }
    return text
  }
}
