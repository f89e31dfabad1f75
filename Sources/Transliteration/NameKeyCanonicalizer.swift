/// The Latin half of ``NameKeyGenerator``: one spelling for every way the romanisation
/// schemes write a sound (steps 2–4 of the generator's documentation).
///
/// It works on scalars of lowercased, NFKD-decomposed text: a letter and its combining marks
/// are read together, so "š" arrives as "s" + U+030C. Each word becomes a list of
/// ``Sound``s, a few passes fold the sequences that the schemes write differently, and the
/// sounds are written back as ASCII.
enum NameKeyCanonicalizer {
  /// One sound of a word.
  enum Sound: Equatable {
    /// a, e, i, o or u.
    case vowel(UInt8)
    /// The y-glide of я ю е ё (ya, ia, ja, â…); written "y".
    case glide
    case consonant(Consonant)
    /// A digit or a letter of another script, kept as it is.
    case literal(Unicode.Scalar)

    static let a = Sound.vowel(UInt8(ascii: "a"))
    static let e = Sound.vowel(UInt8(ascii: "e"))
    static let i = Sound.vowel(UInt8(ascii: "i"))
    static let o = Sound.vowel(UInt8(ascii: "o"))
    static let u = Sound.vowel(UInt8(ascii: "u"))

    var isConsonant: Bool {
      if case .consonant = self { true } else { false }
    }
  }

  /// The consonants of the key, written as their raw values.
  enum Consonant: String {
    case b, v, g, d, zh, z, k, l, m, n, p, r, s, t, f, kh, c, ch, sh, shch
  }

  /// The key of lowercase-able Latin text (Cyrillic already transliterated).
  static func key(ofLatin text: String, crossLanguage: Bool) -> String {
    var output = ""
    for word in letterWords(of: text) {
      var sounds = self.sounds(of: word)
      fold(&sounds)
      if crossLanguage { foldAcrossLanguages(&sounds) }
      guard !sounds.isEmpty else { continue }
      if !output.isEmpty { output.append(" ") }
      write(sounds, to: &output)
    }
    return output
  }

  // MARK: - Step 2: letters

  /// Signs the schemes use for ъ, ь, separators and apostrophes: dropped inside a word.
  static func isDroppedSign(_ value: UInt32) -> Bool {
    switch value {
    case 0x27, 0x22, 0x60, 0xB4, 0xB7, 0x2B9, 0x2BA, 0x2BB, 0x2BC, 0x2BE, 0x2BF, 0x2C8, 0x2018,
      0x2019, 0x201C, 0x201D, 0x2032, 0x2033, 0x2027:
      true
    default: false
    }
  }

  /// Combining marks that change a letter's sound in some scheme.
  static let caron: UInt32 = 0x30C
  static let acute: UInt32 = 0x301
  static let circumflex: UInt32 = 0x302
  static let diaeresis: UInt32 = 0x308
  static let breve: UInt32 = 0x306

