import ICU

/// Repairs Russian text that was decoded with the wrong Cyrillic code page: KOI8-R bytes
/// read as windows-1251 ("рТЙЧЕФ") or windows-1251 bytes read as KOI8-R ("оПХБЕР").
///
/// Both code pages hold the same 66 letters, so a wrong reading is a fixed letter-for-letter
/// substitution. A line is reconsidered only when one of its words has a capital after a
/// lowercase letter; each reading is scored by how Russian it reads
/// (``LegacyCharsetGuess/russianScore(_:)``) and the best one is taken only when it wins
/// clearly. Each changed word is reported as its own change. A line that is entirely in
/// capitals gives no sign of a wrong reading and is left as it is.
struct CodePageSwapPass: NormalizationPass {
  let kinds: Set<ChangeKind> = [.mojibake]
  /// Letter substitutions that undo each wrong reading.
  private let substitutions: [[Unicode.Scalar: Unicode.Scalar]]

  init() throws {
    let cp1251 = try ICU.Converter(charset: "windows-1251")
    let koi8 = try ICU.Converter(charset: "KOI8-R")
    var letters = (0x410...0x44F).compactMap(Unicode.Scalar.init)
    letters += ["Ё", "ё"]
    var substitutions: [[Unicode.Scalar: Unicode.Scalar]] = []
    for (read, written) in [(cp1251, koi8), (koi8, cp1251)] {
      var table: [Unicode.Scalar: Unicode.Scalar] = [:]
      for letter in letters {
        // `letter` as shown after reading with `read` came from a byte that `written` means.
        guard let bytes = try? read.encode(String(letter)),
          let original = try? written.decode(bytes), original.replacementCount == 0,
          let scalar = original.text.unicodeScalars.first
        else { continue }
        table[letter] = scalar
      }
      substitutions.append(table)
    }
    self.substitutions = substitutions
  }

  func rewrite(_ input: [Unicode.Scalar], enabled: Set<ChangeKind>) -> ScalarRewriter {
    var rewriter = ScalarRewriter(input: input)
    var start = 0
    while start < input.count {
      let end = input[start...].firstIndex(of: "\n").map { $0 + 1 } ?? input.count
      let line = input[start..<end]
      if let fixed = repaired(line) {
        emit(line, fixed, into: &rewriter)
      } else {
        rewriter.keep(line)
      }
      start = end
    }
    return rewriter
  }

  /// The line with its wrongly read words read right, or `nil` when it has none.
  ///
  /// A line whose words of two or more Cyrillic letters all look wrong (capitals inside) or
  /// are in capitals is read again as a whole — a wrong reading turns lowercase words into
  /// capitals. Otherwise only the words with capitals inside are read again, one by one,
  /// so acronyms such as "МИД" and "ТАСС" beside them stay.
  private func repaired(_ line: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
    let words = Self.cyrillicWords(in: line)
    let odd = words.filter { Self.capitalsInside(line[$0]) > 0 }
    guard !odd.isEmpty else { return nil }
    let normal = words.filter { range in
      range.count >= 2 && Self.capitalsInside(line[range]) == 0
        && line[range].dropFirst().allSatisfy(\.properties.isLowercase)
    }
    if normal.isEmpty, odd.count >= 2 { return bestReading(of: line) }
    var fixed = Array(line)
    var changed = false
    for range in odd {
      guard let word = bestReading(of: line[range]), Self.capitalsInside(word[...]) == 0 else {
        continue
      }
      fixed.replaceSubrange((range.lowerBound - line.startIndex)..<(range.upperBound - line.startIndex), with: word)
      changed = true
    }
    return changed ? fixed : nil
  }

  /// The ranges of the words made of Cyrillic letters.
  private static func cyrillicWords(in line: ArraySlice<Unicode.Scalar>) -> [Range<Int>] {
    var words: [Range<Int>] = []
    var index = line.startIndex
    while index < line.endIndex {
      guard (0x400...0x45F).contains(line[index].value) else {
        index += 1
        continue
      }
      var end = index
      while end < line.endIndex, (0x400...0x45F).contains(line[end].value) { end += 1 }
      words.append(index..<end)
      index = end
    }
    return words
  }

  /// Capitals that follow a lowercase letter.
  private static func capitalsInside(_ word: ArraySlice<Unicode.Scalar>) -> Int {
    zip(word, word.dropFirst()).filter { $0.properties.isLowercase && $1.properties.isUppercase }.count
  }

  /// The reading of `line` that scores clearly higher than the line as it is.
  private func bestReading(of line: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar]? {
    let original = LegacyCharsetGuess.russianScore(Self.string(line))
    let cyrillicLetters = line.filter { (0x400...0x45F).contains($0.value) }.count
    var best: (scalars: [Unicode.Scalar], score: Int)?
    for table in substitutions {
      let candidate = line.map { table[$0] ?? $0 }
      let score = LegacyCharsetGuess.russianScore(Self.string(candidate[...]))
      if score > (best?.score ?? .min) { best = (candidate, score) }
    }
    guard let best, best.score > original + max(3, cyrillicLetters / 4) else { return nil }
    return best.scalars
  }

  /// Replaces each word that changed, keeping the rest.
  private func emit(
    _ line: ArraySlice<Unicode.Scalar>, _ fixed: [Unicode.Scalar], into rewriter: inout ScalarRewriter
  ) {
    let original = Array(line)
    var offset = 0
    while offset < original.count {
      guard original[offset].properties.isAlphabetic else {
        rewriter.keep(original[offset])
        offset += 1
        continue
      }
      var end = offset
      while end < original.count, original[end].properties.isAlphabetic { end += 1 }
      if original[offset..<end] == fixed[offset..<end] {
        rewriter.keep(original[offset..<end])
      } else {
        rewriter.replace(end - offset, with: fixed[offset..<end], kind: .mojibake)
      }
      offset = end
    }
  }

  private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars)
    return String(view)
  }
}
