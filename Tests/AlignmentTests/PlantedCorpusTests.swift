import Alignment
import Foundation
import Testing
import TextModel
import _VerbatimTestSupport

/// A generated collection: passages of corpus sentences planted in pairs of documents with
/// one kind of edit each, amid filler sentences used once, plus template pairs with
/// different facts. The truth is known, so precision, recall and boundary error are measured.
@Suite struct PlantedCorpusTests {
  struct Planted {
    var first: Int
    var second: Int
    var firstSpan: ScalarSpan
    var secondSpan: ScalarSpan
  }

  /// The corpus's distinct sentences of 8 to 40 words, in a fixed shuffled order.
  static func sentences() throws -> [String] {
    var seen: Set<String> = []
    var result: [String] = []
    for name in Corpus.fileNames {
      for paragraph in try Corpus.text(name).split(separator: "\n") {
        for sentence in paragraph.split(separator: ". ") {
          var text = sentence.trimmingCharacters(in: .whitespaces)
          if !text.hasSuffix(".") { text += "." }
          let words = text.split(separator: " ").count
          guard (8...40).contains(words), text.first?.isUppercase == true,
            !text.contains("#"), seen.insert(text.lowercased()).inserted
          else { continue }
          result.append(text)
        }
      }
    }
    var generator = SplitMix(seed: 7)
    for index in result.indices.reversed() {
      result.swapAt(index, Int(generator.next() % UInt64(index + 1)))
    }
    return result
  }

  /// The edited copy of `passage` (sentences) for case `kind`.
  static func edited(_ passage: [String], kind: Int) -> String {
    var sentences = passage
    switch kind % 6 {
    case 1: return "🔹 " + sentences.joined(separator: " ")
    case 2:
      // A hashtag inserted before the fourth word of the second sentence.
      var words = sentences[1].split(separator: " ").map(String.init)
      words.insert("#CIS", at: min(3, words.count))
      sentences[1] = words.joined(separator: " ")
    case 3: return sentences.joined(separator: " ").replacingOccurrences(of: "’", with: "'")
      .replacingOccurrences(of: "“", with: "\"").replacingOccurrences(of: "”", with: "\"")
    case 4: return sentences.joined(separator: "\n")
    case 5: sentences.remove(at: 1)
    default: break
    }
    return sentences.joined(separator: " ")
  }

  @Test func precisionRecallAndBoundaries() throws {
    let pool = try Self.sentences()
    var cursor = 0
    func take(_ count: Int) -> [String] {
      defer { cursor += count }
      return Array(pool[cursor..<min(cursor + count, pool.count)])
    }
    var documents: [(name: String, text: String)] = []
    var truth: [Planted] = []
    let cases = 24
    for index in 0..<cases {
      let passage = take(3)
      let original = passage.joined(separator: " ")
      let copy = Self.edited(passage, kind: index)
      let firstHead = take(1)[0] + "\n"
      // Every other copy starts mid-paragraph, after other text on its line.
      let secondHead = take(1)[0] + (index % 2 == 0 ? "\n" : " ")
      let first = firstHead + original + "\n" + take(1)[0] + "\n"
      let second = secondHead + copy + "\n" + take(1)[0] + "\n"
      documents += [("a\(index)", first), ("b\(index)", second)]
      // The copy's span: from its first word (an emoji bullet is not part of it) to its end.
      let copyStart = copy.hasPrefix("🔹 ") ? 2 : 0
      truth.append(
        Planted(
          first: 2 * index, second: 2 * index + 1,
          firstSpan: ScalarSpan(start: firstHead.unicodeScalars.count, end: firstHead.unicodeScalars.count + original.unicodeScalars.count),
          secondSpan: ScalarSpan(
            start: secondHead.unicodeScalars.count + copyStart,
            end: secondHead.unicodeScalars.count + copy.unicodeScalars.count)))
    }
    // Hard negatives: one template, different dates and places.
    let template = """
      On %@, in %@, Secretary of the Security Council will chair the annual International \
      Meeting of High Representatives for Security Issues. Invitations to participate in this \
      forum have been extended to more than %@ states of the Global South and East.
      """
    for (index, facts) in [("May 27-29, 2025", "Moscow", "150"), ("June 3-4, 2024", "Minsk", "120"), ("April 2-3, 2023", "Astana", "90")].enumerated() {
      documents.append(("t\(index)", String(format: template, facts.0, facts.1, facts.2)))
    }
    let aligner = try Aligner()
    let links = aligner.links(among: try aligner.prepare(documents))

    var matched = 0
    var errors: [Int] = []
    for planted in truth {
      guard
        let link = links.first(where: {
          $0.first.document == planted.first && $0.second.document == planted.second
            && $0.first.span.overlaps(planted.firstSpan) && $0.second.span.overlaps(planted.secondSpan)
        })
      else { continue }
      matched += 1
      errors += [
        abs(link.first.span.start - planted.firstSpan.start), abs(link.first.span.end - planted.firstSpan.end),
        abs(link.second.span.start - planted.secondSpan.start), abs(link.second.span.end - planted.secondSpan.end),
      ]
    }
    let recall = Double(matched) / Double(truth.count)
    let precision = links.isEmpty ? 1 : Double(matched) / Double(links.count)
    errors.sort()
    let median = errors.isEmpty ? Int.max : errors[errors.count / 2]
    print("planted copies: precision \(precision), recall \(recall), median boundary error \(median), links \(links.count)")
    #expect(recall >= 0.95)
    #expect(precision >= 0.95)
    #expect(median <= 3)
    #expect(!links.contains { documents[$0.first.document].name.hasPrefix("t") })
  }
}
