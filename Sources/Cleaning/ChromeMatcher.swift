import Locales
import TextModel

/// Recognises site chrome and repost wrappers by the phrase lists of every language in
/// `locales/*/chrome.txt`: the same footer is printed in Portuguese on one page and in
/// Russian on the next, so every list applies to every document.
struct ChromeMatcher: Sendable {
  /// The patterns that open with a literal, by its first character.
  private let patternsByFirstCharacter: [Character: [PhrasePattern]]
  /// The patterns that open with a placeholder, tried on every line.
  private let placeholderFirstPatterns: [PhrasePattern]
  /// The lowercase scalars a chrome line can open with, when every pattern opens with a
  /// one-scalar character or `{n}`; `nil` when some pattern could open with anything.
  private let openingScalars: Set<Unicode.Scalar>?

  /// Reads `chrome.txt` of every language that has one.
  init(locales: LocaleLibrary) throws {
    var patterns: [PhrasePattern] = []
    for language in locales.languages where locales.files["\(language)/chrome.txt"] != nil {
      for phrase in try locales.phrases("chrome", language: language).phrases {
        patterns.append(PhrasePattern(phrase.text))
        // A field label ("Publication date:") is followed by its value on the same line.
        if phrase.text.hasSuffix(":") { patterns.append(PhrasePattern(phrase.text + " {text}")) }
      }
    }
    patternsByFirstCharacter = Dictionary(grouping: patterns.filter { $0.firstCharacter != nil }) {
      $0.firstCharacter!
    }
    placeholderFirstPatterns = patterns.filter { $0.firstCharacter == nil }
    var openings: Set<Unicode.Scalar>? = []
    for pattern in patterns {
      if let first = pattern.firstCharacter, first.unicodeScalars.count == 1 {
        openings?.insert(first.unicodeScalars.first!)
      } else if pattern.opensWithNumber {
        openings?.formUnion((0x30...0x39).map { Unicode.Scalar(UInt8($0)) })
      } else {
        openings = nil
      }
    }
    openingScalars = openings
  }

  /// Whether the line, without a leading bullet or emoji, is a chrome phrase.
  func isChrome(_ line: String) -> Bool { isChrome(line, screeningPrefix: true) }

  /// `isChrome`, with or without first ruling out, from the folded opening of a plain line,
  /// every pattern that cannot match it (most lines are long body text, and folding all of
  /// one costs more than the rest of the check).
  func isChrome(_ line: String, screeningPrefix: Bool) -> Bool {
    let content = ListMarker.split(line)?.text ?? line
    if let openingScalars, let opening = Self.plainOpeningScalar(of: content),
      !openingScalars.contains(opening)
    {
      return false
    }
    if screeningPrefix {
      // A short opening rules most lines out; a longer one, most of the rest.
      for length in Self.screenedLengths {
        guard let opening = FoldedOpening(of: content, length: length), let first = opening.characters.first
        else { break }
        let couldMatch = mayMatch(opening, startingWith: first)
        // A whole line's folded text has been matched already.
        if opening.isWhole { return couldMatch }
        guard couldMatch else { return false }
      }
    }
    let folded = PhrasePattern.folded(content)
    guard let first = folded.first else { return false }
    let characters = Array(folded)
    return somePattern(startingWith: first) { $0.matches(folded: characters) }
  }

  /// Whether some pattern may match a line that opens with `opening`.
  private func mayMatch(_ opening: FoldedOpening, startingWith first: Character) -> Bool {
    somePattern(startingWith: first) { $0.mayMatch(opening.characters, isWhole: opening.isWhole) }
  }

  /// Whether `test` holds for a pattern that a folded line starting with `first` may match.
  private func somePattern(startingWith first: Character, _ test: (PhrasePattern) -> Bool) -> Bool {
    patternsByFirstCharacter[first]?.contains(where: test) == true || placeholderFirstPatterns.contains(where: test)
  }

  /// How much of a line's folded opening the screen compares: first a little, then more.
  static let screenedLengths = [12, 48]

  /// The line's first non-space scalar lowercased, when that is certain without folding the
  /// line: a plain scalar (see ``FoldedOpening``) followed by another or by nothing;
  /// `nil` otherwise.
  private static func plainOpeningScalar(of line: String) -> Unicode.Scalar? {
    var scalars = line.unicodeScalars.drop { $0.isSpaceScalar }.makeIterator()
    guard let first = scalars.next(), let lowercase = FoldedOpening.plainLowercase(first) else {
      return nil
    }
    // Anything else after it (a combining mark) could make another character of it.
    if let next = scalars.next(), FoldedOpening.plainLowercase(next) == nil { return nil }
    return lowercase
  }

