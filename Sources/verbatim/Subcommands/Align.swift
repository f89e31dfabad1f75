import ArgumentParser
import Foundation
import Verbatim

/// `verbatim align`: link the same statement wherever it appears.
struct Align: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Link passages that repeat within and across documents, with raw spans.",
    discussion: """
      Reads files and directories (recursively). Prints one link per line: both passages \
      as doc:start-end (raw Unicode scalar offsets, end-exclusive), the kind (exact, near), \
      the score and the edits. --json prints {"a": {"doc", "start", "end"}, "b": {...}, \
      "score", "kind", "edits"} per link; with --clusters, one {"cluster", "source", \
      "occurrences"} per group of passages, the earliest document (by its own date) first. \
      Site chrome found by the cleaner never seeds a link.

      Examples:
        verbatim align corpus/
        verbatim align --json --min-words 40 a.txt b.txt
        verbatim align --clusters --json corpus/
        verbatim align --html report.html corpus/
      """)

  @Argument(help: "Files or directories of raw transcripts.")
  var paths: [String]

  @Option(help: "The fewest matched words a link needs.")
  var minWords = 25

  @Option(help: "Threads to use (default: all cores).")
  var jobs: Int?

  @Flag(help: "Print groups of passages instead of pairs.")
  var clusters = false

  @Flag(help: "Print JSON Lines.")
  var json = false

  @Option(help: ArgumentHelp("Also write a self-contained HTML report of the clusters and links.", valueName: "file"))
  var html: String?

  @Option(help: ArgumentHelp("Read every input in this charset instead of detecting it.", valueName: "charset"))
  var encoding: String?

  func validate() throws {
    if paths.isEmpty { throw ValidationError("Give at least one file or directory.") }
    if minWords < 5 { throw ValidationError("--min-words must be at least 5.") }
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
  }

  func run() throws {
    let started = Date()
    // Which step a long run is at, on a terminal.
    let showProgress = isatty(2) != 0
    func step(_ message: String) {
      if showProgress { Diagnostics.progress("verbatim align: \(message)") }
    }
    step("reading")
    var options = Aligner.Options()
    options.minimumWords = minWords
    if let jobs { options.jobs = jobs }
    let documents = try DocumentSet.read(paths, encoding: encoding, jobs: options.jobs)
    step("cleaning \(documents.count) documents")
    let cleaner = try TranscriptCleaner()
    let learned = documents.count > 1
      ? LearnedChrome(documents: documents.map(\.text), jobs: options.jobs) : nil
    let cleaned = documents.concurrentMap(jobs: options.jobs) { document in
      cleaner.chromeAndDate(of: document.text, learnedChrome: learned)
    }
    let chrome = cleaned.map(\.chrome)
    let dates = cleaned.map(\.date)
    let aligner = try Aligner(options: options)
    step("preparing \(documents.count) documents for matching")
    let prepared = try aligner.prepare(documents.map { ($0.name, $0.text) }, excluded: chrome)
    step("linking")
    let links = aligner.links(among: prepared)
    if showProgress {
      let seconds = Date().timeIntervalSince(started)
      step("\(documents.count) documents, \(links.count) links in \(String(format: "%.1f", seconds)) s")
      FileHandle.standardError.write(Data("\n".utf8))
    }
    if let html {
      let report = AlignmentReport(
        documents: documents.enumerated().map { .init(name: $1.name, date: dates[$0], text: $1.text) },
        links: links)
      do {
        try Data(report.html().utf8).write(to: URL(fileURLWithPath: html))
      } catch {
        throw RuntimeError("\(html): cannot write the report (\(error.localizedDescription))")
      }
    }
    var output = StandardOutput()
    if clusters {
      for (number, cluster) in PassageCluster.clusters(of: links, dates: dates).enumerated() {
        let occurrences = cluster.occurrences.map { passage in
          PassageRecord(documents[passage.document].name, passage, date: dates[passage.document])
        }
        if json {
          try output.writeJSONLine(ClusterRecord(cluster: number + 1, source: occurrences[0], occurrences: occurrences))
        } else {
          output.write("cluster \(number + 1): " + occurrences.map(\.label).joined(separator: "  ") + "\n")
        }
      }
    } else {
      for link in links {
        let a = PassageRecord(documents[link.first.document].name, link.first, date: nil)
        let b = PassageRecord(documents[link.second.document].name, link.second, date: nil)
        let score = (link.score * 1000).rounded() / 1000
        if json {
          try output.writeJSONLine(
            LinkRecord(a: a, b: b, score: score, kind: link.kind.rawValue, edits: link.edits.map(\.rawValue)))
        } else {
          let edits = link.edits.isEmpty ? "" : "\t" + link.edits.map(\.rawValue).joined(separator: ",")
          output.write("\(a.label)\t\(b.label)\t\(link.kind.rawValue)\t\(score)\(edits)\n")
        }
      }
    }
    output.flush()
  }
}

/// Documents read for a command that works on a collection.
enum DocumentSet {
  /// The documents under `paths`: a file is named as given, a file inside a directory by
  /// its path relative to that directory.
  static func read(_ paths: [String], encoding: String?, jobs: Int) throws -> [(name: String, text: String)] {
    let decoder = TextDecoder(forcedEncoding: encoding)
    var files: [(name: String, path: String)] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw RuntimeError("\(path): no such file or directory")
      }
      for file in isDirectory.boolValue ? try InputOptions.expand(path) : [path] {
        files.append((isDirectory.boolValue ? String(file.dropFirst(path.count).drop { $0 == "/" }) : file, file))
      }
    }
    let inputs = try files.concurrentMap(jobs: jobs) { file in
      try Input(name: file.name, bytes: try InputOptions.readFile(file.path), decoder: decoder, reporting: false)
    }
    // In file order, whichever thread read them.
    for input in inputs { input.reportDecoding() }
    return inputs.map { ($0.name, $0.decoded.text) }
  }
}

struct PassageRecord: Encodable {
  var doc: String
  var start: Int
  var end: Int
  var date: String?

  init(_ doc: String, _ passage: Passage, date: String?) {
    self.doc = doc
    start = passage.span.start
    end = passage.span.end
    self.date = date
  }

  var label: String { "\(doc):\(start)-\(end)" }
}

struct LinkRecord: Encodable {
  var a: PassageRecord
  var b: PassageRecord
  var score: Double
  var kind: String
  var edits: [String]
}

struct ClusterRecord: Encodable {
  var cluster: Int
  var source: PassageRecord
  var occurrences: [PassageRecord]
}
