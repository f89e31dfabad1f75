import Alignment
import Foundation
import Store
import Synchronization

/// Stores analysed files — in the index, as per-document outputs, and in the spool of
/// documents waiting to be linked — on a thread of its own, so that the next batch is
/// analysed while this one is written.
final class AnalysisRecorder: Sendable {
  /// What the recorded files add up to.
  struct Record: Sendable {
    /// The readable documents stored (with ids, without text), in the order recorded.
    var newDocuments: [DocumentRow] = []
    /// Their fingerprints; `document` is the index in `newDocuments`.
    var fingerprints: [LocatedFingerprint] = []
    var failures: [(path: String, reason: String)] = []
    var files = 0
    var bytes = 0
    /// The first error met in writing; later batches are then skipped.
    var error: (any Error)?
  }

  private let store: CorpusStore
  private let spool: MatchDocumentSpool
  private let output: URL
  private let record = Mutex(Record())
  private let queue = DispatchQueue(label: "verbatim.recorder")
  private let pending = DispatchGroup()
  /// Batches given but not yet written: at most two wait, so memory stays bounded when
  /// writing is slower than analysing.
  private let slots = DispatchSemaphore(value: 2)

  init(store: CorpusStore, spool: MatchDocumentSpool, output: URL) {
    self.store = store
    self.spool = spool
    self.output = output
  }

  /// Starts writing `analyses`, after the batches given before; `done` is called after
  /// each file with the files and bytes recorded so far.
  func record(_ analyses: [CorpusProcessor.Analysis], done: @escaping @Sendable (Int, Int) -> Void) {
    slots.wait()
    queue.async(group: pending) { [self] in
      defer { slots.signal() }
      record.withLock { record in
        guard record.error == nil else { return }
        do {
          for analysis in analyses {
            try write(analysis, into: &record)
            done(record.files, record.bytes)
          }
        } catch {
          record.error = error
        }
      }
    }
  }

  /// Waits for every batch to be written, and hands over what they add up to.
  /// - Throws: the first error met in writing.
  func finish() throws -> Record {
    pending.wait()
    let result = record.withLock { record in
      defer { record = Record() }
      return record
    }
    if let error = result.error { throw error }
    return result
  }

  private func write(_ analysis: CorpusProcessor.Analysis, into record: inout Record) throws {
    record.files += 1
    record.bytes += analysis.row.size
    let id = try store.replaceDocument(
      analysis.row, blocks: analysis.blocks, dates: analysis.dateRows,
      fingerprints: analysis.fingerprints)
    if let failure = analysis.row.failure {
      record.failures.append((analysis.row.path, failure))
    } else if let document = analysis.document, let prepared = analysis.prepared {
      var row = analysis.row
      row.id = id
      row.rawText = nil
      let index = record.newDocuments.count
      try spool.append(prepared, key: index)
      record.fingerprints += analysis.fingerprints.map {
        LocatedFingerprint(hash: $0.hash, document: Int32(index), position: Int32($0.position))
      }
      record.newDocuments.append(row)
      try CorpusFiles.writeOutputs(
        for: analysis.row.path, document: document, dates: analysis.dates, in: output)
    }
  }
}
