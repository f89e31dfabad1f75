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
      ? LearnedChrome(documents: inputs.map(\.decoded.text)) : nil
    var output = StandardOutput()
    for (number, input) in inputs.enumerated() {
      if inputs.count > 20, isatty(2) != 0 {
        Diagnostics.progress("cleaned \(number) of \(inputs.count) documents")
      }
      let document = try cleaner.clean(input.decoded.text, learnedChrome: learned)
      if json {
        try output.writeJSONLine(CleanedRecord(file: input.name, document: document))
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

/// The JSON Lines record of `clean --json`.
struct CleanedRecord: Encodable {
  struct BlockRecord: Encodable {
    var kind: String
    var text: String
    var start: Int
    var end: Int
    var lang: String?
    var speaker: String?
    var bullet: String?
    var duplicate_of: Int?

    func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(kind, forKey: .kind)
      try container.encode(text, forKey: .text)
      try container.encode(start, forKey: .start)
      try container.encode(end, forKey: .end)
      try container.encode(lang, forKey: .lang)
      try container.encode(speaker, forKey: .speaker)
      try container.encodeIfPresent(bullet, forKey: .bullet)
      try container.encodeIfPresent(duplicate_of, forKey: .duplicate_of)
    }

    enum CodingKeys: String, CodingKey {
      case kind, text, start, end, lang, speaker, bullet, duplicate_of
    }
  }

  var file: String
  var title: String?
  var date: String?
  var time: String?
  var doc_id: String?
  var language: String?
  var blocks: [BlockRecord]

  init(file: String, document: CleanedDocument) {
    self.file = file
    title = document.title
    date = document.date
    time = document.time
    doc_id = document.docID
    language = document.language
    blocks = document.blocks.map { block in
      BlockRecord(
        kind: block.kind.rawValue, text: block.text, start: block.span.start, end: block.span.end,
        lang: block.language, speaker: block.speaker, bullet: block.bullet,
        duplicate_of: block.duplicateOf)
    }
  }

  func encode(to encoder: any Encoder) throws {
    // Absent fields are written as null, never left out: scripts rely on the keys.
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(file, forKey: .file)
    try container.encode(title, forKey: .title)
    try container.encode(date, forKey: .date)
    try container.encode(time, forKey: .time)
    try container.encode(doc_id, forKey: .doc_id)
    try container.encode(language, forKey: .language)
    try container.encode(blocks, forKey: .blocks)
  }

  enum CodingKeys: String, CodingKey { case file, title, date, time, doc_id, language, blocks }
}
