import Foundation
import Locales

/// The statistics of every language that has identification data under `locales/`, merged
/// into flat tables for the hot loop.
///
/// A language takes part when its folder holds the three files described in
/// `locales/README.md` ("Language identification"): `lang_alphabet.txt`,
/// `lang_ngrams.txt` and `lang_words.txt`.
struct LanguageModel: Sendable {
  /// The ISO 639-1 codes, sorted; a language's index in this array is its column.
  let codes: [String]
  /// The script of each language.
  let scripts: [LanguageScript]
  /// Character n-gram key (see ``NGramKey``) → row of ``ngramScores``.
  let ngramRows: RowTable
  /// `codes.count` log-probabilities per row.
  let ngramScores: [Float]
  /// Word hash (see ``WordHash``) → row of ``wordScores``.
  let wordRows: RowTable
  /// `codes.count` log-frequency ratios per row (0 where the word is not listed).
  let wordScores: [Float]

  /// Log-probability of an n-gram missing from a language's table (the same for every
  /// language, so an n-gram no candidate lists is neutral), by order 1...3.
  static let floors: [Float] = [0, logPPM(0.5), logPPM(3), logPPM(3)]
  /// Log-probability of a letter outside a language's alphabet.
  static let foreignLetter: Float = logPPM(0.5) - 6
  /// Frequency (per million) below every listed word: the baseline of word evidence.
  static let wordFloorPPM: Float = 3

  static func logPPM(_ ppm: Float) -> Float { (ppm / 1_000_000).logValue }

  /// Reads the identification data of every language that has it.
  /// - Throws: ``LocaleError`` for a malformed file.
  init(locales: LocaleLibrary) throws(LocaleError) {
    let codes = Self.languages(in: locales)
    let count = codes.count
    var scripts: [LanguageScript] = []
    var ngramRows: [UInt64: Int32] = [:]
    var ngramValues: [[Float?]] = []  // row → per language
    var wordRows: [UInt64: Int32] = [:]
    var wordValues: [[Float]] = []
    var alphabets: [Set<UInt32>] = []

    for (column, code) in codes.enumerated() {
      let alphabetFile = "\(code)/lang_alphabet.txt"
      let alphabet = try locales.table("lang_alphabet", language: code)
      guard let scriptName = alphabet["script"]?.first,
        let script = LanguageScript(code: scriptName)
      else {
        throw LocaleError(file: alphabetFile, reason: "expected \"script: latn\" or \"script: cyrl\"")
      }
      scripts.append(script)
      guard let letters = alphabet["letters"] else {
        throw LocaleError(file: alphabetFile, reason: "expected \"letters: a | b | …\"")
      }
      var letterSet: Set<UInt32> = []
      for letter in letters {
        guard letter.unicodeScalars.count == 1, let scalar = letter.unicodeScalars.first else {
          throw LocaleError(file: alphabetFile, reason: "\"\(letter)\" is not one letter")
        }
        letterSet.insert(scalar.value)
      }
      alphabets.append(letterSet)

      let ngramFile = "\(code)/lang_ngrams.txt"
      for (number, gram, ppm) in try Self.countedLines(ngramFile, locales: locales) {
        let scalars = gram.unicodeScalars.map(\.value)
        guard (1...3).contains(scalars.count) else {
          throw LocaleError(file: ngramFile, line: number, reason: "an n-gram has 1 to 3 letters")
        }
        let key = NGramKey.make(scalars)
        let row: Int
        if let existing = ngramRows[key] {
          row = Int(existing)
        } else {
          row = ngramValues.count
          ngramRows[key] = Int32(row)
          ngramValues.append(Array(repeating: nil, count: count))
        }
        ngramValues[row][column] = Self.logPPM(max(ppm, 0.5))
      }

      let wordFile = "\(code)/lang_words.txt"
      for (_, word, ppm) in try Self.countedLines(wordFile, locales: locales) {
        var hash = WordHash()
        for scalar in word.unicodeScalars { hash.add(LetterCase.lowercased(scalar)) }
        let row: Int
        if let existing = wordRows[hash.value] {
          row = Int(existing)
        } else {
          row = wordValues.count
          wordRows[hash.value] = Int32(row)
          wordValues.append(Array(repeating: 0, count: count))
        }
        wordValues[row][column] = max(0, (max(ppm, 1) / Self.wordFloorPPM).logValue)
      }
    }

    // Missing entries: the order's floor, or the foreign-letter score for a letter outside
    // the language's alphabet.
    var ngramScores: [Float] = []
    ngramScores.reserveCapacity(ngramValues.count * count)
    var orderOfRow = [Int](repeating: 0, count: ngramValues.count)
    var letterOfRow = [UInt32](repeating: 0, count: ngramValues.count)
    for (key, row) in ngramRows {
      orderOfRow[Int(row)] = NGramKey.order(of: key)
      letterOfRow[Int(row)] = UInt32(truncatingIfNeeded: key & NGramKey.scalarMask)
    }
    for (row, values) in ngramValues.enumerated() {
      let order = orderOfRow[row]
      for column in 0..<count {
        if let value = values[column] {
          ngramScores.append(value)
        } else if order == 1, !alphabets[column].contains(letterOfRow[row]) {
          ngramScores.append(Self.foreignLetter)
        } else {
          ngramScores.append(Self.floors[order])
        }
      }
    }
    self.codes = codes
    self.scripts = scripts
    self.ngramRows = RowTable(ngramRows)
    self.ngramScores = ngramScores
    self.wordRows = RowTable(wordRows)
    self.wordScores = wordValues.flatMap { $0 }
  }

