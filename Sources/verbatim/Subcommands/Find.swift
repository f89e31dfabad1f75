import ArgumentParser
import Foundation
import Verbatim

/// `verbatim find`: where else was this said?
struct Find: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Find every place in an index where a text, or a near copy of it, appears.",
    discussion: """
      Prints each place as path:start-end (raw Unicode scalar offsets), the document's date, \
      and the passage in context. --json prints {"doc", "date", "start", "end", "text", \
      "before", "after", "score", "kind"} per place.

      Examples:
        verbatim find "Russia does not seek to impose anything on anyone" --out out
        verbatim find "$(cat statement.txt)" --db out/verbatim.sqlite --json
      """)

  @Argument(help: "The text to look for (at least eight words).")
  var text: String

  @Option(help: "The index file.")
  var db: String?

  @Option(help: "The output directory of `verbatim process` (uses OUT/verbatim.sqlite).")
  var out: String?

  @Option(help: "The fewest matched words a place needs (default: three quarters of the text's words).")
  var minWords: Int?

  @Flag(help: "Print JSON Lines.")
  var json = false

  func validate() throws {
    if (db == nil) == (out == nil) { throw ValidationError("Give either --db FILE or --out DIR.") }
  }

  func run() throws {
    let path = db ?? URL(fileURLWithPath: out ?? "").appending(path: "verbatim.sqlite").path
    guard FileManager.default.fileExists(atPath: path) else {
      throw RuntimeError("\(path): no index here; run `verbatim process DIR --out OUT` first")
    }
    var search = PassageSearch(store: try CorpusStore(path: path))
    search.minimumWords = minWords
    var output = StandardOutput()
    for hit in try search.hits(for: text) {
      if json {
        try output.writeJSONLine(
          HitRecord(
            doc: hit.path, date: hit.date, start: hit.span.start, end: hit.span.end, text: hit.passage,
            before: hit.before, after: hit.after, score: (hit.score * 1000).rounded() / 1000, kind: hit.kind))
      } else {
        let context = "…\(hit.before)[\(hit.passage)]\(hit.after)…".replacingOccurrences(of: "\n", with: " ")
        output.write("\(hit.path):\(hit.span.start)-\(hit.span.end)\t\(hit.date ?? "-")\t\(hit.kind)\t\(context)\n")
      }
    }
    output.flush()
  }
}

struct HitRecord: Encodable {
  var doc: String
  var date: String?
  var start: Int
  var end: Int
  var text: String
  var before: String
  var after: String
  var score: Double
  var kind: String
}
