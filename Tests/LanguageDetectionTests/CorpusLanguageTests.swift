import Foundation
import LanguageDetection
import Testing
import TextModel
import _VerbatimTestSupport

/// Every line of every corpus transcript, identified as a document (`identify(lines:)`),
/// must get exactly its hand label from `corpus_labels.tsv` (unlisted non-blank lines are
/// English; blank lines are und).
@Suite struct CorpusLanguageTests {
  static let identifier = try! LanguageIdentifier()

  /// "000:52" → label.
  static let labels: [String: String] = {
    let url = LabelledLine.folder.appending(path: "corpus_labels.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    var labels: [String: String] = [:]
    for row in text.split(separator: "\n") where !row.hasPrefix("#") {
      let fields = row.split(separator: "\t")
      if fields.count == 2 { labels[String(fields[0])] = String(fields[1]) }
    }
    return labels
  }()

  @Test func labelsWereRead() {
    #expect(Self.labels.count >= 15)
    #expect(Corpus.fileNames.count >= 5)
  }

  @Test(arguments: Corpus.fileNames)
  func everyLineGetsItsLabel(file: String) throws {
    let text = try Corpus.text(file)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let results = Self.identifier.identify(lines: lines)
    let prefix = String(file.prefix(3))
    for (index, line) in lines.enumerated() {
      let blank = line.allSatisfy(\.isWhitespace)
      let expected = Self.labels["\(prefix):\(index + 1)"] ?? (blank ? "und" : "en")
      #expect(
        label(of: results[index]) == expected,
        "\(file):\(index + 1): \(line) (confidence \(results[index].confidence))")
    }
  }

  /// The mixed footer line of 000: the parts point at "из" and "fotos do álbum".
  @Test func theMixedFooterLineHasItsParts() throws {
    let line = "1 из 1 fotos do álbum"
    let result = Self.identifier.identify(line)
    #expect(result.language == "mixed")
    #expect(result.parts.map(\.language) == ["ru", "pt"])
    #expect(result.parts.map { line.slice($0.span) } == ["из", "fotos do álbum"])
  }
}
