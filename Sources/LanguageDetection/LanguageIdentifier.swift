public import Locales
import Foundation
import TextModel

/// Identifies the language of a line or block of text: ISO 639-1 codes for English, Russian,
/// Portuguese, Ukrainian, Belarusian, Kazakh, Spanish, French and German (every language with
/// identification data under `locales/`), `und` and `mixed`.
///
/// ```swift
/// let identifier = try LanguageIdentifier(locales: .standard, candidates: ["en", "ru", "pt"])
/// identifier.identify("Galeria de fotos").language  // "pt"
/// let line = identifier.identify("1 из 1 fotos do álbum")
/// line.language                                     // "mixed"
/// line.parts.map(\.language)                        // ["ru", "pt"]
/// ```
///
/// The method, per word of the text: the script of its letters restricts the candidates
/// (Cyrillic or Latin); letters outside a language's alphabet count heavily against it, so
/// distinctive letters (ї є ґ → uk, ў → be, ә ғ қ ң ө ұ ү һ → kk, ã õ → pt, ñ → es,
/// ß → de) decide short words; then a naive-Bayes sum of the log-probabilities of the word's
/// character 1-, 2- and 3-grams, plus evidence from the language's list of frequent words,
/// which carries lines of one to three words. Words of the two scripts are weighed
/// separately; a line with substantial words in both is ``LanguageIdentification/mixed``.
///
/// - Complexity: O(*n*) in the scalars of the text, with no allocation per character.
public struct LanguageIdentifier: Sendable {
  /// The candidates' codes, sorted.
  public let candidates: [String]
  /// Every language the data covers, sorted.
  public var knownLanguages: [String] { model.codes }

  let model: LanguageModel
  /// Model columns of the candidates, by script.
  let columnsByScript: [[Int]]

  /// Weight of the character n-gram log-probabilities: the 1-, 2- and 3-grams of a word
  /// overlap, so their sum counts the same evidence about three times.
  static let ngramWeight: Float = 1.0 / 3
  /// Weight of the frequent-word evidence.
  static let wordWeight: Float = 2.0
  /// Weight of the logarithm of a prior.
  static let priorWeight: Double = 3
  /// Score differences are divided by this before the softmax that gives confidences: the
  /// n-gram features of a word are far from independent.
  static let temperature: Double = 1.5
  /// Below this confidence a single-script line is ``LanguageIdentification/undetermined``.
  public static let minimumConfidence = 0.4

  /// The languages that have identification data in `locales` (the files
  /// `lang_alphabet.txt`, `lang_ngrams.txt` and `lang_words.txt`), sorted; reads no file.
  public static func availableLanguages(in locales: LocaleLibrary = .standard) -> [String] {
    LanguageModel.languages(in: locales)
  }

  /// Loads the identification data of `locales` and restricts the answers to `candidates`.
  ///
  /// - Parameters:
  ///   - locales: the locale data, usually ``LocaleLibrary/standard``.
  ///   - candidates: ISO 639-1 codes to choose among; `nil` for every known language.
  /// - Throws: ``LanguageDetectionError`` for an unknown code; ``LocaleError`` for a
  ///   malformed data file.
  public init(locales: LocaleLibrary = .standard, candidates: [String]? = nil) throws {
    let model = try LanguageModel(locales: locales)
    let chosen = candidates.map { Array(Set($0)).sorted() } ?? model.codes
    for code in chosen where !model.codes.contains(code) {
      throw LanguageDetectionError(.unknownLanguage(code), known: model.codes)
    }
    if chosen.isEmpty {
      throw LanguageDetectionError(.noCandidates, known: model.codes)
    }
    self.model = model
    self.candidates = chosen
    var byScript: [[Int]] = [[], [], []]
    for (column, code) in model.codes.enumerated() where chosen.contains(code) {
      byScript[Int(model.scripts[column].rawValue)].append(column)
    }
    columnsByScript = byScript
  }

