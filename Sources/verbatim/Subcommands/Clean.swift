import ArgumentParser
import Foundation
import Verbatim

/// `verbatim clean`: raw transcript → structure.
struct Clean: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Clean raw transcripts: title, date, speakers, body; chrome and repeats marked.",
    discussion: """
      Text mode prints the body of each document normalised for display, one block per \
      line, speaker prefixes kept, chrome and duplicates left out. --json prints one object \
      per document: {"file", "title", "date", "time", "doc_id", "language", "blocks": \
      [{"kind", "text", "start", "end", "lang", "speaker", "bullet", "duplicate_of"}]}, with \
      raw Unicode scalar offsets. Directories are read recursively; over several documents, \
      short lines that recur in many of them are learned as chrome (--no-learn-chrome to \
      switch off).

      Examples:
        verbatim clean corpus/004_c41939edc97d5a2e.txt
        verbatim clean --json corpus/ | jq '.blocks[] | select(.kind == "turn") | .speaker'
      """)

  @Flag(inversion: .prefixedNo, help: "Learn chrome from lines that recur across the documents given (default: on for several documents).")
  var learnChrome = true

  @Flag(help: "Print one JSON object per document.")
  var json = false

  @OptionGroup var input: InputOptions

  func run() throws {
    let inputs = try input.readInputs(expandingDirectories: true)
    let cleaner = try TranscriptCleaner()
    let learned = learnChrome && inputs.count > 1
      ? LearnedChrome(documents: inputs.map(\.decoded.text), jobs: ProcessInfo.processInfo.activeProcessorCount)
      : nil
    var output = StandardOutput()
    for (number, input) in inputs.enumerated() {
      if inputs.count > 20, isatty(2) != 0 {
        Diagnostics.progress("cleaned \(number) of \(inputs.count) documents")
      }
      let document = try cleaner.clean(input.decoded.text, learnedChrome: learned)
      if json {
        try output.writeJSONLine(DocumentRecord(file: input.name, document: document))
      } else {
        for block in document.blocks where block.kind.isBody {
          let prefix = block.speaker.map { "\($0): " } ?? ""
          let bullet = block.bullet.map { "\($0) " } ?? ""
          output.write(prefix + bullet + block.text + "\n")
        }
      }
    }
    output.flush()
  }
}
