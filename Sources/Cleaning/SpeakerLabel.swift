import Locales

/// Finds the speaker label that opens a turn: "Question:", "Вопрос:", "Pergunta:",
/// "Sergey Lavrov:", "President of Russia Vladimir Putin:".
///
/// A label is a locale's speaker word (`speakers.txt`), or a name: up to eight words before
/// the first colon, at least two of them capitalised, the rest short connectors ("of",
/// "the", "de", "da"), no sentence punctuation. "Their goal is clear: …" and
/// "Key talking points:" are not labels.
struct SpeakerLabel: Sendable {
  private let labelWords: Set<String>
  private static let connectors: Set<String> = [
    "of", "the", "and", "for", "de", "da", "do", "dos", "das", "e", "и", "по", "de la",
  ]

  init(locales: LocaleLibrary) throws {
    var words: Set<String> = []
    for language in locales.languages where locales.files["\(language)/speakers.txt"] != nil {
      let table = try locales.table("speakers", language: language)
      for key in ["question", "answer", "moderator"] {
        words.formUnion(table[key] ?? [])
      }
    }
    labelWords = words
  }

  /// The label and the number of scalars it and its colon (and the spaces after it) take,
  /// or `nil` when the line does not open with a label.
  func split(_ line: String) -> (speaker: String, length: Int)? {
    let scalars = Array(line.unicodeScalars)
    guard let colon = scalars.prefix(80).firstIndex(of: ":"), colon > 0 else { return nil }
    var labelView = String.UnicodeScalarView()
    labelView.append(contentsOf: scalars[..<colon])
    let label = String(labelView).trimmingSpaces
    guard isLabel(label) else { return nil }
    var length = colon + 1
    while length < scalars.count, scalars[length].properties.isWhitespace { length += 1 }
    return (label, length)
  }

  private func isLabel(_ label: String) -> Bool {
    if labelWords.contains(label.lowercased()) { return true }
    let words = label.split(separator: " ")
    guard (2...8).contains(words.count),
      !label.contains(where: { ".!?;,\"“”«»()".contains($0) })
    else { return false }
    var capitalised = 0
    for word in words {
      if let first = word.first, first.isUppercase {
        capitalised += 1
      } else if !Self.connectors.contains(word.lowercased()) {
        return false
      }
    }
    return capitalised >= 2 && words.first?.first?.isUppercase == true
  }
}

extension String {
  /// The string without leading and trailing whitespace.
  var trimmingSpaces: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
