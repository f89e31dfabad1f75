import ArgumentParser
import Verbatim

/// `verbatim key`: one matching key per line, the same for every spelling of a name.
struct Key: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print one matching key per line: every spelling of a name gives the same key.",
    discussion: """
      Sergey, Sergei, Sergej, Serguei and Сергей all give "sergei"; Ivanov and Ivanova, \
      Alexander and Alexandra keep different keys. Cyrillic is read as Russian, Ukrainian or \
      Belarusian by its letters; a Ukrainian-derived spelling (Kyiv, Київ) and a \
      Russian-derived one (Kiev, Киев) share a key only with --cross-language. One name per \
      line; word order and initials are not matched. An empty line gives an empty line, so \
      the output lines align with the input lines.

      Examples:
        printf 'Sergey Lavrov\\nСергей Лавров\\nSerguei Lavrov\\n' | verbatim key
        echo 'Київ' | verbatim key --cross-language
        verbatim key --json names.txt
      """)

  @Flag(
    help: ArgumentHelp(
      "Also unify Ukrainian- and Belarusian-derived spellings with Russian-derived ones.",
      discussion: "Kyiv and Kiev, Kharkiv and Kharkov, Serhiy and Sergey share a key."))
  var crossLanguage = false

  @Flag(help: "Print one JSON object per input line: {\"text\", \"key\"}.")
  var json = false

  @OptionGroup var input: InputOptions

  /// One line of `--json` output.
  struct KeyRecord: Encodable {
    var text: String
    var key: String
  }

  func run() throws {
    let generator: NameKeyGenerator
    do {
      generator = try NameKeyGenerator(locales: .standard, crossLanguage: crossLanguage)
    } catch {
      throw RuntimeError("\(error)")
    }
    var output = StandardOutput()
    for input in try input.readInputs() {
      var lines = input.decoded.text.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
      if lines.last?.isEmpty == true { lines.removeLast() }
      for line in lines {
        let key = try generator.key(for: line)
        if json {
          try output.writeJSONLine(KeyRecord(text: String(line), key: key))
        } else {
          output.write(key)
          output.write("\n")
        }
      }
    }
    output.flush()
  }
}
