import ArgumentParser
import Verbatim

/// `verbatim translit`: Cyrillic transliteration in published schemes.
struct Translit: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Transliterate text with a published scheme or any ICU transform.",
    discussion: """
      Schemes are rule files under locales/<language>/translit/; --list prints them. Any ICU \
      transform works as icu:<id>, e.g. icu:Russian-Latin/BGN or icu:Any-Latin.

      Examples:
        echo 'Сергей Нарышкин' | verbatim translit --scheme icu:Russian-Latin/BGN
        echo 'Съезд Нарышкина' | verbatim translit --scheme gost_779 --ascii
        verbatim translit --list
      """)

  @Option(help: ArgumentHelp("The scheme to apply.", valueName: "name"))
  var scheme: String?

  @Flag(
    help: ArgumentHelp(
      "Read romanised text back into Cyrillic.",
      discussion: "Exact for the reversible schemes (gost_779, gost_16876); the most likely spelling for the others."))
  var reverse = false

  @Flag(help: "Guarantee ASCII output: fold what the scheme leaves (diacritics, ʹ, «) to ASCII and remove what has no ASCII form, counting it on standard error.")
  var ascii = false

  @Flag(help: "Print the known schemes (language, name, description), and exit.")
  var list = false

  @OptionGroup var input: InputOptions

  func validate() throws {
    if !list && scheme == nil {
      throw ValidationError("Missing --scheme <name> (or --list to see the schemes).")
    }
  }

  func run() throws {
    let catalog: SchemeCatalog
    do { catalog = try SchemeCatalog(locales: .standard) } catch { throw RuntimeError("\(error)") }
    var output = StandardOutput()
    if list {
      for scheme in catalog.schemes where !scheme.isInternal {
        output.write("\(scheme.language ?? "")\t\(scheme.name)\t\(scheme.summary)\n")
      }
      output.write("\ticu:<id>\tany ICU transform by id, e.g. icu:Russian-Latin/BGN\n")
      output.flush()
      return
    }
    let transliterator: SchemeTransliterator
    do {
      transliterator = try catalog.transliterator(
        for: scheme ?? "", direction: reverse ? .reverse : .forward)
    } catch {
      throw RuntimeError("\(error)")
    }
    let folder = ascii ? try ASCIIFolder() : nil
    for input in try input.readInputs() {
      guard let folder else {
        output.write(bytes: try transliterator.transliterateUTF8(input.decoded.text))
        continue
      }
      let folded = try folder.fold(try transliterator.transliterate(input.decoded.text))
      output.write(folded.text)
      if folded.removedCount > 0 {
        Diagnostics.note("\(input.name): \(folded.removedCount) character(s) without an ASCII form removed")
      }
    }
    output.flush()
  }
}
