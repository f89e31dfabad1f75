import TextModel
import ICU

/// Latin and Cyrillic letters that look alike, from ICU's confusable data (UTS #39
/// skeletons): Latin "a", "o", "c", "e", "p", "x" and Cyrillic "а", "о", "с", "е", "р", "х",
/// and their capitals, among others.
struct LookAlikeTable: Sendable {
  /// The Cyrillic letter that looks like each Latin letter.
  let cyrillicForLatin: [Unicode.Scalar: Unicode.Scalar]
  /// The Latin letter that looks like each Cyrillic letter.
  let latinForCyrillic: [Unicode.Scalar: Unicode.Scalar]

  /// Builds the table by comparing the skeletons of every basic Latin letter with those of
  /// the Cyrillic letters U+0400–U+04FF.
  init(checker: ICU.SpoofChecker) throws {
    let latin = (0x41...0x5A).map { $0 } + (0x61...0x7A).map { $0 }
    var latinBySkeleton: [String: Unicode.Scalar] = [:]
    for value in latin {
      guard let scalar = Unicode.Scalar(value) else { continue }
      latinBySkeleton[try checker.skeleton(of: String(scalar))] = scalar
    }
    var cyrillicForLatin: [Unicode.Scalar: Unicode.Scalar] = [:]
    var latinForCyrillic: [Unicode.Scalar: Unicode.Scalar] = [:]
    for value in 0x400...0x4FF {
      guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic,
        let match = latinBySkeleton[try checker.skeleton(of: String(scalar))]
      else { continue }
      latinForCyrillic[scalar] = match
      // A Latin letter is never turned into a historic one (U+0460–U+0489: omega, yat,
      // izhitsa…), which no alphabet in use has and no transliteration writes back: "w"
      // has no Cyrillic look-alike. Of several, the basic Russian letter is preferred.
      guard !(0x460...0x489).contains(value) else { continue }
      if cyrillicForLatin[match] == nil || (0x410...0x44F).contains(value) {
        cyrillicForLatin[match] = scalar
      }
    }
    self.cyrillicForLatin = cyrillicForLatin
    self.latinForCyrillic = latinForCyrillic
  }

  private static let cache = Result { try LookAlikeTable(checker: ICU.SpoofChecker()) }

  /// The table, built once per process.
  static func shared() throws -> LookAlikeTable { try cache.get() }
}

/// Writes each word that mixes Latin and Cyrillic letters in its dominant script, when
/// every letter of the other script has a look-alike: "Mоscow" (Cyrillic о) becomes
/// "Moscow", "Пpивет" (Latin p) becomes "Привет". Words touching a digit ("Су-35", "A4")
/// and words with as many letters of each script are left alone.
struct LookAlikePass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.lookAlike]
  let table: LookAlikeTable

  init(_ table: LookAlikeTable) { self.table = table }

  enum LetterScript { case latin, cyrillic, other }

  static func script(of scalar: Unicode.Scalar) -> LetterScript {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A: return .latin
    case 0x400...0x52F: return .cyrillic
    case 0...0x7F: return .other
    default:
      let script = ICU.Script.of(scalar)
      return script == .latin ? .latin : script == .cyrillic ? .cyrillic : .other
    }
  }

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    var index = 0
    while index < input.count {
      guard Self.isWordScalar(input[index]) else {
        rewriter.keep(input[index])
        index += 1
        continue
      }
      var end = index
      var latin = 0
      var cyrillic = 0
      while end < input.count, Self.isWordScalar(input[end]) {
        switch Self.script(of: input[end]) {
        case .latin: latin += 1
        case .cyrillic: cyrillic += 1
        case .other: break
        }
        end += 1
      }
      // Only a word with more letters of one script than of the other, away from digits.
      if latin > 0, cyrillic > 0, latin != cyrillic, !touchesDigit(input, index, end),
        let fixed = fixed(input, index..<end, toCyrillic: cyrillic > latin)
      {
        rewriter.replace(end - index, with: fixed, kind: .lookAlike)
      } else {
        rewriter.keep(index..<end)
      }
      index = end
    }
    return rewriter
  }

  private func touchesDigit(_ input: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
    func isDigitOrJoinedDigit(_ offset: Int) -> Bool {
      guard offset >= 0, offset < input.count else { return false }
      let scalar = input[offset]
      return scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType != nil
    }
    let before = start - 1
    let after = end
    let beforeJoiner = before >= 0 && (input[before] == "-" || input[before] == "‑")
    let afterJoiner = after < input.count && (input[after] == "-" || input[after] == "‑")
    return isDigitOrJoinedDigit(before) || isDigitOrJoinedDigit(after)
      || (beforeJoiner && isDigitOrJoinedDigit(before - 1))
      || (afterJoiner && isDigitOrJoinedDigit(after + 1))
  }

  /// The word at `range` of `input` written in Cyrillic or in Latin, or `nil` when a
  /// letter of the other script has no look-alike.
  private func fixed(_ input: [Unicode.Scalar], _ range: Range<Int>, toCyrillic: Bool)
    -> [Unicode.Scalar]?
  {
    var result: [Unicode.Scalar] = []
    for offset in range {
      let scalar = input[offset]
      let script = Self.script(of: scalar)
      if toCyrillic, script == .latin {
        guard let replacement = table.cyrillicForLatin[scalar] else { return nil }
        result.append(replacement)
      } else if !toCyrillic, script == .cyrillic {
        guard let replacement = table.latinForCyrillic[scalar] else { return nil }
        result.append(replacement)
      } else {
        result.append(scalar)
      }
    }
    return result
  }

  /// Letters and the marks that attach to them.
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.isWordScalar && !(0x30...0x39).contains(scalar.value) }
    let category = scalar.properties.generalCategory
    return scalar.properties.isAlphabetic || category == .nonspacingMark
      || category == .spacingMark
  }
}
