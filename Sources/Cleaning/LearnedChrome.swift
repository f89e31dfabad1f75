import Normalization
import TextModel

/// Site chrome learned from a collection: short lines that recur across many of its
/// documents ("Read in full", a site's menu) are chrome even when no phrase list names them.
///
/// A line is learned when it has at most ten words, does not end a sentence, and occurs in
/// at least three documents and at least a fifth of them. Body text that repeats a common
/// phrase inside a longer line is not affected: only whole lines are compared.
public struct LearnedChrome: Sendable {
  /// The learned lines, folded (lowercase, spaces collapsed).
  public private(set) var lines: Set<String>
  /// The most non-space scalars a learned line has: a longer line is not looked up.
  private var longest = 0

  /// Learns from the raw texts of a collection, reading them on `jobs` threads.
  public init(documents: [String], jobs: Int = 1) {
    var learner = Learner()
    for lines in documents.concurrentMap(jobs: jobs, Learner.candidateLines) { learner.add(lines) }
    self = learner.learned
  }

  private init(lines: Set<String>) {
    self.lines = lines
    longest = lines.map { Self.nonSpaceCount($0) }.max() ?? 0
  }

  /// Learns a collection one document at a time, so that its texts need not be held
  /// together: ``candidateLines(of:)`` of each document (in parallel if need be), then
  /// ``add(_:)``, then ``learned``.
  public struct Learner: Sendable {
    private var documentFrequency: [String: Int] = [:]
    private var documents = 0

    public init() {}

    /// The distinct lines of `document` that could be chrome, folded.
    public static func candidateLines(of document: String) -> Set<String> {
      var seen: Set<String> = []
      for line in SourceLine.shortLines(of: document, maximumWords: 10)
      where line.wordCount > 0 && !SourceLine.endsSentence(line.text) {
        seen.insert(PhrasePattern.folded(line.text))
      }
      return seen
    }

    /// Counts one document's candidate lines.
    public mutating func add(_ candidateLines: Set<String>) {
      documents += 1
      for line in candidateLines { documentFrequency[line, default: 0] += 1 }
    }

    /// The chrome learned from the documents added.
    public var learned: LearnedChrome {
      let minimum = max(3, (documents + 4) / 5)
      return LearnedChrome(lines: Set(documentFrequency.filter { $0.value >= minimum }.keys))
    }
  }

  /// Whether `line` is learned chrome.
  public func contains(_ line: String) -> Bool {
    // Folding never removes a letter (lowercasing may add one), so a line with more
    // non-space scalars than every learned line cannot be one.
    guard !lines.isEmpty, Self.nonSpaceCount(line, upTo: longest + 1) <= longest else { return false }
    return lines.contains(PhrasePattern.folded(line))
  }

  /// The non-space scalars of `text`, counted up to `limit`.
  private static func nonSpaceCount(_ text: String, upTo limit: Int = .max) -> Int {
    var count = 0
    for scalar in text.unicodeScalars where !scalar.isSpaceScalar {
      count += 1
      if count >= limit { break }
    }
    return count
  }
}
