import Alignment
import Foundation
import Pipeline
import Store
import Testing

@Suite struct PassageSearchTests {
  /// A statement repeated in 12 documents of an index of 600 is no stock phrase there
  /// (the cut is 2 % of the index, 12 documents): `find` reports every copy, judging the
  /// cut by the index, not by the 13 texts it reads for the query.
  @Test func aStatementInTwelveOfSixHundredDocumentsIsFoundInAllTwelve() throws {
    let path = FileManager.default.temporaryDirectory.appending(path: "verbatim-\(UUID()).sqlite").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let store = try CorpusStore(path: path)
    let statement = """
      The ministers agreed to extend the grain corridor for another season and to open two \
      new crossings for humanitarian convoys before the first snow falls in the northern \
      districts of the region.
      """
    let aligner = try Aligner()
    for number in 0..<600 {
      let text = number < 12
        ? "Bulletin \(number) of the press service.\n\(statement)\nEnd of bulletin \(number)."
        : "Bulletin \(number): weather report number \(number), nothing else happened today."
      let prepared = try aligner.prepare([("doc\(number).txt", text)])[0]
      _ = try store.replaceDocument(
        DocumentRow(path: String(format: "doc%03d.txt", number), contentHash: "\(number)", size: text.utf8.count, rawText: text),
        blocks: [], dates: [], fingerprints: aligner.fingerprints(of: prepared))
    }
    let hits = try PassageSearch(store: store).hits(for: statement)
    #expect(hits.map(\.path) == (0..<12).map { String(format: "doc%03d.txt", $0) })
    #expect(hits.allSatisfy { $0.passage == statement })
  }
}
