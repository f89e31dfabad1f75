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
    let skipped = excluding.map { $0.standardizedFileURL.path + "/" }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw ProcessingFailure(reason: "\(root.path): no such directory") }
    guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
      throw ProcessingFailure(reason: "\(root.path): cannot read the directory")
    }
    var files: [String] = []
    for case let relative as String in enumerator {
      if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
      var isSubdirectory: ObjCBool = false
      let full = root.appending(path: relative).standardizedFileURL.path
      if let skipped, (full + "/").hasPrefix(skipped) || full.hasPrefix(skipped) { continue }
      if relative.hasSuffix(".txt"),
        FileManager.default.fileExists(atPath: full, isDirectory: &isSubdirectory),
        !isSubdirectory.boolValue
      {
        files.append(relative)
      }
    }
    return files.sorted()
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
