import Alignment
import Cleaning
import Dates
public import Foundation
import Normalization
import Store
import TextModel

/// `verbatim process`: cleans, normalises and aligns every transcript under a directory into
/// an index (`verbatim.sqlite`) and files for downstream tools, incrementally.
///
/// A run compares each file's content hash with the index: new and changed files are
/// processed, unchanged ones are left alone, deleted ones leave the index. Links are found
/// between the new documents and every document that shares a fingerprint with them, so old
/// documents are never re-aligned against each other; the result equals a fresh run.
/// Chrome learned across the collection is part of the cleaning: when what is learned
/// changes, every document is cleaned again.
public struct CorpusProcessor: Sendable {
  /// What a run did.
  public struct Summary: Sendable {
    public var documents = 0
    public var processed = 0
    public var unchanged = 0
    public var deleted = 0
    /// Files that could not be processed, with the reason.
    public var failures: [(path: String, reason: String)] = []
    public var blocks = 0
    public var dates = 0
    public var links = 0
    public var clusters = 0
    public var bytes = 0
    public var seconds = 0.0
  }

  /// Progress of a run: files done, files to do, bytes done.
  public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ bytes: Int) -> Void

  public let root: URL
  public let output: URL
  public var minimumWords = 25
  public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)

  /// A processor of the transcripts under `root`, writing to `output`.
  public init(root: URL, output: URL) {
    self.root = root
    self.output = output
  }

  /// Runs the job.
  public func run(progress: Progress? = nil) throws -> Summary {
    let started = Date()
    var summary = Summary()
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let store = try CorpusStore(path: output.appending(path: "verbatim.sqlite").path)
    let files = try CorpusFiles.list(under: root, excluding: output)
    summary.documents = files.count
    let known = try store.documentHashes()

    // Read and decode every file, keeping its hash and size rather than its bytes: hashes
    // decide what is new, and learned chrome needs every text.
    var contents: [String: FileContents] = [:]
    let decoder = TextDecoder()
    var decoded: [String: Result<DecodedText, any Error>] = [:]
    for file in files {
      let bytes = Array((try? Data(contentsOf: root.appending(path: file))) ?? Data())
      contents[file] = FileContents(hash: CorpusFiles.hash(bytes), size: bytes.count)
      decoded[file] = bytes.isEmpty
        ? .failure(ProcessingFailure(reason: "empty file")) : Result { try decoder.decode(bytes) }
    }
    let texts = files.compactMap { try? decoded[$0]?.get().text }
    let learned = LearnedChrome(documents: texts)
    let learnedKey = learned.lines.sorted().joined(separator: "\n")
    let relearn = (try store.setting("learned_chrome")) != learnedKey

    // Deleted files leave the index.
    let current = Set(files)
    let deleted = known.filter { !current.contains($0.key) }
    try store.deleteDocuments(ids: deleted.map(\.value.id))
    for path in deleted.keys { CorpusFiles.removeOutputs(for: path, in: output) }
    summary.deleted = deleted.count

    let changed = files.filter { file in
      relearn || known[file]?.hash != contents[file]?.hash
    }
    summary.unchanged = files.count - changed.count
    let cleaner = try TranscriptCleaner()
    let aligner = try aligner()
    let match = try TextNormalizer(profile: .match)
    let dateFinder = try DateFinder()
    var newDocuments: [(row: DocumentRow, document: MatchDocument)] = []
    var processedBytes = 0
    let tools = Tools(cleaner: cleaner, aligner: aligner, match: match, dates: dateFinder, learned: learned)
    // Files are analysed in parallel, a batch at a time, and stored one by one.
    for batchStart in stride(from: 0, to: changed.count, by: Self.batchSize) {
      let batch = Array(changed[batchStart..<min(batchStart + Self.batchSize, changed.count)])
      let inputs = batch.map { file in
        (file, contents[file] ?? FileContents(hash: CorpusFiles.hash([]), size: 0), decoded[file])
      }
      let analyses = inputs.concurrentMap(jobs: jobs) { file, contents, text in
        Self.analyse(file, contents: contents, decoded: text, tools: tools)
      }
      for (offset, analysis) in analyses.enumerated() {
        processedBytes += analysis.row.size
        let id = try store.replaceDocument(
          analysis.row, blocks: analysis.blocks, dates: analysis.dateRows,
          fingerprints: analysis.fingerprints)
        if let failure = analysis.row.failure {
          summary.failures.append((analysis.row.path, failure))
        } else if let document = analysis.document, let prepared = analysis.prepared {
          var row = analysis.row
          row.id = id
          newDocuments.append((row, prepared))
          summary.processed += 1
          try CorpusFiles.writeOutputs(
            for: analysis.row.path, document: document, dates: analysis.dates, in: output)
        }
        progress?(batchStart + offset + 1, changed.count, processedBytes)
      }
    }
    summary.bytes = processedBytes

    // Links between the new documents and every document sharing a fingerprint with them.
    try linkNew(newDocuments, store: store, aligner: aligner, cleaner: cleaner, learned: learned)
    try store.setSetting("learned_chrome", learnedKey)
    try writeLinksAndClusters(store: store)
    let counts = try store.counts()
    summary.blocks = counts["block"] ?? 0
    summary.dates = counts["date"] ?? 0
    summary.links = counts["link"] ?? 0
    summary.clusters = counts["cluster"] ?? 0
    summary.seconds = Date().timeIntervalSince(started)
    return summary
  }

  /// Files analysed in parallel before they are stored.
  static let batchSize = 64

  /// What analysing a file needs; all of it is safe to share between threads.
  struct Tools: Sendable {
    var cleaner: TranscriptCleaner
    var aligner: Aligner
    var match: TextNormalizer
    var dates: DateFinder
    var learned: LearnedChrome
  }

  /// One file, analysed: its row, blocks, dates and fingerprints, or its failure.
  struct Analysis: Sendable {
    var row: DocumentRow
    var document: CleanedDocument?
    var blocks: [BlockRow] = []
    var dates: [FoundDate] = []
    var dateRows: [DateRow] = []
    var fingerprints: [(hash: UInt64, position: Int)] = []
    /// The document prepared for alignment, kept so linking does not clean it again.
    var prepared: MatchDocument?
  }

  /// Cleans, dates and fingerprints one file; any failure is recorded in the row.
  static func analyse(
    _ file: String, contents: FileContents, decoded: Result<DecodedText, any Error>?, tools: Tools
  ) -> Analysis {
    let hash = contents.hash
    func failed(_ reason: String) -> Analysis {
      Analysis(row: DocumentRow(path: file, contentHash: hash, size: contents.size, failure: reason))
    }
    let text: DecodedText
    switch decoded ?? .failure(ProcessingFailure(reason: "unreadable")) {
    case .failure(let error): return failed((error as? ProcessingFailure)?.reason ?? "\(error)")
    case .success(let value): text = value
    }
    do {
      let document = try tools.cleaner.clean(text.text, learnedChrome: tools.learned)
      let chrome = document.blocks.filter { $0.kind == .boilerplate }.map(\.span)
      let prepared = try tools.aligner.prepare([(file, text.text)], excluded: [chrome])[0]
      let blocks = try document.blocks.enumerated().map { position, block in
        BlockRow(
          documentID: 0, position: position, kind: block.kind.rawValue, start: block.span.start,
          end: block.span.end, text: block.text, matchText: try tools.match.normalize(block.text).text,
          lang: block.language, speaker: block.speaker, duplicateOf: block.duplicateOf)
      }
      // Relative dates resolve against the document's own date, when it has one.
      let found = document.date.flatMap(CalendarDay.init(iso:))
        .map { tools.dates.dates(in: text.text, relativeTo: $0) } ?? tools.dates.dates(in: text.text)
      let row = DocumentRow(
        path: file, contentHash: hash, size: contents.size, rawText: text.text,
        title: document.title, date: document.date, time: document.time, docID: document.docID,
        language: document.language, encoding: text.encoding, replacements: text.replacementCount)
      return Analysis(
        row: row, document: document, blocks: blocks, dates: found,
        dateRows: found.map {
          DateRow(
            documentID: 0, start: $0.span.start, end: $0.span.end, surface: $0.surface,
            value: $0.value, kind: $0.kind.rawValue)
        },
        fingerprints: tools.aligner.fingerprints(of: prepared), prepared: prepared)
    } catch {
      return failed("\(error)")
    }
  }

  private func aligner() throws -> Aligner {
    var options = Aligner.Options()
    options.minimumWords = minimumWords
    options.jobs = jobs
    return try Aligner(options: options)
  }

  /// Links the new documents (already prepared during analysis) to each other and to the
  /// old documents that share a fingerprint with them; only the old ones are cleaned again.
  private func linkNew(
    _ newDocuments: [(row: DocumentRow, document: MatchDocument)], store: CorpusStore,
    aligner: Aligner, cleaner: TranscriptCleaner, learned: LearnedChrome
  ) throws {
    guard !newDocuments.isEmpty else { return }
    var prepared = newDocuments
    let hashes = newDocuments.flatMap { aligner.fingerprints(of: $0.document).map(\.hash) }
    let newSet = Set(newDocuments.compactMap(\.row.id))
    // When every stored document is new (a fresh run), there is no old one to look up.
    let counts = try store.counts()
    let storedReadable = (counts["document"] ?? 0) - (counts["failed"] ?? 0)
    let oldIDs = storedReadable == newSet.count
      ? [] : try store.documents(sharingFingerprints: hashes).subtracting(newSet)
    let oldRows = try store.documents(ids: oldIDs.sorted()).filter { $0.rawText != nil }
    let oldDocuments = try oldRows.concurrentMap(jobs: jobs) { row in
      let text = row.rawText ?? ""
      let chrome = try cleaner.clean(text, learnedChrome: learned, fully: false).blocks
        .filter { $0.kind == .boilerplate }.map(\.span)
      return try aligner.prepare([(row.path, text)], excluded: [chrome])[0]
    }
    prepared.append(contentsOf: zip(oldRows, oldDocuments).map { ($0, $1) })
    // Document order by path keeps links the same as in a fresh run.
    prepared.sort { $0.row.path < $1.row.path }
    let involving = Set(prepared.indices.filter { newSet.contains(prepared[$0].row.id ?? -1) })
    let links = aligner.links(among: prepared.map(\.document), involving: involving)
    try store.insertLinks(
      links.map { link in
        LinkRow(
          aDocumentID: prepared[link.first.document].row.id ?? 0, aStart: link.first.span.start,
          aEnd: link.first.span.end, bDocumentID: prepared[link.second.document].row.id ?? 0,
          bStart: link.second.span.start, bEnd: link.second.span.end, score: link.score,
          kind: link.kind.rawValue, edits: link.edits.map(\.rawValue).joined(separator: ","))
      })
  }

  /// Rebuilds the clusters from every link, and writes `links.jsonl` and `report.html`.
  private func writeLinksAndClusters(store: CorpusStore) throws {
    // Texts are read only for the documents the links name, not for the whole index.
    var documents = try store.allDocuments(withText: false)
    let indexByID = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.id ?? 0, $0) })
    let links = try store.allLinks().compactMap { row -> PassageLink? in
      guard let a = indexByID[row.aDocumentID], let b = indexByID[row.bDocumentID] else { return nil }
      return PassageLink(
        first: Passage(document: a, span: ScalarSpan(start: row.aStart, end: row.aEnd)),
        second: Passage(document: b, span: ScalarSpan(start: row.bStart, end: row.bEnd)),
        score: row.score, kind: PassageLink.Kind(rawValue: row.kind) ?? .near,
        edits: row.edits.split(separator: ",").compactMap { PassageLink.Edit(rawValue: String($0)) })
    }.sorted { ($0.first, $0.second) < ($1.first, $1.second) }
    let clusters = PassageCluster.clusters(of: links, dates: documents.map(\.date))
    try store.replaceClusters(
      clusters.map { cluster in
        cluster.occurrences.map { (documents[$0.document].id ?? 0, $0.span.start, $0.span.end) }
      })
    try LinksFile.write(links, documents: documents.map(\.path), to: output.appending(path: "links.jsonl"))
    let linked = Set(links.flatMap { [$0.first.document, $0.second.document] })
    let texts = try store.documents(ids: linked.compactMap { documents[$0].id })
    let textByID = Dictionary(uniqueKeysWithValues: texts.map { ($0.id ?? 0, $0.rawText) })
    for index in linked { documents[index].rawText = textByID[documents[index].id ?? 0] ?? nil }
    let report = AlignmentReport(
      documents: documents.map { .init(name: $0.path, date: $0.date, text: $0.rawText ?? "") },
      links: links)
    try Data(report.html().utf8).write(to: output.appending(path: "report.html"))
  }
}

/// Why a file, or a whole run, could not be processed.
public struct ProcessingFailure: Error, CustomStringConvertible {
  public var reason: String
  public var description: String { reason }
}

/// What is kept of a file's bytes once it is decoded.
struct FileContents: Sendable {
  /// The content hash that tells a changed file.
  var hash: String
  /// The size in bytes.
  var size: Int
}
