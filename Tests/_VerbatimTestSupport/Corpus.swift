public import Foundation

/// The repository's fixtures: the raw transcripts under `corpus/`, read byte for byte.
public enum Corpus {
  /// The repository root, found from this file's path.
  public static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // _VerbatimTestSupport
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  /// The names of the transcripts in `corpus/`, sorted, e.g. "000_09d41c77f1268bab.txt".
  public static let fileNames: [String] = {
    let directory = root.appending(path: "corpus")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted()
  }()

  /// The bytes of a corpus file.
  public static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: root.appending(path: "corpus/\(name)")))
  }

  /// The text of a corpus file (all of them are UTF-8).
  public static func text(_ name: String) throws -> String {
    String(decoding: try bytes(name), as: UTF8.self)
  }

  /// The corpus file whose name starts with `prefix`, e.g. "003".
  public static func text(startingWith prefix: String) throws -> String {
    guard let name = fileNames.first(where: { $0.hasPrefix(prefix) }) else {
      throw CocoaError(.fileNoSuchFile)
    }
    return try text(name)
  }
}