  /// The words of the text as lowercase ASCII letters (plus digits and letters of other
  /// scripts), with sound-bearing diacritics spelled out and every other mark dropped.
  static func letterWords(of text: String) -> [[Unicode.Scalar]] {
    let scalars = Array(text.lowercased().unicodeScalars)
    let isoLine = hasISO9Signs(scalars)
    var words: [[Unicode.Scalar]] = []
    var word: [Unicode.Scalar] = []
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      var next = index + 1
      var mark: UInt32? = nil
      while next < scalars.count, isCombiningMark(scalars[next]) {
        if mark == nil, isSoundMark(scalars[next].value) { mark = scalars[next].value }
        next += 1
      }
      defer { index = next }
      if isCombiningMark(scalar) || isDroppedSign(scalar.value) { continue }
      guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
        if !word.isEmpty { words.append(word) }
        word.removeAll(keepingCapacity: true)
        continue
      }
      if let mark, let spelled = spelledOut(scalar, mark: mark) {
        // Portuguese â (Ângela, Tânia) is a plain a; ISO 9's â is я. An â at the start of a
        // word or after a consonant, and before m or n, is read as Portuguese unless the
        // line has other ISO 9 signs (Pašinân).
        let nextBase = next < scalars.count ? scalars[next] : " "
        let afterConsonant = word.last.map { !"aeiouy".unicodeScalars.contains($0) } ?? true
        if scalar == "a", mark == circumflex, !isoLine, afterConsonant,
          nextBase == "m" || nextBase == "n"
        {
          word.append("a")
        } else {
          word.append(contentsOf: spelled.unicodeScalars)
        }
        continue
      }
      switch scalar {
      case "ß": word.append(contentsOf: ["s", "s"])
      case "æ": word.append(contentsOf: ["a", "e"])
      case "œ": word.append(contentsOf: ["o", "e"])
      case "ø": word.append("o")
      case "đ", "ð": word.append("d")
      case "ł": word.append("l")
      case "ı": word.append("i")
      default: word.append(scalar)
      }
    }
    if !word.isEmpty { words.append(word) }
    return words
  }

  static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x300 { return false }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  static func isSoundMark(_ value: UInt32) -> Bool {
    value == caron || value == acute || value == circumflex || value == diaeresis
      || value == breve
  }

  /// The spelling of a letter with a sound-bearing mark, e.g. "sh" for s + caron (š).
  static func spelledOut(_ base: Unicode.Scalar, mark: UInt32) -> String? {
    switch (base, mark) {
    case ("s", caron): "sh"
    case ("z", caron), ("z", circumflex): "zh"
    case ("c", caron), ("c", acute), ("c", circumflex): "ch"
    case ("s", circumflex): "shch"  // ISO 9 ŝ
    case ("e", diaeresis): "yo"  // ë
    case ("i", diaeresis): "yi"  // ISO 9 ï (Ukrainian ї)
    case ("a", circumflex): "ya"  // ISO 9 â
    case ("u", circumflex): "yu"  // ISO 9 û
    case ("e", circumflex): "ye"  // ISO 9 ê (Ukrainian є)
    case ("i", breve): "y"  // ALA-LC, BS 2979 ĭ
    case ("u", breve): "w"  // Belarusian ŭ
    default: nil
    }
  }

  /// Whether the line has a sign only ISO 9 and its relatives use (š ž č ŝ û ë ʹ ʺ).
  static func hasISO9Signs(_ scalars: [Unicode.Scalar]) -> Bool {
    for (offset, scalar) in scalars.enumerated() {
      if scalar.value == 0x2B9 || scalar.value == 0x2BA { return true }
      guard offset + 1 < scalars.count else { break }
      switch (scalar, scalars[offset + 1].value) {
      case ("s", caron), ("z", caron), ("c", caron), ("s", circumflex), ("u", circumflex),
        ("e", diaeresis):
        return true
      default: continue
      }
    }
    return false
  }

  // MARK: - Step 3: spellings to sounds

  /// The sounds of one word, reading the longest spelling first.
  static func sounds(of word: [Unicode.Scalar]) -> [Sound] {
    let letters = word.map { $0.isASCII ? UInt8($0.value) : 0 }
    let count = letters.count
    func at(_ index: Int) -> UInt8 { index < count ? letters[index] : 0 }
    func matches(_ text: StaticString, at index: Int) -> Bool {
      let length = text.utf8CodeUnitCount
      guard index + length <= count else { return false }
      return text.withUTF8Buffer { buffer in
        buffer.indices.allSatisfy { letters[index + $0] == buffer[$0] }
      }
    }
    func isVowelLetter(_ letter: UInt8) -> Bool { "aeiouy".utf8.contains(letter) }
    func isFullVowel(_ letter: UInt8) -> Bool { "aeou".utf8.contains(letter) }
    func isConsonantLetter(_ letter: UInt8) -> Bool {
      letter >= UInt8(ascii: "a") && letter <= UInt8(ascii: "z") && !isVowelLetter(letter)
        && letter != UInt8(ascii: "j")
    }

    var sounds: [Sound] = []
    sounds.reserveCapacity(count)
    var index = 0
    while index < count {
      let letter = letters[index]
      guard letter != 0, letter < 0x80 else {
        sounds.append(.literal(word[index]))
        index += 1
        continue
      }
      var length = 1
      switch Character(Unicode.Scalar(letter)) {
      case "s":
        if matches("shch", at: index) {
          sounds.append(.consonant(.shch)); length = 4
        } else if matches("shh", at: index) || matches("sch", at: index) {
          sounds.append(.consonant(.shch)); length = 3
        } else if matches("sh", at: index) {
          sounds.append(.consonant(.sh)); length = 2
        } else {
          sounds.append(.consonant(.s))
        }
      case "t":
        if matches("tsch", at: index) {
          sounds.append(.consonant(.ch)); length = 4
        } else if matches("tch", at: index) {
          sounds.append(.consonant(.ch)); length = 3
        } else if matches("ts", at: index) || matches("tz", at: index) || matches("tc", at: index) {
          sounds.append(.consonant(.c)); length = 2
        } else {
          sounds.append(.consonant(.t))
        }
      case "z":
        if matches("zh", at: index) { length = 2; sounds.append(.consonant(.zh)) } else {
          sounds.append(.consonant(.z))
        }
      case "c":
        if matches("ch", at: index) {
          sounds.append(.consonant(.ch)); length = 2
        } else if matches("cz", at: index) {
          sounds.append(.consonant(.c)); length = 2
        } else {
          sounds.append(.consonant(.c))
        }
      case "k":
        if matches("kh", at: index) { length = 2; sounds.append(.consonant(.kh)) } else {
          sounds.append(.consonant(.k))
        }
      case "g":
        if matches("gh", at: index) {
          sounds.append(.consonant(.kh)); length = 2
        } else if matches("gu", at: index), "eiy".utf8.contains(at(index + 2)) {
          sounds.append(.consonant(.g)); length = 2  // Serguei, Gueorgui
        } else {
          sounds.append(.consonant(.g))
        }
      case "p":
        if matches("ph", at: index) { length = 2; sounds.append(.consonant(.f)) } else {
          sounds.append(.consonant(.p))
        }
      case "h": sounds.append(.consonant(.kh))
      case "x": sounds.append(contentsOf: [.consonant(.k), .consonant(.s)])
      case "q": sounds.append(.consonant(.k))
      case "w": sounds.append(.consonant(.v))
      case "o":
        if matches("ou", at: index) { length = 2; sounds.append(.u) } else { sounds.append(.o) }
      case "e":
        sounds.append(.e)
        // GOST 16876 System B writes э as "eh": Ehduard, Ehl'vira.
        if index == 0, at(1) == UInt8(ascii: "h"), isConsonantLetter(at(2)) { length = 2 }
      case "i":
        if index > 0, index + 3 == count, matches("ine", at: index),
          isConsonantLetter(letters[index - 1])
        {
          sounds.append(contentsOf: [.i, .consonant(.n)]); length = 3  // Poutine, Zykine
        } else {
          sounds.append(isFullVowel(at(index + 1)) ? .glide : .i)
        }
      case "y", "j": sounds.append(isFullVowel(at(index + 1)) ? .glide : .i)
      case "a": sounds.append(.a)
      case "u": sounds.append(.u)
      default:
        if let consonant = Consonant(rawValue: String(Unicode.Scalar(letter))) {
          sounds.append(.consonant(consonant))
        } else {
          sounds.append(.literal(word[index]))  // digits
        }
      }
      index += length
    }
    return sounds
  }

  // MARK: - Step 4: sequences the schemes disagree on

  /// Folds the sequences that different schemes write differently into one.
  static func fold(_ sounds: inout [Sound]) {
    // "i" + glide and glide + glide are one glide: Kseniia, Kseniya; Yëlkin; Alejjnik.
    var merged: [Sound] = []
    merged.reserveCapacity(sounds.count)
    for sound in sounds {
      if sound == .glide, let last = merged.last, last == .i || last == .glide {
        merged[merged.count - 1] = .glide
      } else {
        merged.append(sound)
      }
    }
    // Glides before e and i are dropped (Yekaterinburg, Andreyev, P'yer, Ilyich); a glide
    // and o after a consonant or at the start of a word is e (Fyodor, Solovyov, Yolkin).
    var folded: [Sound] = []
    folded.reserveCapacity(merged.count)
    var index = 0
    while index < merged.count {
      let sound = merged[index]
      if sound == .glide, index + 1 < merged.count {
        let next = merged[index + 1]
        if next == .e || next == .i {
          index += 1
          continue
        }
        if next == .o, folded.last?.isConsonant ?? true {
          folded.append(.e)
          index += 2
          continue
        }
      }
      folded.append(sound)
      index += 1
    }
    // ii is i (Yuriy, Iurii); doubled consonants are single; šč is щ.
    var collapsed: [Sound] = []
    collapsed.reserveCapacity(folded.count)
    for sound in folded {
      if let last = collapsed.last {
        if sound == last, sound == .i || sound.isConsonant { continue }
        if sound == .consonant(.ch), last == .consonant(.sh) || last == .consonant(.shch) {
          collapsed[collapsed.count - 1] = .consonant(.shch)
          continue
        }
      }
      collapsed.append(sound)
    }
    // A final "er" after a consonant is "r": Alexander, Aleksandr; Peter, Petr.
    let count = collapsed.count
    if count >= 4, collapsed[count - 1] == .consonant(.r), collapsed[count - 2] == .e,
      collapsed[count - 3].isConsonant
    {
      collapsed.remove(at: count - 2)
    }
    sounds = collapsed
  }

  /// The coarser folds of `--cross-language`: h is g, e is i (except before a, o, u or a
  /// glide, where "i" would read as a glide), and o before the one
  /// consonant that ends a word is i (Kharkov, Kharkiv).
  static func foldAcrossLanguages(_ sounds: inout [Sound]) {
    var folded: [Sound] = []
    folded.reserveCapacity(sounds.count)
    for (index, var sound) in sounds.enumerated() {
      if sound == .consonant(.kh) { sound = .consonant(.g) }
      // e before a, o, u or a glide stays e: "i" there would read as a glide.
      let next = index + 1 < sounds.count ? sounds[index + 1] : nil
      if sound == .e, ![.a, .o, .u, .glide].contains(next) {
        sound = .i
      }
      if let last = folded.last, sound == last, sound == .i || sound.isConsonant { continue }
      folded.append(sound)
    }
    let count = folded.count
    if count >= 3, folded[count - 1].isConsonant, folded[count - 2] == .o {
      folded[count - 2] = .i
    }
    sounds = folded
  }

  // MARK: - Writing

  static func write(_ sounds: [Sound], to output: inout String) {
    for sound in sounds {
      switch sound {
      case .vowel(let letter): output.unicodeScalars.append(Unicode.Scalar(letter))
      case .glide: output.append("y")
      case .consonant(let consonant): output.append(consonant.rawValue)
      case .literal(let scalar): output.unicodeScalars.append(scalar)
      }
    }
  }
}