  /// The language of `text`: one line or block.
  ///
  /// - Parameters:
  ///   - text: the text; its offsets in ``LanguageIdentification/Part/span`` count its
  ///     Unicode scalars from 0.
  ///   - prior: what is known beforehand, e.g. the document's language; it informs short
  ///     lines.
  /// - Returns: the language, its confidence and, for a mixed line, the parts.
  public func identify(
    _ text: some StringProtocol, prior: LanguagePrior? = nil
  ) -> LanguageIdentification {
    var scan = Scan(model: model, columnsByScript: columnsByScript)
    scan.read(text)
    return scan.decide(prior: prior.map(priorScores))
  }

  /// The language of each line of one document: first every line alone, then the lines of
  /// up to ``shortLineWords`` words again with the document's languages as a prior.
  ///
  /// - Complexity: O(*n*) in the scalars of the lines.
  public func identify(lines: [some StringProtocol]) -> [LanguageIdentification] {
    var results: [LanguageIdentification] = []
    results.reserveCapacity(lines.count)
    var shortLines: [Int] = []
    for (index, line) in lines.enumerated() {
      var scan = Scan(model: model, columnsByScript: columnsByScript)
      scan.read(line)
      if scan.words.count <= Self.shortLineWords, scan.weighedLetters > 0 {
        shortLines.append(index)
      }
      results.append(scan.decide(prior: nil))
    }
    guard !shortLines.isEmpty else { return results }
    // The document's languages come from its longer lines, which decide themselves, and
    // at half weight from its confident short lines (from every line when none is either);
    // the neighbourhood's from the lines around.
    let short = Set(shortLines)
    var documentWeights = LanguagePrior(
      results: results.indices.filter { !short.contains($0) }.map { results[$0] }
    ).weights
    for index in shortLines where results[index].confidence >= 0.9 {
      for (code, weight) in LanguagePrior(results: [results[index]]).weights {
        documentWeights[code, default: 0] += weight / 2
      }
    }
    let document =
      (documentWeights.isEmpty ? LanguagePrior(results: results) : LanguagePrior(documentWeights))
      .normalized
    let firstPass = results
    for index in shortLines {
      let around = max(0, index - Self.neighbourhood)...min(lines.count - 1, index + Self.neighbourhood)
      let local = LanguagePrior(results: around.filter { $0 != index }.map { firstPass[$0] })
        .normalized
      var weights = document.weights
      for (code, weight) in local.weights {
        weights[code, default: 0] += weight
      }
      guard !weights.isEmpty else { continue }
      var scan = Scan(model: model, columnsByScript: columnsByScript)
      scan.read(lines[index])
      results[index] = scan.decide(prior: priorScores(LanguagePrior(weights)))
    }
    return results
  }

  /// A short line's neighbourhood: this many lines before and after it.
  static let neighbourhood = 3

  /// Lines of at most this many words are identified again with the document's prior.
  public static let shortLineWords = 5

  /// Log-weights per model column: the prior smoothed so that no candidate is ruled out.
  func priorScores(_ prior: LanguagePrior) -> [Double] {
    var total = 0.0
    for code in candidates { total += max(0, prior.weights[code] ?? 0) }
    let share = 1 / Double(candidates.count)
    return model.codes.map { code in
      let p = total > 0 ? max(0, prior.weights[code] ?? 0) / total : share
      return Self.priorWeight * log(0.9 * p + 0.1 * share)
    }
  }
}

/// An error in the use of ``LanguageIdentifier``: an extensible code plus the known codes.
public struct LanguageDetectionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong.
  public struct Code: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
      case unknownLanguage(String)
      case noCandidates
    }
    let kind: Kind

    /// A candidate code without identification data.
    public static func unknownLanguage(_ code: String) -> Code { Code(kind: .unknownLanguage(code)) }
    /// An empty candidate list.
    public static let noCandidates = Code(kind: .noCandidates)
  }

  public var code: Code
  /// The codes that have identification data.
  public var known: [String]

  public init(_ code: Code, known: [String]) {
    self.code = code
    self.known = known
  }

  public var description: String {
    let list = known.joined(separator: ", ")
    switch code.kind {
    case .unknownLanguage(let language):
      return "unknown language \"\(language)\" (known: \(list))"
    case .noCandidates:
      return "no candidate languages given (known: \(list))"
    }
  }
}
