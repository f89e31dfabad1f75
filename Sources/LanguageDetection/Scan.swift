import Foundation
import TextModel

/// One pass over a text: its words, each scored against the candidate languages of its
/// script, then the decision. Internal to ``LanguageIdentifier``.
struct Scan {
  /// A word: a run of letters (with any combining marks on them).
  struct Word {
    var start: Int
    var end: Int
    var script: LanguageScript
    var letters: Int
    var startsLowercase: Bool
  }

  let model: LanguageModel
  let columnsByScript: [[Int]]
  private(set) var words: [Word] = []
  /// `model.codes.count` scores per word.
  private var scores: [Float] = []
  /// Letters of words whose script some candidate uses.
  private(set) var weighedLetters = 0
  /// Letters of other scripts (Greek, CJK, …) or of a script no candidate uses.
  private var unweighedLetters = 0

  // The word being read.
  private var buffer: [UInt32] = []
  private var wordStart = -1
  private var wordEnd = 0
  private var startsLowercase = false
  private var needsComposition = false

  init(model: LanguageModel, columnsByScript: [[Int]]) {
    self.model = model
    self.columnsByScript = columnsByScript
    buffer.reserveCapacity(64)
  }

  // MARK: Reading

  mutating func read(_ text: some StringProtocol) {
    // One concrete type, so the loop below is specialised whatever the caller's type.
    if let substring = text as? Substring {
      read(scalars: substring.unicodeScalars)
    } else if let string = text as? String {
      read(scalars: string[...].unicodeScalars)
    } else {
      read(scalars: String(text)[...].unicodeScalars)
    }
  }

  private mutating func read(scalars: Substring.UnicodeScalarView) {
    var offset = 0
    for scalar in scalars {
      switch Self.kind(of: scalar) {
      case .letter:
        if wordStart < 0 {
          wordStart = offset
          startsLowercase = !LetterCase.isUppercase(scalar)
        }
        buffer.append(LetterCase.lowercased(scalar))
        wordEnd = offset + 1
      case .mark where wordStart >= 0:
        buffer.append(scalar.value)
        needsComposition = true
        wordEnd = offset + 1
      default:
        if wordStart >= 0 { finishWord() }
      }
      offset += 1
    }
    if wordStart >= 0 { finishWord() }
  }

  private enum ScalarKind { case letter, mark, other }