  /// Whether the line holds only hashtags ("#Announcement", "#CIS #CSTO").
  static func isHashtagLine(_ line: String) -> Bool {
    guard line.unicodeScalars.first == "#" else { return false }
    let words = line.split(whereSeparator: { $0.isWhitespace })
    return !words.isEmpty && words.allSatisfy { $0.hasPrefix("#") && $0.count > 1 }
  }
}

/// The bullet or emoji that starts a list item: "• ", "🔹 ", "🇺🇳 ", "❗️ ", "- ".
enum ListMarker {
  /// The marker and the text after it, or `nil` when the line has no marker.
  static func split(_ line: String) -> (marker: String, text: String)? {
    let scalars = line.unicodeScalars
    /// Whether the scalar at `index` belongs to a marker: a marker scalar, or any scalar
    /// that a variation selector makes an emoji.
    func isMarker(at index: String.UnicodeScalarView.Index) -> Bool {
      if isMarkerScalar(scalars[index]) { return true }
      let next = scalars.index(after: index)
      return next < scalars.endIndex && scalars[next] == "\u{FE0F}"
    }
    var end = scalars.startIndex
    var count = 0
    while end < scalars.endIndex, isMarker(at: end) {
      end = scalars.index(after: end)
      count += 1
    }
    guard count > 0, end < scalars.endIndex, scalars[end].properties.isWhitespace else { return nil }
    // "-" and "*" count only alone: "--" or "**" starts something else.
    if count > 1, scalars[..<end].allSatisfy({ $0.isASCII }) { return nil }
    let textStart = scalars[end...].firstIndex { !$0.properties.isWhitespace } ?? scalars.endIndex
    return (String(scalars[..<end]), String(scalars[textStart...]))
  }

  private static func isMarkerScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2D, 0x2A, 0x2022, 0x2023, 0x25E6, 0x25AA, 0x25CF, 0x2043, 0x2013, 0x2014: return true
    case 0x200D, 0xFE0F, 0x20E3: return true
    default:
      return !scalar.isASCII && (scalar.properties.isEmojiPresentation || scalar.properties.isEmoji)
        && !scalar.properties.isAlphabetic
    }
  }
}

/// The folded opening (`PhrasePattern.folded`) of a line that starts with plain scalars —
/// printable ASCII, Latin-1, basic Cyrillic, general punctuation and spaces, whose
/// lowercase is one scalar and which no mark follows — read without folding the rest of
/// the line.
struct FoldedOpening {
  /// The folded characters, a prefix of the whole line's folded text.
  var characters: [Character] = []
  /// Whether they are the whole line's folded text.
  var isWhole: Bool

  /// The folded opening of `line`, up to `length` characters; `nil` when the line does not
  /// open with a plain scalar.
  init?(of line: String, length: Int) {
    var pendingSpace = false
    isWhole = true
    characters.reserveCapacity(length)
    for scalar in line.unicodeScalars {
      guard let lowercase = Self.plainLowercase(scalar) else {
        // A mark may join the character before it: leave that one out.
        if !characters.isEmpty { characters.removeLast() }
        isWhole = false
        break
      }
      if lowercase == " " {
        pendingSpace = !characters.isEmpty
        continue
      }
      // A plain scalar joins no character before it, so stopping here keeps them all.
      if characters.count >= length {
        isWhole = false
        break
      }
      if pendingSpace { characters.append(" ") }
      pendingSpace = false
      characters.append(Self.character(lowercase))
    }
    if characters.isEmpty { return nil }
  }

  /// The character of a plain lowercase scalar, made once: a `Character` made from a
  /// scalar is a new string.
  @inline(__always) private static func character(_ scalar: Unicode.Scalar) -> Character {
    scalar.value < 0x460
      ? latinAndCyrillic[Int(scalar.value)] : generalPunctuation[Int(scalar.value - 0x2010)]
  }

  /// U+0000 to U+045F (ASCII, Latin-1, basic Cyrillic), and U+2010 to U+205E.
  private static let latinAndCyrillic = (0..<0x460).map { Character(Unicode.Scalar(UInt32($0))!) }
  private static let generalPunctuation = (0x2010...0x205E).map { Character(Unicode.Scalar(UInt32($0))!) }

  /// The lowercase of a plain scalar (every space is a space); `nil` for any other.
  static func plainLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    if scalar.isSpaceScalar { return " " }
    switch scalar.value {
    case 0x41...0x5A, 0xC0...0xD6, 0xD8...0xDE, 0x410...0x42F: return Unicode.Scalar(scalar.value + 0x20)
    case 0x400...0x40F: return Unicode.Scalar(scalar.value + 0x50)
    case 0x21...0x7E, 0xA1...0xAC, 0xAE...0xBF, 0xD7, 0xDF...0xFF, 0x430...0x45F, 0x2010...0x2027, 0x2030...0x205E:
      return scalar
    default: return nil
    }
  }
}
