import Cleaning
import Dates
public import Foundation
import Alignment
import TextModel

/// The files of a corpus directory and the per-document outputs of a run.
public enum CorpusFiles {
  /// The paths of the transcripts (`.txt` files) under `root`, relative to it, sorted;
  /// hidden files and folders, and the folder `excluding` (a run's own output), are skipped.
  public static func list(under root: URL, excluding: URL? = nil) throws -> [String] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw ProcessingFailure(reason: "\(root.path): no such directory") }
    var files: [String] = []
    try collect(
      under: root.standardizedFileURL.path, relative: "", skipping: excluding?.standardizedFileURL.path,
      into: &files)
    return files.sorted()
  }

  /// Appends to `files` the transcripts under the directory `path` (which is `relative`
  /// under the root), read with `readdir`: a large corpus is listed in a fraction of the
  /// time a `FileManager` enumerator takes. Symbolic links to files count as files; links
  /// to directories are not followed.
  private static func collect(
    under path: String, relative: String, skipping skipped: String?, into files: inout [String]
  ) throws {
    guard let directory = opendir(path) else {
      throw ProcessingFailure(reason: "\(path): cannot read the directory")
    }
    defer { closedir(directory) }
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      guard !name.hasPrefix(".") else { continue }  // hidden, and "." and ".."
      let full = path == "/" ? "/" + name : path + "/" + name
      if let skipped, full == skipped || full.hasPrefix(skipped + "/") { continue }
      let path = relative.isEmpty ? name : relative + "/" + name
      switch entry.pointee.d_type {
      case UInt8(DT_DIR):
        try collect(under: full, relative: path, skipping: skipped, into: &files)
      case UInt8(DT_REG):
        if name.hasSuffix(".txt") { files.append(path) }
      default:  // a link, or a file system that does not say: ask
        var status = stat()
        if lstat(full, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
          try collect(under: full, relative: path, skipping: skipped, into: &files)
        } else if name.hasSuffix(".txt"), stat(full, &status) == 0, status.st_mode & S_IFMT == S_IFREG {
          files.append(path)
        }
      }
    }
  }

  /// A 64-bit FNV-1a hash of the bytes and their count, as hex: enough to tell a changed
  /// file from an unchanged one.
  static func hash(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return String(hash, radix: 16) + "-" + String(bytes.count)
  }

  /// Writes `docs/<path>.json` (the cleaned structure) and `docs/<path>.txt` (the cleaned
  /// body, one block per line, speaker prefixes kept).
  static func writeOutputs(
    for path: String, document: CleanedDocument, dates: [FoundDate], in output: URL
  ) throws {
    let json = output.appending(path: "docs/\(path).json")
    try FileManager.default.createDirectory(
      at: json.deletingLastPathComponent(), withIntermediateDirectories: true)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    try encoder.encode(DocumentRecord(file: path, document: document, dates: dates)).write(to: json)
    let body = document.blocks.filter { $0.kind.isBody }.map { block in
      (block.speaker.map { "\($0): " } ?? "") + block.text + "\n"
    }.joined()
    try Data(body.utf8).write(to: output.appending(path: "docs/\(path).txt"))
  }

  static func removeOutputs(for path: String, in output: URL) {
    for suffix in [".json", ".txt"] {
      try? FileManager.default.removeItem(at: output.appending(path: "docs/\(path)\(suffix)"))
    }
  }
}

/// `links.jsonl`: the `align --json` objects of every link in the index.
enum LinksFile {
  static func write(_ links: [Alignment.PassageLink], documents: [String], to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var data = Data()
    for link in links {
      let object = LinkJSON(
        a: .init(doc: documents[link.first.document], start: link.first.span.start, end: link.first.span.end),
        b: .init(doc: documents[link.second.document], start: link.second.span.start, end: link.second.span.end),
        score: (link.score * 1000).rounded() / 1000, kind: link.kind.rawValue,
        edits: link.edits.map(\.rawValue))
      data.append(try encoder.encode(object))
      data.append(0x0A)
    }
    try data.write(to: url)
  }
}

/// The JSON object of one link, as `align --json` prints it.
public struct LinkJSON: Encodable, Sendable {
  public struct PassageJSON: Encodable, Sendable {
    public var doc: String
    public var start: Int
    public var end: Int
  }

  public var a: PassageJSON
  public var b: PassageJSON
  public var score: Double
  public var kind: String
  public var edits: [String]
}
