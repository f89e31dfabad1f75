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

/// The `--profile` values.
enum ProfileArgument: String, ExpressibleByArgument, CaseIterable {
  case display, match

  var profile: NormalizationProfile { self == .display ? .display : .match }
}

/// `verbatim normalize`: profiles for display and matching, or a bare Unicode form.
struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print the text normalised for display or for matching.",
    discussion: """
      --profile display (the default) repairs mojibake, HTML entities, control characters and \
      look-alike letters, composes to NFC, turns exotic spaces into spaces and removes \
      invisible characters. --profile match also folds case and diacritics, unifies quotes, \
      dashes and bullets, drops emoji and collapses whitespace. --form applies only a Unicode \
      normalization form. --json reports every change with its raw span (Unicode scalar \
      offsets, end-exclusive).

      Change kinds (for --no-repair): mojibake, entity, control, line_ending, space, invisible, \
      look_alike, composition, fold, diacritic, quote, dash, bullet, emoji, whitespace.

      Examples:
        verbatim normalize corpus/000_09d41c77f1268bab.txt
        echo 'Mоscow &amp; «Лавров»' | verbatim normalize --profile match --json
        verbatim normalize --form nfkc_cf notes.txt
      """)

  @Option(help: "What the text is for: display or match.")
  var profile: ProfileArgument = .display

  @Option(help: "Apply only this Unicode normalization form instead of a profile: nfc, nfd, nfkc, nfkd or nfkc_cf.")
  var form: FormArgument?

  @Option(
    name: .customLong("no-repair"),
    help: ArgumentHelp("Skip changes of this kind (repeatable).", valueName: "kind"))
  var disabledKinds: [ChangeKindArgument] = []

  @Flag(help: "Print one JSON object per input: {\"file\", \"text\", \"changes\": [{\"start\", \"end\", \"kind\"}], \"encoding\", \"replacements\"}.")
  var json = false

  @OptionGroup var input: InputOptions

  func run() throws {
    var output = StandardOutput()
    if let form {
      try runForm(form.form, output: &output)
    } else {
      let normalizer = try TextNormalizer(profile: profile.profile, disabled: Set(disabledKinds.map(\.kind)))
      for input in try input.readInputs() {
        let result = try normalizer.normalize(input.decoded.text)
        if json {
          try output.writeJSONLine(
            NormalizedRecord(
              file: input.name, text: result.text,
              changes: result.changes.map {
                .init(start: $0.span.start, end: $0.span.end, kind: $0.kind.rawValue)
              },
              encoding: input.decoded.encoding, replacements: input.decoded.replacementCount))
        } else {
          Self.write(result.text, to: &output)
        }
      }
    }
    output.flush()
  }

  /// Writes a long text in pieces of about 64 KB cut between scalars, so that no copy of
  /// the whole text is made on its way out.
  private static func write(_ text: String, to output: inout StandardOutput) {
    let utf8 = text.utf8
    var start = utf8.startIndex
    while start < utf8.endIndex {
      var end = utf8.index(start, offsetBy: 1 << 16, limitedBy: utf8.endIndex) ?? utf8.endIndex
      while end < utf8.endIndex, utf8[end] & 0xC0 == 0x80 { end = utf8.index(after: end) }
      output.write(String(text.unicodeScalars[start..<end]))
      start = end
    }
  }

  /// A bare Unicode form: UTF-8 straight through ICU in line-aligned chunks.
  private func runForm(_ form: ICU.NormalizationForm, output: inout StandardOutput) throws {
    let normalizer = try ICU.Normalizer(form)
    for input in try input.readInputs() {
      if json {
        let text = try normalizer.normalize(input.decoded.text)
        try output.writeJSONLine(
          NormalizedRecord(
            file: input.name, text: text, changes: nil, encoding: input.decoded.encoding,
            replacements: input.decoded.replacementCount))
      } else {
        var text = input.decoded.text
        try text.withUTF8 { utf8 in
          try normalizer.normalizeLines(utf8) { output.write(bytes: $0) }
        }
      }
    }
  }
}

/// A `--no-repair` value: the name of a ``ChangeKind``.
struct ChangeKindArgument: ExpressibleByArgument {
  var kind: ChangeKind

  init?(argument: String) {
    guard let kind = ChangeKind(rawValue: argument) else { return nil }
    self.kind = kind
  }

  static var allValueStrings: [String] { ChangeKind.allCases.map(\.rawValue) }
}

/// The JSON Lines record of `normalize --json`.
struct NormalizedRecord: Encodable {
  struct ChangeRecord: Encodable {
    var start: Int
    var end: Int
    var kind: String
  }

  var file: String
  var text: String
  /// The changes with raw spans; absent for a bare `--form`, which does not track them.
  var changes: [ChangeRecord]?
  var encoding: String
  var replacements: Int
}
