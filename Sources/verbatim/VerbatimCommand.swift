import ArgumentParser
import Verbatim

/// The `verbatim` command: clean, normalise, transliterate, date and align multilingual
/// transcripts.
struct VerbatimCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verbatim",
    abstract: "Clean, normalise, transliterate, date and link multilingual transcripts.",
    discussion: """
      Every subcommand reads the files given, or standard input when none is given. Text goes \
      to standard output, diagnostics to standard error. Exit status: 0 success, 1 runtime \
      error, 2 usage error. Offsets in JSON output are Unicode scalar offsets into the raw \
      text (Python str indices).
      """,
    version: "verbatim \(VerbatimVersion.current) (ICU \(ICU.version))",
    subcommands: [
      ProcessCommand.self, Find.self, Normalize.self, Translit.self, Key.self, Dates.self,
      Lang.self, Clean.self, Align.self,
    ]
  )
}

/// The release version of the tool.
enum VerbatimVersion {
  static let current = "0.1.0"
}
