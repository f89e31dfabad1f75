import Foundation
import Pipeline
import Testing

/// Which files of a directory tree are a corpus's transcripts.
@Suite struct CorpusFilesTests {
  @Test func listsTheTranscriptsOfATreeSortedAndSkipsHiddenAndExcludedOnes() throws {
    let root = FileManager.default.temporaryDirectory.appending(path: "verbatim-list-\(UUID())")
    defer { try? FileManager.default.removeItem(at: root) }
    let files = [
      "b.txt", "a.txt", "notes.md", ".hidden.txt", "2022/09/30.txt", "2022/readme", ".cache/c.txt",
      "out/docs/x.txt", "Ünïcode folder/é.txt",
    ]
    for file in files {
      let url = root.appending(path: file)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data("text".utf8).write(to: url)
    }
    // A link to a transcript counts; a link to a directory is not followed.
    try FileManager.default.createSymbolicLink(
      atPath: root.appending(path: "linked.txt").path, withDestinationPath: root.appending(path: "a.txt").path)
    try FileManager.default.createSymbolicLink(
      atPath: root.appending(path: "linked-folder").path, withDestinationPath: root.appending(path: "2022").path)
    // A directory named like a transcript is not one.
    try FileManager.default.createDirectory(at: root.appending(path: "folder.txt"), withIntermediateDirectories: true)

    #expect(
      try CorpusFiles.list(under: root, excluding: root.appending(path: "out"))
        == ["2022/09/30.txt", "a.txt", "b.txt", "linked.txt", "Ünïcode folder/é.txt"])
    #expect(try CorpusFiles.list(under: root).contains("out/docs/x.txt"))
    #expect(throws: (any Error).self) { try CorpusFiles.list(under: root.appending(path: "missing")) }
  }
}
