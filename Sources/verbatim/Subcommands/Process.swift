import ArgumentParser
import Foundation
import Synchronization
import Verbatim

/// `verbatim process`: the main job.
struct ProcessCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "process",
    abstract: "Clean, normalise and link a directory of transcripts into a queryable index.",
    discussion: """
      Writes OUT/verbatim.sqlite (documents, blocks, dates, fingerprints, links, clusters), \
      OUT/docs/<path>.json and .txt for every document, and OUT/links.jsonl. Run it again \
      after adding, changing or deleting files: only those are processed, and new documents \
      are linked to the old ones. A file that cannot be read is recorded with its reason and \
      the batch goes on; the exit status is 1 when any file failed.

      Examples:
        verbatim process corpus --out out
        verbatim find "the UN Charter" --out out
      """)

  @Argument(help: "The directory of raw transcripts.")
  var directory: String

  @Option(help: "The output directory.")
  var out: String

  @Option(help: "The fewest matched words a link needs.")
  var minWords = 25

  @Option(help: "Threads to use (default: all cores).")
  var jobs: Int?

  @Flag(help: "Print nothing but errors.")
  var quiet = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
  }

  func run() throws {
    var processor = CorpusProcessor(
      root: URL(fileURLWithPath: directory), output: URL(fileURLWithPath: out))
    processor.minimumWords = minWords
    if let jobs { processor.jobs = jobs }
    let showProgress = !quiet && isatty(2) != 0
    // Rates and time left count from the start of the stage reported.
    let stageStart = Mutex((stage: CorpusProcessor.Stage.reading, date: Date()))
    let summary: CorpusProcessor.Summary
    do {
      summary = try processor.run { stage, done, total, bytes in
        guard showProgress else { return }
        let seconds = stageStart.withLock { start in
          if start.stage != stage { start = (stage, Date()) }
          return max(Date().timeIntervalSince(start.date), 0.001)
        }
        let left = done > 0 ? Int(seconds / Double(done) * Double(total - done)) : 0
        switch stage {
        case .reading:
          Diagnostics.progress("read \(done)/\(total) files")
        case .processing:
          let rate = String(format: "%.1f", Double(bytes) / 1_000_000 / seconds)
          Diagnostics.progress("processed \(done)/\(total) files, \(rate) MB/s, \(left) s left")
        case .linking:
          Diagnostics.progress("linked \(done)/\(total) candidate regions, \(left) s left")
        }
      }
    } catch {
      throw RuntimeError("\(error)")
    }
    if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    if !quiet {
      let mb = String(format: "%.1f", Double(summary.bytes) / 1_000_000)
      FileHandle.standardError.write(Data("""
        verbatim: \(summary.documents) documents (\(summary.processed) processed, \(summary.unchanged) unchanged, \
        \(summary.deleted) deleted, \(summary.failures.count) failed), \(summary.blocks) blocks, \
        \(summary.dates) dates, \(summary.links) links, \(summary.clusters) clusters; \(mb) MB in \
        \(String(format: "%.1f", summary.seconds)) s\n
        """.utf8))
      for failure in summary.failures {
        FileHandle.standardError.write(Data("verbatim: failed: \(failure.path): \(failure.reason)\n".utf8))
      }
    }
    if !summary.failures.isEmpty { throw ExitCode.failure }
  }
}
