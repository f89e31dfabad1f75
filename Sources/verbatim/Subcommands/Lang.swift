import ArgumentParser
import Verbatim

/// `verbatim lang`: the language of every input line.
struct Lang: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the language of every input line (ISO 639-1, und, or mixed).",
    discussion: """
      One code per input line, so the output lines align with the input lines: an ISO 639-1 \
      code (en, ru, pt, uk, be, kk, es, fr, de), "und" when a line has no language (empty, a \
      time, a number, emoji) or it cannot be decided, "mixed" when a line mixes languages. \
      Each file is one document: its longer lines inform its short ones.

      --json prints one object per line: {"text", "lang", "confidence"}, plus "parts" for a \
      mixed line, each {"start", "end", "lang", "confidence"} with Unicode scalar offsets \
      into the file (end-exclusive).

      Examples:
        echo '1 из 1 fotos do álbum' | verbatim lang --json
        verbatim lang --langs en,ru,pt corpus/*.txt
      """)

  @Option(
    help: ArgumentHelp(
      "The candidate languages, comma-separated (default: every known language).",
      valueName: "codes"))
  var langs: String?

  @Flag(help: "Print JSON Lines: {\"text\", \"lang\", \"confidence\", \"parts\"} per line.")
  var json = false

  @Flag(
    help: ArgumentHelp(
      "Identify every line alone, without the rest of its file as context.",
      discussion: "By default a file is one document: the languages of its longer lines and of a short line's neighbours inform short lines."))
  var noContext = false

  @OptionGroup var input: InputOptions

  /// The codes given with `--langs`, lowercased; `nil` for every known language.
  private var candidates: [String]? {
    langs.map {
      $0.split(separator: ",").map { String($0.trimmingSpaces).lowercased() }.filter { !$0.isEmpty }
    }
  }

  func validate() throws {
    guard let candidates else { return }
    let known = LanguageIdentifier.availableLanguages()
    if candidates.isEmpty {
      throw ValidationError("--langs needs at least one code (known: \(known.joined(separator: ", "))).")
    }
    for code in candidates where !known.contains(code) {
      throw ValidationError(
        "--langs: unknown language \"\(code)\" (known: \(known.joined(separator: ", "))).")
    }
  }

  func run() throws {
    let identifier: LanguageIdentifier
    do {
      identifier = try LanguageIdentifier(locales: .standard, candidates: candidates)
    } catch {
      throw RuntimeError("\(error)")
    }
    var output = StandardOutput()
    for input in try input.readInputs() {
      // Split on line feeds in UTF-8 (fast); a line feed is always a line boundary.
      let text = input.decoded.text
      var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
        Substring($0)
      }
      if lines.last?.isEmpty == true { lines.removeLast() }
      let texts = lines.map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
      let results =
        noContext ? texts.map { identifier.identify($0) } : identifier.identify(lines: texts)
      var lineStart = 0
      for (index, result) in results.enumerated() {
        if json {
          try output.writeJSONLine(LineRecord(text: texts[index], result: result, offset: lineStart))
        } else {
          output.write(result.language)
          output.write("\n")
        }
        lineStart += lines[index].unicodeScalars.count + 1
      }
    }
    output.flush()
  }
}

/// One line of `verbatim lang --json`.
private struct LineRecord: Encodable {
  struct Part: Encodable {
    var start: Int
    var end: Int
    var lang: String
    var confidence: Double
  }

  var text: String
  var lang: String
  var confidence: Double
  var parts: [Part]?

  init(text: Substring, result: LanguageIdentification, offset: Int) {
    self.text = String(text)
    lang = result.language
    confidence = Self.rounded(result.confidence)
    parts =
      result.parts.isEmpty
      ? nil
      : result.parts.map {
        Part(
          start: offset + $0.span.start, end: offset + $0.span.end, lang: $0.language,
          confidence: Self.rounded($0.confidence))
      }
  }

  static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

extension StringProtocol {
  fileprivate var trimmingSpaces: Substring {
    let scalars = self[...]
    guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return Substring(scalars[first...last])
  }
}
