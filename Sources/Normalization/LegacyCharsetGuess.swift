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

  /// How Russian a text reads: +1 for each common lowercase letter, −2 for each capital
  /// that follows a lowercase letter, −2 for each box-drawing or block character.
  static func russianScore(_ text: String) -> Int {
    var score = 0
    var previousWasLower = false
    for scalar in text.unicodeScalars {
      let isLower = scalar.properties.isLowercase
      if commonLetters.contains(scalar) { score += 1 }
      if scalar.properties.isUppercase, previousWasLower { score -= 2 }
      if (0x2500...0x259F).contains(scalar.value) { score -= 2 }
      previousWasLower = isLower
    }
    return score
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
