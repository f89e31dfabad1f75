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
  private var values = LetterValues()
  /// Keyed by (U+0000, letter).
  private var letters = ScalarPairIndex()
  /// Keyed by (previous letter, letter); a previous letter of U+0000 is the start of a word.
  private var after = ScalarPairIndex()
  /// Keyed by (letter, next letter).
  private var before = ScalarPairIndex()
  /// Keyed by the last two letters.
  private var endings = ScalarPairIndex()
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
      let valueNumber = values.number(of: value)
      switch (section, key.count) {
      case ("letters", 1): letters[Self.wordStart, key[0]] = valueNumber
      case ("after", 1): after[Self.wordStart, key[0]] = valueNumber
      case ("after", 2): after[key[0], key[1]] = valueNumber
      case ("before", 2): before[key[0], key[1]] = valueNumber
      case ("endings", 2): endings[key[0], key[1]] = valueNumber
      default:
        throw Self.error(path, number, "a key of \(key.count) letters does not fit [\(section)]")
      }
    }
  }

  private static func error(_ path: String, _ index: Int, _ reason: String) -> SchemeError {
    SchemeError(scheme: "\(path):\(index + 1)", reason: reason)
  }

  /// Appends the romanisation of `text` (NFC), as UTF-8, to `output`.
  func transliterate(_ text: some RandomAccessCollection<Unicode.Scalar>, into output: inout [UInt8]) {
    var start = text.startIndex
    while start != text.endIndex {
      guard Self.isWordScalar(text[start]) else {
        Self.appendUTF8(text[start], to: &output)
        text.formIndex(after: &start)
        continue
      }
      var end = text.index(after: start)
      while end != text.endIndex, Self.isWordScalar(text[end]) { text.formIndex(after: &end) }
      transliterateWord(text[start..<end], into: &output)
      start = end
    }
  }

  private func transliterateWord(
    _ word: some RandomAccessCollection<Unicode.Scalar>, into output: inout [UInt8]
  ) {
    var stemEnd = word.count
    var ending: (number: UInt16, form: LetterValues.Form)?
    if word.count > 2 {
      let (first, second) = (word[word.index(word.endIndex, offsetBy: -2)], word[word.index(before: word.endIndex)])
      let exact = endings[first, second]
      if exact != 0 {
        ending = (exact, .lower)
      } else if first.isUppercase, second.isUppercase {
        let folded = endings[first.lowercase, second.lowercase]
        if folded != 0 { ending = (folded, .upper) }
      }
      if ending != nil { stemEnd -= 2 }
    }
    var previousSilenced = false
    // Each letter's lowercase form and case, computed once as the window moves.
    var previous: CasedLetter?
    var index = word.startIndex
    var current = CasedLetter(word[index])
    for offset in 0..<stemEnd {
      let nextIndex = word.index(after: index)
      let following = nextIndex != word.endIndex ? CasedLetter(word[nextIndex]) : nil
      let next = offset + 1 < stemEnd ? following : nil
      let allCaps = current.isUpper && (previous?.isUpper == true || following?.isUpper == true)
      let (number, form, silenced) = value(of: current, after: previous, before: next, previousSilenced)
      if number == 0 {
        Self.appendLetter(current.letter, inCapitals: allCaps, to: &output)
      } else {
        values.append(number, allCaps ? .upper : form, to: &output)
      }
      previousSilenced = silenced
      previous = current
      if let following { current = following }
      index = nextIndex
    }
    if let ending { values.append(ending.number, ending.form, to: &output) }
  }

  /// A letter with its lowercase form and whether it is a capital.
  private struct CasedLetter {
    var letter: Unicode.Scalar
    var lower: Unicode.Scalar
    var isUpper: Bool { lower != letter }

    @inline(__always)
    init(_ letter: Unicode.Scalar) {
      self.letter = letter
      lower = letter.lowercase
    }
  }

  /// The value of one letter with iuliia's capitals (number 0: the letter has none), and
  /// whether it is a letter written as nothing before the next one (an empty value from
  /// `before`).
  /// - Parameter previousSilenced: whether the previous letter was so written.
  @inline(__always)
  private func value(
    of letter: CasedLetter, after previous: CasedLetter?, before next: CasedLetter?,
    _ previousSilenced: Bool
  ) -> (UInt16, LetterValues.Form, silenced: Bool) {
    let isUpper = letter.isUpper
    // after: a lowercase letter keeps the value lowercase (after a capital too, unless that
    // capital was written as nothing and the table says so); two capitals capitalise.
    let afterNumber = after[previous?.lower ?? Self.wordStart, letter.lower]
    if afterNumber != 0 {
      let previousIsUpper = previous?.isUpper ?? isUpper
      if !isUpper {
        let carriesCase = previousIsUpper && previousSilenced && caseFromSilentLetter
        return (afterNumber, carriesCase ? .capitalized : .lower, false)
      }
      if previousIsUpper { return (afterNumber, .capitalized, false) }
    }
    // before: a capital capitalises; a lowercase letter before a capital has no entry.
    if let next {
      let beforeNumber = before[letter.lower, next.lower]
      if beforeNumber != 0 {
        let silenced = values.isEmpty(beforeNumber)
        if !isUpper && !next.isUpper { return (beforeNumber, .lower, silenced) }
        if isUpper { return (beforeNumber, .capitalized, silenced) }
      }
    }
    return (letters[Self.wordStart, letter.lower], isUpper ? .capitalized : .lower, false)
  }

  /// A letter the table has no value for, as it is, or in capitals in an all-caps word.
  private static func appendLetter(_ letter: Unicode.Scalar, inCapitals: Bool, to output: inout [UInt8]) {
    guard inCapitals, !letter.isASCII, !(0x400...0x45F).contains(letter.value) else {
      appendUTF8(letter, to: &output)
      return
    }
    output.append(contentsOf: String(letter).uppercased().utf8)
  }

  @inline(__always)
  private static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
    if scalar.isASCII {
      output.append(UInt8(scalar.value))
    } else {
      output.append(contentsOf: UTF8.encode(scalar)!)
    }
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
  @inline(__always)
  fileprivate var lowercase: Unicode.Scalar {
    if value < 0x80 { return (0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : self }
    if (0x430...0x45F).contains(value) { return self }
    if (0x410...0x42F).contains(value) { return Unicode.Scalar(value + 0x20)! }
    if (0x400...0x40F).contains(value) { return Unicode.Scalar(value + 0x50)! }
    if isASCII { return (0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : self }
    let mapped = properties.lowercaseMapping.unicodeScalars
    return mapped.count == 1 ? mapped.first! : self
  }

  fileprivate var isUppercase: Bool { lowercase != self }
}

extension StringProtocol {
  fileprivate var trimmingSpaces: Substring {
    let text = Substring(self)
    let start = text.firstIndex { $0 != " " } ?? text.endIndex
    let end = text.lastIndex { $0 != " " }.map { text.index(after: $0) } ?? start
    return text[start..<end]
  }
}
