import Foundation
import LanguageDetection
import Testing
import _VerbatimTestSupport

/// One hand-labelled line of `labelled_lines.tsv` or `corpus_labels.tsv`.
struct LabelledLine: CustomTestStringConvertible, Sendable {
  var label: String
  var text: String
  var origin: String

  var testDescription: String { "\(origin) \(label): \(text)" }

  /// Lines of one to three words (tokens with letters).
  var isShort: Bool {
    text.split(whereSeparator: \.isWhitespace)
      .filter { $0.unicodeScalars.contains { $0.properties.isAlphabetic } }.count <= 3
  }

  static let folder = Corpus.root.appending(path: "Tests/LanguageDetectionTests")

  /// `labelled_lines.tsv`: `label<TAB>line`, `#` comments.
  static let all: [LabelledLine] = {
    let url = folder.appending(path: "labelled_lines.tsv")
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    var lines: [LabelledLine] = []
    for (number, row) in text.split(separator: "\n").enumerated() where !row.hasPrefix("#") {
      let fields = row.split(separator: "\t", maxSplits: 1)
      guard fields.count == 2 else { continue }
      lines.append(
        LabelledLine(
          label: String(fields[0]), text: String(fields[1]),
          origin: "labelled_lines.tsv:\(number + 1)"))
    }
    return lines
  }()
}

/// The label of a result, in the files' notation: a code, or `mixed:ru,pt`.
func label(of result: LanguageIdentification) -> String {
  guard result.language == LanguageIdentification.mixed else { return result.language }
  return "mixed:" + result.parts.map(\.language).joined(separator: ",")
}

@Suite struct LabelledLinesTests {
  static let identifier = try! LanguageIdentifier()

  @Test func thereAreEnoughLabelledLines() {
    let lines = LabelledLine.all
    #expect(lines.count >= 300)
    #expect(lines.filter(\.isShort).count * 3 >= lines.count)
    let labels = Set(lines.map { $0.label.split(separator: ":").first.map(String.init) ?? "" })
    for code in ["en", "ru", "pt", "uk", "be", "kk", "es", "fr", "de", "und", "mixed"] {
      #expect(labels.contains(code), "no line labelled \(code)")
    }
  }

  /// Accuracy on every line and on short lines, each line alone (no document prior).
  @Test func accuracyIsAboveTheFloor() {
    var right = 0
    var shortRight = 0
    var shortCount = 0
    var misses: [String] = []
    for line in LabelledLine.all {
      let found = label(of: Self.identifier.identify(line.text))
      let ok = found == line.label
      if ok { right += 1 }
      if line.isShort {
        shortCount += 1
        if ok { shortRight += 1 }
      }
      if !ok { misses.append("  expected \(line.label), found \(found): \(line.text)") }
    }
    let total = LabelledLine.all.count
    let overall = Double(right) / Double(total)
    let short = Double(shortRight) / Double(shortCount)
    print(
      "language identification: \(right)/\(total) = \(percent(overall)) overall, "
        + "\(shortRight)/\(shortCount) = \(percent(short)) on lines of 1-3 words")
    if !misses.isEmpty { print(misses.joined(separator: "\n")) }
    #expect(overall >= 0.95)
    #expect(short >= 0.90)
  }

  private func percent(_ value: Double) -> String {
    String(format: "%.1f%%", value * 100)
  }
}
