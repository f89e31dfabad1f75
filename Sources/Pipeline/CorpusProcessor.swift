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

  /// What a run is doing: reading every file (hashes, learned chrome), processing the new
  /// and changed ones, or linking them.
  public enum Stage: String, Sendable {
    case reading, processing, linking
  }

  /// Progress of a run: the stage, items done of items to do (files; candidate regions when
  /// linking), and bytes done.
  public typealias Progress = @Sendable (_ stage: Stage, _ done: Int, _ total: Int, _ bytes: Int) -> Void

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
  ///
  /// Memory follows the fingerprints, not the text: files are read twice (once to learn
  /// the collection's chrome and tell what changed, once to process what did), and the
  /// documents prepared for alignment wait in a scratch file until they are linked.
  public func run(progress: Progress? = nil) throws -> Summary {
    let started = Date()
    var summary = Summary()
    try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
    let store = try CorpusStore(path: output.appending(path: "verbatim.sqlite").path)
    let files = try CorpusFiles.list(under: root, excluding: output)
    summary.documents = files.count
    let known = try store.documentHashes()
    let (hashes, learned) = survey(files, progress: progress)
    let learnedKey = learned.lines.sorted().joined(separator: "\n")
    let relearn = (try store.setting("learned_chrome")) != learnedKey

    // Deleted files leave the index.
    let current = Set(files)
    let deleted = known.filter { !current.contains($0.key) }
    try store.deleteDocuments(ids: deleted.map(\.value.id))
    for path in deleted.keys { CorpusFiles.removeOutputs(for: path, in: output) }
    summary.deleted = deleted.count

    // Documents stored by an interrupted run were never linked: they are processed again.
    let unfinished = try store.unfinishedPaths()
    let changed = files.filter { file in
      relearn || known[file]?.hash != hashes[file] || unfinished.contains(file)
    }
    summary.unchanged = files.count - changed.count
    let aligner = try aligner()
    let tools = Tools(
      cleaner: try TranscriptCleaner(), aligner: aligner, match: try TextNormalizer(profile: .match),
      dates: try DateFinder(), learned: learned)
    let spool = try MatchDocumentSpool(path: output.appending(path: "match-documents.tmp").path)
    defer { spool.remove() }
    try store.startRun()
    let recorder = AnalysisRecorder(store: store, spool: spool, output: output)
    // Files are read and analysed in parallel, a batch at a time, while the batch before is
    // written. When the run at least doubles the index, the fingerprints are loaded in bulk.
    let analyseAll = {
      for batchStart in stride(from: 0, to: changed.count, by: Self.batchSize) {
        let batch = Array(changed[batchStart..<min(batchStart + Self.batchSize, changed.count)])
        let analyses = batch.concurrentMap(jobs: jobs) { file in
          let (contents, decoded) = Self.read(file, under: root)
          return Self.analyse(file, contents: contents, decoded: decoded, tools: tools)
        }
        recorder.record(analyses) { files, bytes in progress?(.processing, files, changed.count, bytes) }
      }
      return try recorder.finish()
    }
    var recorded = try changed.count >= known.count - deleted.count
      ? store.loadingInBulk(analyseAll) : analyseAll()
    // Handed over rather than copied: linking sorts them in place.
    let fingerprints = recorded.fingerprints
    recorded.fingerprints = []
    summary.processed = recorded.newDocuments.count
    summary.failures = recorded.failures
    summary.bytes = recorded.bytes

    // Links between the new documents and every document sharing a fingerprint with them.
    try NewDocumentLinker(
      store: store, aligner: aligner, tools: tools, spool: spool, jobs: jobs, progress: progress
    ).link(recorded.newDocuments, fingerprints: fingerprints)
    try store.setSetting("learned_chrome", learnedKey)
    try store.finishRun()
    try writeLinksAndClusters(store: store)
    let counts = try store.counts()
    summary.blocks = counts["block"] ?? 0
    summary.dates = counts["date"] ?? 0
    summary.links = counts["link"] ?? 0
    summary.clusters = counts["cluster"] ?? 0
    summary.seconds = Date().timeIntervalSince(started)
    return summary
  }

  /// Reads every file once, in parallel batches: its content hash, and the lines that
  /// chrome is learned from. No text is kept.
  private func survey(_ files: [String], progress: Progress?) -> (hashes: [String: String], learned: LearnedChrome) {
    var hashes: [String: String] = [:]
    var learner = LearnedChrome.Learner()
    var bytes = 0
    for batchStart in stride(from: 0, to: files.count, by: Self.batchSize * 4) {
      let batch = Array(files[batchStart..<min(batchStart + Self.batchSize * 4, files.count)])
      let surveyed = batch.concurrentMap(jobs: jobs) { file in
        let (contents, decoded) = Self.read(file, under: root)
        return (contents, (try? decoded.get()).map { LearnedChrome.Learner.candidateLines(of: $0.text) })
      }
      for (file, (contents, lines)) in zip(batch, surveyed) {
        hashes[file] = contents.hash
        bytes += contents.size
        if let lines { learner.add(lines) }
      }
      progress?(.reading, batchStart + batch.count, files.count, bytes)
    }
    return (hashes, learner.learned)
  }

  /// A file's hash and size, and its decoded text or why there is none.
  static func read(_ file: String, under root: URL) -> (FileContents, Result<DecodedText, any Error>) {
    let bytes: [UInt8]
    do {
      bytes = Array(try Data(contentsOf: root.appending(path: file)))
    } catch {
      let reason = "unreadable: \((error as NSError).localizedFailureReason ?? error.localizedDescription)"
      return (FileContents(hash: "unreadable", size: 0), .failure(ProcessingFailure(reason: reason)))
    }
    let contents = FileContents(hash: CorpusFiles.hash(bytes), size: bytes.count)
    guard !bytes.isEmpty else { return (contents, .failure(ProcessingFailure(reason: "empty file"))) }
    return (contents, Result { try TextDecoder().decode(bytes) })
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
    _ file: String, contents: FileContents, decoded: Result<DecodedText, any Error>, tools: Tools
  ) -> Analysis {
    let hash = contents.hash
    func failed(_ reason: String) -> Analysis {
      Analysis(row: DocumentRow(path: file, contentHash: hash, size: contents.size, failure: reason))
    }
    let text: DecodedText
    switch decoded {
    case .failure(let error): return failed((error as? ProcessingFailure)?.reason ?? "\(error)")
    case .success(let value): text = value
    }
    do {
      let document = try tools.cleaner.clean(text.text, learnedChrome: tools.learned)
      let prepared = try tools.aligner.prepare(name: file, text: text.text, excluded: document.chromeSpans)
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

  /// Rebuilds the clusters from every link, and writes `links.jsonl` and `report.html`.
  private func writeLinksAndClusters(store: CorpusStore) throws {
    // Texts are read only for the documents the links name, not for the whole index.
    let documents = try store.allDocuments(withText: false)
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
    var report = AlignmentReport(
      documents: documents.map { .init(name: $0.path, date: $0.date, text: "") }, links: links)
    let quoted = report.quotedDocuments
    let texts = try store.documents(ids: quoted.compactMap { documents[$0].id })
    let textByID = Dictionary(uniqueKeysWithValues: texts.map { ($0.id ?? 0, $0.rawText ?? "") })
    for index in quoted { report.documents[index].text = textByID[documents[index].id ?? 0] ?? "" }
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
