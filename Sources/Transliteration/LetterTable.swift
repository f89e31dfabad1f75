/// A romanisation defined by letter tables, the model of the iuliia schemes: a value for
/// each letter, for a letter after a given letter (or at the start of a word), for a letter
/// before a given letter, and for the last two letters of a word. Compiled from a
/// `# format: letter-table` file (`locales/README.md`, "Letter tables").
///
/// A word is a run of letters, marks, digits and "_". In a word longer than two letters,
/// an ending from the table replaces its last two letters; every other letter takes its
/// value from `after`, else `before`, else `letters`, else stays as it is. Capitals follow
/// iuliia — an uppercase letter gives a capitalised value ("Shch") — except that an
/// uppercase letter next to another uppercase letter gives an all-caps value ("SHCH"), so
/// that all-caps words stay all caps.
struct LetterTable: Hashable, Sendable {
  /// Keyed by (U+0000, letter).
  private var letters = ScalarPairValues()
  /// Keyed by (previous letter, letter); a previous letter of U+0000 is the start of a word.
  private var after = ScalarPairValues()
  /// Keyed by (letter, next letter).
  private var before = ScalarPairValues()
  /// Keyed by the last two letters.
  private var endings = ScalarPairValues()
  /// Whether, in a pair whose first letter is a capital written as nothing, the second
  /// letter's value is capitalised (Кс → X): the header line `# case-from-silent-letter: yes`.
  private var caseFromSilentLetter = false

  /// The start of a word, as the "previous letter" of its first letter.
  private static let wordStart: Unicode.Scalar = "\u{0}"