  /// The languages whose folder has the three identification files, sorted.
  static func languages(in locales: LocaleLibrary) -> [String] {
    locales.languages.filter { language in
      ["lang_alphabet", "lang_ngrams", "lang_words"].allSatisfy {
        locales.files["\(language)/\($0).txt"] != nil
      }
    }
  }

  /// The entries `<text> <number>` of a counted file, with their line numbers.
  private static func countedLines(
    _ path: String, locales: LocaleLibrary
  ) throws(LocaleError) -> [(Int, String, Float)] {
    let contents = try locales.contents(of: path)
    var entries: [(Int, String, Float)] = []
    var number = 0
    for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: " ")
      guard fields.count == 2, let value = Float(fields[1]), value >= 0 else {
        throw LocaleError(
          file: path, line: number, reason: "expected \"<text> <frequency>\", found \"\(line)\"")
      }
      entries.append((number, String(fields[0]), value))
    }
    return entries
  }
}

extension Float {
  fileprivate var logValue: Float { Float(log(Double(self))) }
}

/// The writing system of a language or a word.
enum LanguageScript: UInt8, Sendable {
  case latin, cyrillic, other

  init?(code: String) {
    switch code {
    case "latn": self = .latin
    case "cyrl": self = .cyrillic
    default: return nil
    }
  }

  /// The script of a letter, by code point block.
  @inline(__always)
  static func of(_ value: UInt32) -> LanguageScript {
    if value < 0x250 || (0x1E00...0x1EFF).contains(value) { return .latin }
    if (0x400...0x52F).contains(value) { return .cyrillic }
    return .other
  }
}

/// A character n-gram of one to three scalars packed into 64 bits, 21 bits a scalar; word
/// boundaries are `_`.
enum NGramKey {
  static let boundary: UInt32 = 0x5F
  static let scalarMask: UInt64 = (1 << 21) - 1

  @inline(__always)
  static func make(_ a: UInt32) -> UInt64 { UInt64(a) }
  @inline(__always)
  static func make(_ a: UInt32, _ b: UInt32) -> UInt64 { UInt64(a) << 21 | UInt64(b) }
  @inline(__always)
  static func make(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
    UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)
  }

  static func make(_ scalars: [UInt32]) -> UInt64 {
    switch scalars.count {
    case 1: make(scalars[0])
    case 2: make(scalars[0], scalars[1])
    default: make(scalars[0], scalars[1], scalars[2])
    }
  }

  /// 1, 2 or 3: no scalar is 0, so the highest occupied field gives the order.
  static func order(of key: UInt64) -> Int {
    key >> 42 != 0 ? 3 : key >> 21 != 0 ? 2 : 1
  }
}

/// FNV-1a over lowercased scalars: words are looked up without building strings.
struct WordHash {
  private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always)
  mutating func add(_ scalar: UInt32) {
    value = (value ^ UInt64(scalar)) &* 0x100_0000_01b3
  }
}

/// An open-addressing hash table from non-zero 64-bit keys to rows: the hot loop's lookup,
/// several times faster than `Dictionary` with its seeded SipHash.
struct RowTable: Sendable {
  private let keys: [UInt64]
  private let rows: [Int32]
  private let mask: Int

  init(_ dictionary: [UInt64: Int32]) {
    var capacity = 16
    while capacity < dictionary.count * 2 { capacity <<= 1 }
    var keys = [UInt64](repeating: 0, count: capacity)
    var rows = [Int32](repeating: 0, count: capacity)
    let mask = capacity - 1
    for (key, row) in dictionary.sorted(by: { $0.key < $1.key }) {
      var slot = Self.slot(key, mask)
      while keys[slot] != 0 { slot = (slot + 1) & mask }
      keys[slot] = key
      rows[slot] = row
    }
    self.keys = keys
    self.rows = rows
    self.mask = mask
  }

  @inline(__always)
  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }

  /// The row of `key`, or -1.
  @inline(__always)
  func row(_ key: UInt64) -> Int {
    var slot = Self.slot(key, mask)
    return keys.withUnsafeBufferPointer { keys in
      while true {
        let found = keys[slot]
        if found == key { return Int(rows[slot]) }
        if found == 0 { return -1 }
        slot = (slot + 1) & mask
      }
    }
  }
}
