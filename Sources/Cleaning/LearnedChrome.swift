import Normalization

/// Site chrome learned from a collection: short lines that recur across many of its
/// documents ("Read in full", a site's menu) are chrome even when no phrase list names them.
///
/// A line is learned when it has at most ten words, does not end a sentence, and occurs in
/// at least three documents and at least a fifth of them. Body text that repeats a common
/// phrase inside a longer line is not affected: only whole lines are compared.
public struct LearnedChrome: Sendable {
  /// The learned lines, folded (lowercase, spaces collapsed).
  public private(set) var lines: Set<String>

  /// Learns from the raw texts of a collection.
  public init(documents: [String]) {
    var documentFrequency: [String: Int] = [:]
    for document in documents {
      var seen: Set<String> = []
      for line in SourceLine.lines(of: document)
      where line.wordCount <= 10 && line.wordCount > 0 && !line.endsSentence {
        seen.insert(PhrasePattern.folded(line.text))
      }
      for line in seen { documentFrequency[line, default: 0] += 1 }
    }
    let minimum = max(3, (documents.count + 4) / 5)
    lines = Set(documentFrequency.filter { $0.value >= minimum }.keys)
  }

  /// Whether `line` is learned chrome.
  public func contains(_ line: String) -> Bool {
    lines.contains(PhrasePattern.folded(line))
  }
}
