import ArgumentParser
import Verbatim

/// The `--form` values, spelled as users type them.
enum FormArgument: String, ExpressibleByArgument, CaseIterable {
  case nfc, nfd, nfkc, nfkd
  case nfkcCasefold = "nfkc_cf"

  var form: ICU.NormalizationForm {
    switch self {
    case .nfc: .nfc
    case .nfd: .nfd
    case .nfkc: .nfkc
    case .nfkd: .nfkd
    case .nfkcCasefold: .nfkcCasefold
    }
  }
}

/// `verbatim normalize`: Unicode normalisation.
struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the text in a Unicode normalization form.",
    discussion: """
      Examples:
        verbatim normalize --form nfc corpus/000_09d41c77f1268bab.txt
        printf 'e\\u0301' | verbatim normalize --form nfkc_cf --json
      """)

  @Option(help: "The normalization form: nfc, nfd, nfkc, nfkd or nfkc_cf (NFKC_Casefold).")
  var form: FormArgument = .nfc

  @Flag(help: "Print one JSON object per input: {\"file\", \"text\", \"encoding\", \"replacements\"}.")
  var json = false

  @OptionGroup var input: InputOptions

  func run() throws {
    let normalizer = try Self.normalizer(for: form.form)
    var output = StandardOutput()
    for input in try input.readInputs() {
      if json {
        try output.writeJSONLine(
          NormalizedRecord(
            file: input.name, text: try normalizer.normalize(input.decoded.text),
            encoding: input.decoded.encoding, replacements: input.decoded.replacementCount))
      } else {
        var text = input.decoded.text
        try text.withUTF8 { utf8 in
          try normalizer.normalizeLines(utf8) { output.write(bytes: $0) }
        }
      }
    }
    output.flush()
  }

  static func normalizer(for form: ICU.NormalizationForm) throws -> ICU.Normalizer {
    do { return try ICU.Normalizer(form) } catch { throw RuntimeError("\(error)") }
  }
}

/// The JSON Lines record of `normalize --json`.
struct NormalizedRecord: Encodable {
  var file: String
  var text: String
  var encoding: String
  var replacements: Int
}