  /// Reads a table file: `[letters]`, `[after]`, `[before]` and `[endings]` sections of
  /// `key > value` lines, keys and values in lowercase.
  /// - Parameter path: the file, for errors.
  /// - Throws: ``SchemeError`` naming the line of a malformed entry.
  init(text: String, path: String) throws(SchemeError) {
    var section = ""
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.trimmingSpaces
      if line == "# case-from-silent-letter: yes" { caseFromSilentLetter = true }
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") && line.hasSuffix("]") {
        section = String(line.dropFirst().dropLast())
        guard ["letters", "after", "before", "endings"].contains(section) else {
          throw Self.error(path, number, "unknown section [\(section)]")
        }
        continue
      }
      let parts = line.split(separator: ">", maxSplits: 1, omittingEmptySubsequences: false)
      let key = Array((parts.first ?? "").trimmingSpaces.unicodeScalars)
      let value = parts.count == 2 ? String(parts[1].trimmingSpaces) : ""
      guard parts.count == 2 else { throw Self.error(path, number, "expected \"key > value\"") }
      switch (section, key.count) {
      case ("letters", 1): letters[Self.wordStart, key[0]] = value
      case ("after", 1): after[Self.wordStart, key[0]] = value
      case ("after", 2): after[key[0], key[1]] = value
      case ("before", 2): before[key[0], key[1]] = value
      case ("endings", 2): endings[key[0], key[1]] = value
      default:
        throw Self.error(path, number, "a key of \(key.count) letters does not fit [\(section)]")
      }
    }
  }

  private static func error(_ path: String, _ index: Int, _ reason: String) -> SchemeError {
    SchemeError(scheme: "\(path):\(index + 1)", reason: reason)
  }

  /// Appends the romanisation of `text` (NFC) to `output`.
  func transliterate(_ text: [Unicode.Scalar], into output: inout String) {
    var start = 0
    while start < text.count {
      guard Self.isWordScalar(text[start]) else {
        output.unicodeScalars.append(text[start])
        start += 1
        continue
      }
      var end = start + 1
      while end < text.count, Self.isWordScalar(text[end]) { end += 1 }
      transliterateWord(text[start..<end], into: &output)
      start = end
    }
  }

  private func transliterateWord(_ word: ArraySlice<Unicode.Scalar>, into output: inout String) {
    var stemEnd = word.endIndex
    var ending: String?
    if word.count > 2 {
      let last = word.endIndex - 1
      let (first, second) = (word[last - 1], word[last])
      if let value = endings[first, second] {
        ending = value
      } else if first.isUppercase, second.isUppercase,
        let value = endings[first.lowercase, second.lowercase]
      {
        ending = value.uppercased()
      }
      if ending != nil { stemEnd = last - 1 }
    }
    var previousSilenced = false
    for index in word.startIndex..<stemEnd {
      let letter = word[index]
      let previous = index > word.startIndex ? word[index - 1] : nil
      let next = index + 1 < stemEnd ? word[index + 1] : nil
      var (value, silenced) = self.value(of: letter, after: previous, before: next, previousSilenced)
      let nextIsUpper = index + 1 < word.endIndex && word[index + 1].isUppercase
      if letter.isUppercase, previous?.isUppercase == true || nextIsUpper {
        value = value.uppercased()
      }
      previousSilenced = silenced
      output += value
    }
    if let ending { output += ending }
  }

  /// The value of one letter with iuliia's capitals, and whether it is a letter written as
  /// nothing before the next one (an empty value from `before`).
  /// - Parameter previousSilenced: whether the previous letter was so written.
  private func value(
    of letter: Unicode.Scalar, after previous: Unicode.Scalar?, before next: Unicode.Scalar?,
    _ previousSilenced: Bool
  ) -> (String, silenced: Bool) {
    let lower = letter.lowercase
    let isUpper = lower != letter
    // after: a lowercase letter keeps the value lowercase (after a capital too, unless that
    // capital was written as nothing and the table says so); two capitals capitalise.
    if let value = after[previous?.lowercase ?? Self.wordStart, lower] {
      let previousIsUpper = previous?.isUppercase ?? isUpper
      if !isUpper {
        let carriesCase = previousIsUpper && previousSilenced && caseFromSilentLetter
        return (carriesCase ? value.capitalized : value, false)
      }
      if previousIsUpper { return (value.capitalized, false) }
    }
    // before: a capital capitalises; a lowercase letter before a capital has no entry.
    if let next, let value = before[lower, next.lowercase] {
      if !isUpper && !next.isUppercase { return (value, value.isEmpty) }
      if isUpper { return (value.capitalized, value.isEmpty) }
    }
    guard let value = letters[Self.wordStart, lower] else { return (String(letter), false) }
    return (isUpper ? value.capitalized : value, false)
  }

  /// Letters, digits and "_": what iuliia's `\w` takes into a word (not combining marks).
  private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value &- 0x430 < 0x30 || value &- 0x410 < 0x20 { return true }  // а…я ѐ…џ А…Я
    if scalar.isASCII {
      return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
        || (0x61...0x7A).contains(value) || value == 0x5F
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }
}

extension Unicode.Scalar {
  /// The simple lowercase form of a letter (itself when it has none).
  fileprivate var lowercase: Unicode.Scalar {
    if (0x430...0x45F).contains(value) { return self }
    if (0x410...0x42F).contains(value) { return Unicode.Scalar(value + 0x20)! }
    if (0x400...0x40F).contains(value) { return Unicode.Scalar(value + 0x50)! }
    if isASCII { return (0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : self }
    let mapped = properties.lowercaseMapping.unicodeScalars
    return mapped.count == 1 ? mapped.first! : self
  }

  fileprivate var isUppercase: Bool { lowercase != self }
}

extension String {
  /// The first scalar uppercased, the rest as it is (Python's `capitalize` on lowercase
  /// values).
  fileprivate var capitalized: String {
    guard let first = unicodeScalars.first else { return self }
    return String(first).uppercased() + String(unicodeScalars.dropFirst())
  }
}

extension StringProtocol {
  fileprivate var trimmingSpaces: Substring {
    let text = Substring(self)
    let start = text.firstIndex { $0 != " " } ?? text.endIndex
    let end = text.lastIndex { $0 != " " }.map { text.index(after: $0) } ?? start
    return text[start..<end]
  }
}
