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
    longest = lines.map { Self.nonSpaceCount($0) }.max() ?? 0
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
