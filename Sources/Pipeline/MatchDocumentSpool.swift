import Alignment
import Foundation
import Synchronization

/// The documents prepared for alignment during a run, kept in a scratch file rather than in
/// memory until they are linked: memory then follows the fingerprints, not the text.
/// Documents are appended one at a time and read back from any thread.
final class MatchDocumentSpool: Sendable {
  private let path: String
  private let descriptor: Int32
  /// Where each document's bytes are, by key, and where the next one goes.
  private let places = Mutex<(byKey: [Int: (offset: Int, count: Int)], end: Int)>(([:], 0))

  /// A new, empty spool at `path`, replacing any file there; removed by ``remove()``.
  init(path: String) throws {
    self.path = path
    descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw ProcessingFailure(reason: "cannot create \(path): \(String(cString: strerror(errno)))")
    }
  }

  deinit { close(descriptor) }

  /// Keeps `document` under `key`.
  func append(_ document: MatchDocument, key: Int) throws {
    let bytes = document.encoded()
    let offset = places.withLock { places in
      defer { places.end += bytes.count }
      places.byKey[key] = (places.end, bytes.count)
      return places.end
    }
    let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
    guard written == bytes.count else {
      throw ProcessingFailure(reason: "cannot write \(path): \(String(cString: strerror(errno)))")
    }
  }

  /// The document kept under `key`, named `name`.
  func document(_ key: Int, name: String) throws -> MatchDocument {
    guard let place = places.withLock({ $0.byKey[key] }) else {
      throw ProcessingFailure(reason: "no prepared document \(key) in \(path)")
    }
    var bytes = [UInt8](repeating: 0, count: place.count)
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(place.offset)) }
    guard read == place.count else {
      throw ProcessingFailure(reason: "cannot read \(path): \(String(cString: strerror(errno)))")
    }
    return MatchDocument(name: name, encoded: bytes)
  }

  /// Deletes the scratch file.
  func remove() { unlink(path) }
}
