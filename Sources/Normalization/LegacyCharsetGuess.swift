import ICU

/// Picks the legacy 8-bit charset of bytes that are not UTF-8: one of the Cyrillic code
/// pages windows-1251, KOI8-R and IBM866 (cp866) when the text is Russian-like, else
/// windows-1252 (or ISO-8859-1 when no byte falls in 0x80–0x9F).
///
/// ICU's detector ranks short Cyrillic texts poorly (it puts ISO-8859-8 first for a
/// 150-character KOI8-R footer) and does not know IBM866, so the Cyrillic code pages are
/// compared here by how Russian the decoded text reads: common lowercase letters score,
/// capitals inside words and box-drawing characters cost.
struct LegacyCharsetGuess {
  /// The Cyrillic code pages compared, in the order preferred on a tie.
  static let cyrillicCharsets = ["windows-1251", "KOI8-R", "IBM866"]
  /// The most frequent Russian letters, which a right guess produces in lowercase.
  static let commonLetters = Set("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё".unicodeScalars.prefix(16))

  /// The charset name and the decoded text.
  static func decode(_ bytes: [UInt8]) throws -> (name: String, decoded: ICU.Converter.Decoded) {
    var best: (name: String, decoded: ICU.Converter.Decoded, score: Int)?
    for name in cyrillicCharsets {
      let decoded = try ICU.Converter(charset: name).decode(bytes)
      let score = russianScore(decoded.text)
      if best == nil || score > (best?.score ?? .min) { best = (name, decoded, score) }
    }
    if let best, cyrillicShare(best.decoded.text) >= 0.3 {
      return (best.name, best.decoded)
    }
    let latinName = bytes.contains { (0x80...0x9F).contains($0) } ? "windows-1252" : "ISO-8859-1"
    return (latinName, try ICU.Converter(charset: latinName).decode(bytes))
  }

  static let vowels = Set("аеёиоуыэюяАЕЁИОУЫЭЮЯ".unicodeScalars)

  /// How Russian a text reads: +1 for each common lowercase letter; −2 for each capital
  /// that follows a lowercase letter and each box-drawing or block character; −3 for each
  /// word with lowercase letters that has no vowel, three vowels in a row or five
  /// consonants in a row (shapes a wrong code page produces and Russian does not).
  static func russianScore(_ text: String) -> Int {
    var score = 0
    var previousWasLower = false
    var word = WordShape()
    for scalar in text.unicodeScalars {
      let isLower = scalar.properties.isLowercase
      if commonLetters.contains(scalar) { score += 1 }
      if scalar.properties.isUppercase, previousWasLower { score -= 2 }
      if (0x2500...0x259F).contains(scalar.value) { score -= 2 }
      previousWasLower = isLower
      if (0x400...0x45F).contains(scalar.value) {
        word.add(scalar, isVowel: vowels.contains(scalar), isLower: isLower)
      } else {
        score -= word.penalty
        word = WordShape()
      }
    }
    return score - word.penalty
  }

  /// The letter shape of one Cyrillic word, for ``russianScore(_:)``.
  private struct WordShape {
    var length = 0
    var hasVowel = false
    var hasLowercase = false
    var vowelRun = 0
    var consonantRun = 0
    var oddRuns = 0

    mutating func add(_ scalar: Unicode.Scalar, isVowel: Bool, isLower: Bool) {
      length += 1
      hasLowercase = hasLowercase || isLower
      if isVowel {
        hasVowel = true
        vowelRun += 1
        consonantRun = 0
        if vowelRun == 3 { oddRuns += 1 }
      } else if scalar != "ь" && scalar != "ъ" {
        consonantRun += 1
        vowelRun = 0
        if consonantRun == 5 { oddRuns += 1 }
      }
    }

    var penalty: Int {
      guard hasLowercase, length >= 2 else { return 0 }
      return 3 * (oddRuns + (hasVowel ? 0 : 1))
    }
  }

  /// The share of letters that are Cyrillic.
  static func cyrillicShare(_ text: String) -> Double {
    var letters = 0
    var cyrillic = 0
    for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
      letters += 1
      if (0x400...0x4FF).contains(scalar.value) { cyrillic += 1 }
    }
    return letters == 0 ? 0 : Double(cyrillic) / Double(letters)
  }
}