  @inline(__always)
  private static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
    let v = scalar.value
    if v < 0x80 {
      return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) ? .letter : .other
    }
    switch v {
    case 0xC0...0x24F: return v == 0xD7 || v == 0xF7 ? .other : .letter
    case 0x300...0x36F, 0x483...0x489: return .mark
    case 0x400...0x482, 0x48A...0x52F: return .letter
    default:
      switch scalar.properties.generalCategory {
      case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter: return .letter
      case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
      default: return .other
      }
    }
  }

  private mutating func finishWord() {
    defer {
      buffer.removeAll(keepingCapacity: true)
      wordStart = -1
      needsComposition = false
    }
    if needsComposition { compose() }
    guard let first = buffer.first else { return }
    let script = LanguageScript.of(first)
    let columns = columnsByScript[Int(script.rawValue)]
    guard script != .other, !columns.isEmpty else {
      unweighedLetters += buffer.count
      return
    }
    weighedLetters += buffer.count
    let width = model.codes.count
    let base = scores.count
    scores.append(contentsOf: repeatElement(0, count: width))
    words.append(
      Word(
        start: wordStart, end: wordEnd, script: script, letters: buffer.count,
        startsLowercase: startsLowercase))

    // Character n-grams of "_word_".
    let boundary = NGramKey.boundary
    var previous = boundary
    var beforePrevious: UInt32 = 0
    var hash = WordHash()
    for index in 0...buffer.count {
      let current = index < buffer.count ? buffer[index] : boundary
      if current != boundary {
        add(NGramKey.make(current), columns: columns, base: base)
        hash.add(current)
      }
      add(NGramKey.make(previous, current), columns: columns, base: base)
      if beforePrevious != 0 {
        add(NGramKey.make(beforePrevious, previous, current), columns: columns, base: base)
      }
      beforePrevious = previous
      previous = current
    }
    // Frequent-word evidence.
    if case let row = model.wordRows.row(hash.value), row >= 0 {
      let offset = row * width
      for column in columns {
        scores[base + column] += LanguageIdentifier.wordWeight * model.wordScores[offset + column]
      }
    }
  }

  @inline(__always)
  private mutating func add(_ key: UInt64, columns: [Int], base: Int) {
    let row = model.ngramRows.row(key)
    guard row >= 0 else { return }
    let offset = row * model.codes.count
    model.ngramScores.withUnsafeBufferPointer { table in
      scores.withUnsafeMutableBufferPointer { scores in
        for column in columns {
          scores[base + column] += LanguageIdentifier.ngramWeight * table[offset + column]
        }
      }
    }
  }

  /// Letters followed by combining marks (NFD input): compose to NFC, as the data is.
  private mutating func compose() {
    var view = String.UnicodeScalarView()
    for value in buffer {
      if let scalar = Unicode.Scalar(value) { view.append(scalar) }
    }
    buffer.removeAll(keepingCapacity: true)
    for scalar in String(view).precomposedStringWithCanonicalMapping.unicodeScalars
    where Self.kind(of: scalar) == .letter {
      buffer.append(LetterCase.lowercased(scalar))
    }
  }

  // MARK: Deciding

  /// The winner of one script's words.
  private struct Verdict {
    var column: Int?
    var confidence: Double
    var letters: Int
    var substantial: Bool
  }

  func decide(prior: [Double]?) -> LanguageIdentification {
    guard weighedLetters > 0 else {
      // No letters at all: certainly no language. Letters no candidate can read: undecided.
      return LanguageIdentification(
        language: LanguageIdentification.undetermined, confidence: unweighedLetters > 0 ? 0 : 1)
    }
    let width = model.codes.count
    var verdicts: [Verdict?] = [nil, nil]
    for script in [LanguageScript.latin, .cyrillic] {
      let columns = columnsByScript[Int(script.rawValue)]
      var total = [Double](repeating: 0, count: width)
      var letters = 0
      var hasLowercaseWord = false
      for (index, word) in words.enumerated() where word.script == script {
        letters += word.letters
        if word.startsLowercase && word.letters >= 2 { hasLowercaseWord = true }
        for column in columns { total[column] += Double(scores[index * width + column]) }
      }
      guard letters > 0 else { continue }
      if let prior {
        for column in columns { total[column] += prior[column] }
      }
      var best = columns[0]
      for column in columns where total[column] > total[best] { best = column }
      var sum = 0.0
      for column in columns {
        sum += exp((total[column] - total[best]) / LanguageIdentifier.temperature)
      }
      let confidence = 1 / sum
      verdicts[Int(script.rawValue)] = Verdict(
        column: confidence >= LanguageIdentifier.minimumConfidence ? best : nil,
        confidence: confidence, letters: letters,
        substantial: hasLowercaseWord || Double(letters) >= 0.3 * Double(weighedLetters))
    }

    let present = verdicts.compactMap { $0 }
    let substantial = present.filter(\.substantial)
    if substantial.count < 2 {
      let main = (substantial.isEmpty ? present : substantial).max { $0.letters < $1.letters }!
      return LanguageIdentification(
        language: main.column.map { model.codes[$0] } ?? LanguageIdentification.undetermined,
        confidence: main.confidence, letterCount: weighedLetters)
    }
    return mixed(verdicts)
  }

  /// The parts of a line with substantial words in both scripts: runs of words of one
  /// script, an insubstantial run joining its neighbour.
  private func mixed(_ verdicts: [Verdict?]) -> LanguageIdentification {
    var parts: [LanguageIdentification.Part] = []
    for word in words {
      guard let verdict = verdicts[Int(word.script.rawValue)], verdict.substantial else {
        if let last = parts.indices.last {
          parts[last].span = ScalarSpan(start: parts[last].span.start, end: word.end)
        }
        continue
      }
      let language = verdict.column.map { model.codes[$0] } ?? LanguageIdentification.undetermined
      if let last = parts.last, last.language == language {
        parts[parts.count - 1].span = ScalarSpan(start: last.span.start, end: word.end)
      } else {
        parts.append(
          LanguageIdentification.Part(
            span: ScalarSpan(start: word.start, end: word.end), language: language,
            confidence: verdict.confidence))
      }
    }
    // Insubstantial words before the first part belong to it.
    if let firstWord = words.first, let first = parts.first, firstWord.start < first.span.start {
      parts[0].span = ScalarSpan(start: firstWord.start, end: first.span.end)
    }
    if parts.count == 1 {
      return LanguageIdentification(
        language: parts[0].language, confidence: parts[0].confidence, letterCount: weighedLetters)
    }
    return LanguageIdentification(
      language: LanguageIdentification.mixed,
      confidence: parts.map(\.confidence).min() ?? 0, parts: parts, letterCount: weighedLetters)
  }
}
