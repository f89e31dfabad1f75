import Foundation
import Testing
import TextModel
import _VerbatimTestSupport

/// The command-line contract of DESIGN.md, checked on the built binary: stdout for text,
/// stderr for diagnostics, exit 0 / 1 (runtime error, one line) / 2 (usage error).
@Suite struct CommandLineTests {
  @Test func helpListsEverySubcommandWithADescription() throws {
    let result = try CommandRunner.run(["--help"])
    #expect(result.status == 0)
    for name in ["process", "find", "normalize", "translit", "key", "clean", "align"] {
      let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("  \(name) ") }
      #expect(line.map { $0.count > name.count + 10 } == true, "\(name) has no description")
    }
  }

  @Test func versionNamesTheToolAndICU() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(result.standardOutput.hasPrefix("verbatim "))
    #expect(result.standardOutput.contains("ICU 72"))
  }

  @Test func normalizeComposesToNFC() throws {
    let result = try CommandRunner.run(["normalize", "--form", "nfc"], input: Array("Sergei\u{301}\n".utf8))
    #expect(result.status == 0)
    #expect(result.standardOutput == "Serge\u{ED}\n")
    #expect(result.standardError.isEmpty)
  }

  @Test(arguments: Corpus.fileNames)
  func normalizeLeavesTheNFCCorpusByteForByte(name: String) throws {
    let result = try CommandRunner.run(["normalize", "--form", "nfc", "corpus/\(name)"])
    #expect(result.status == 0)
    #expect(Array(result.standardOutput.utf8) == (try Corpus.bytes(name)))
  }

  /// The display profile changes the corpus only by turning its no-break spaces into spaces.
  @Test(arguments: Corpus.fileNames)
  func displayProfileOnlyFixesSpacesInTheCorpus(name: String) throws {
    let result = try CommandRunner.run(["normalize", "corpus/\(name)"])
    #expect(result.status == 0)
    let expected = try Corpus.text(name).replacingOccurrences(of: "\u{A0}", with: " ")
    #expect(result.standardOutput == expected)
  }

  @Test func matchProfileReportsChangesWithRawSpans() throws {
    let input = "M\u{43E}scow &amp; «Лавров»\n"
    let result = try CommandRunner.run(["normalize", "--profile", "match", "--json"], input: Array(input.utf8))
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    #expect(object?["text"] as? String == "moscow & \"lavrov\" ")
    let changes = object?["changes"] as? [[String: Any]] ?? []
    let entity = changes.first { $0["kind"] as? String == "entity" }
    #expect(entity?["start"] as? Int == 7)
    #expect(entity?["end"] as? Int == 12)
    #expect(changes.contains { $0["kind"] as? String == "look_alike" && $0["start"] as? Int == 0 && $0["end"] as? Int == 6 })
  }

  @Test func unknownRepairKindIsAUsageError() throws {
    let result = try CommandRunner.run(["normalize", "--no-repair", "everything"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("look_alike"))
  }

  @Test func normalizeJSONIsOneObjectPerInput() throws {
    let result = try CommandRunner.run(
      ["normalize", "--form", "nfkc_cf", "--json"], input: Array("Straße".utf8) + [0xFF])
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.count == 1)
    let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
    #expect(object?["text"] as? String == "strasse\u{FFFD}")
    #expect(object?["replacements"] as? Int == 1)
    #expect(object?["file"] as? String == "<stdin>")
    #expect(result.standardError.contains("1 invalid UTF-8 sequence"))
  }

  @Test func translitAppliesPublishedSchemesAndICUTransforms() throws {
    let input = Array("Сергей Нарышкин\n".utf8)
    let bgn = try CommandRunner.run(["translit", "--scheme", "bgn_pcgn"], input: input)
    #expect(bgn.standardOutput == "Sergey Naryshkin\n")
    let icu = try CommandRunner.run(["translit", "--scheme", "icu:Russian-Latin/BGN"], input: input)
    #expect(icu.standardOutput == "Sergey Naryshkin\n")
    let iso = try CommandRunner.run(["translit", "--scheme", "gost_779"], input: input)
    #expect(iso.standardOutput == "Sergej Naryškin\n")
    let back = try CommandRunner.run(
      ["translit", "--scheme", "gost_779", "--reverse"], input: Array(iso.standardOutput.utf8))
    #expect(back.standardOutput == "Сергей Нарышкин\n")
  }

  @Test func translitASCIIGuaranteesASCII() throws {
    let result = try CommandRunner.run(
      ["translit", "--scheme", "gost_779", "--ascii"], input: Array("Съезд 🇷🇺\n".utf8))
    #expect(result.status == 0)
    #expect(result.standardOutput == "S\"ezd \n")
    #expect(result.standardError.contains("2 character(s) without an ASCII form removed"))
  }

  @Test func cleanJSONHasEveryFieldAndRawSpans() throws {
    let result = try CommandRunner.run(["clean", "--json", "corpus/002_50d26956223dd4d0.txt"])
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    for key in ["file", "title", "date", "time", "doc_id", "language", "blocks"] {
      #expect(object?.keys.contains(key) == true, "\(key)")
    }
    #expect(object?["doc_id"] as? String == "676-12-04-2024")
    let raw = try Corpus.text("002_50d26956223dd4d0.txt")
    let blocks = object?["blocks"] as? [[String: Any]] ?? []
    let footer = blocks.first { $0["kind"] as? String == "boilerplate" }
    let span = ScalarSpan(start: footer?["start"] as? Int ?? 0, end: footer?["end"] as? Int ?? 0)
    #expect(raw.slice(span) == "Дополнительные материалы")
  }

  @Test func cleanTextLeavesChromeOutAndKeepsSpeakers() throws {
    let result = try CommandRunner.run(["clean", "corpus/004_c41939edc97d5a2e.txt"])
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n")
    #expect(lines.contains("President of Russia Vladimir Putin: Mr Naryshkin, colleagues."))
    #expect(!lines.contains("Topics"))
    #expect(!lines.contains("Events"))
  }

  @Test func alignJSONLinksTheTelegramRepostsWithRawSpans() throws {
    let result = try CommandRunner.run(["align", "--json", "corpus/"])
    #expect(result.status == 0)
    let links = try result.standardOutput.split(separator: "\n").map {
      try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
    }
    #expect(!links.isEmpty)
    let raw = try Corpus.text("003_57a4c69d34990ac7.txt")
    for link in links {
      let a = link["a"] as? [String: Any] ?? [:]
      let b = link["b"] as? [String: Any] ?? [:]
      #expect(a["doc"] as? String == "003_57a4c69d34990ac7.txt")
      #expect(link["kind"] as? String == "exact" || link["kind"] as? String == "near")
      #expect(link.keys.contains("edits") && link.keys.contains("score"))
      if link["kind"] as? String == "exact" {
        let first = raw.slice(ScalarSpan(start: a["start"] as? Int ?? 0, end: a["end"] as? Int ?? 0))
        let second = raw.slice(ScalarSpan(start: b["start"] as? Int ?? 0, end: b["end"] as? Int ?? 0))
        #expect(first == second)
      }
    }
  }

  @Test func alignClustersNameASource() throws {
    let result = try CommandRunner.run(["align", "--clusters", "--json", "corpus/"])
    #expect(result.status == 0)
    let first = try JSONSerialization.jsonObject(with: Data((result.standardOutput.split(separator: "\n").first ?? "").utf8)) as? [String: Any]
    #expect(first?["source"] != nil)
    #expect((first?["occurrences"] as? [Any])?.count ?? 0 >= 2)
  }

  @Test func keyGivesOneKeyPerLineAligned() throws {
    let result = try CommandRunner.run(["key"], input: Array("Sergey Lavrov\n\nСергей Лавров\nIvanova\n".utf8))
    #expect(result.status == 0)
    let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 5)
    #expect(lines[0] == lines[2])
    #expect(lines[1].isEmpty)
    #expect(lines[3] != lines[0])
  }

  @Test func processThenFind() throws {
    let out = FileManager.default.temporaryDirectory.appending(path: "verbatim-out-\(UUID())")
    defer { try? FileManager.default.removeItem(at: out) }
    let result = try CommandRunner.run(["process", "corpus", "--out", out.path])
    #expect(result.status == 0)
    #expect(result.standardError.contains("5 documents (5 processed"))
    #expect(FileManager.default.fileExists(atPath: out.appending(path: "verbatim.sqlite").path))
    let found = try CommandRunner.run([
      "find", "Russia does not seek to impose anything on anyone and is ready to engage", "--out",
      out.path, "--json",
    ])
    #expect(found.status == 0)
    let hits = found.standardOutput.split(separator: "\n")
    #expect(hits.count == 2)
    #expect(hits.allSatisfy { $0.contains("\"doc\":\"003_57a4c69d34990ac7.txt\"") })
    let again = try CommandRunner.run(["process", "corpus", "--out", out.path, "--quiet"])
    #expect(again.status == 0)
    #expect(again.standardError.isEmpty)
  }

  @Test func processReportsFailedFilesAndExitsOne() throws {
    let input = FileManager.default.temporaryDirectory.appending(path: "verbatim-in-\(UUID())")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: input) }
    try Data("Statement number one was issued today in Moscow.\n".utf8).write(to: input.appending(path: "good.txt"))
    try Data().write(to: input.appending(path: "empty.txt"))
    let result = try CommandRunner.run(["process", input.path, "--out", input.appending(path: "out").path])
    #expect(result.status == 1)
    #expect(result.standardError.contains("failed: empty.txt: empty file"))
    #expect(result.standardError.contains("1 processed"))
  }

  @Test func findWithoutAnIndexIsARuntimeError() throws {
    let result = try CommandRunner.run(["find", "anything at all", "--out", "/nonexistent/out"])
    #expect(result.status == 1)
    #expect(result.standardError.contains("no index here"))
  }

  @Test func translitListNamesTheSchemes() throws {
    let result = try CommandRunner.run(["translit", "--list"])
    #expect(result.status == 0)
    for name in ["bgn_pcgn", "wikipedia", "icao_doc_9303", "gost_779", "national_2010", "icu:<id>"] {
      #expect(result.standardOutput.contains("\t\(name)\t"), "\(name)")
    }
    #expect(!result.standardOutput.contains("name_key"))
  }

  @Test(arguments: [
    (["normalize", "no/such/file.txt"], "no/such/file.txt: no such file"),
    (["normalize", "corpus"], "corpus: is a directory"),
    (["translit", "--scheme", "icu:Russian-Klingon"], "Russian-Klingon"),
    (["translit", "--scheme", "nope"], "scheme \"nope\": unknown"),
    (["normalize", "--encoding", "x-nothing"], "unknown encoding \"x-nothing\""),
  ])
  func runtimeErrorsExitOneWithOneLine(arguments: [String], message: String) throws {
    let result = try CommandRunner.run(arguments, input: Array("x".utf8))
    #expect(result.status == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError.hasPrefix("verbatim: error: "))
    #expect(result.standardError.contains(message))
    #expect(result.standardError.split(separator: "\n").count == 1)
  }

  @Test func binaryInputIsARuntimeError() throws {
    let result = try CommandRunner.run(["normalize"], input: [0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2])
    #expect(result.status == 1)
    #expect(result.standardError.contains("binary"))
  }

  @Test(arguments: [["normalize", "--form", "xyz"], ["translit"], ["frobnicate"], ["normalize", "--nope"]])
  func usageErrorsExitTwo(arguments: [String]) throws {
    let result = try CommandRunner.run(arguments)
    #expect(result.status == 2)
    #expect(!result.standardError.isEmpty)
  }

  @Test func emptyInputGivesEmptyOutput() throws {
    let result = try CommandRunner.run(["normalize"])
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
  }

  @Test func legacyInputIsDecodedAndSaidSo() throws {
    let footer = "Дополнительные материалы\nФотоальбом\nНекорректно указаны даты\nДополнительные инструменты поиска\n"
    // windows-1251 bytes of the footer, built by hand from the code page: А-я are 0xC0-0xFF.
    let bytes = footer.unicodeScalars.map { scalar -> UInt8 in
      scalar.value >= 0x410 && scalar.value <= 0x44F ? UInt8(scalar.value - 0x410 + 0xC0) : UInt8(scalar.value)
    }
    let result = try CommandRunner.run(["normalize"], input: bytes)
    #expect(result.status == 0)
    #expect(result.standardOutput == footer)
    #expect(result.standardError.contains("read as windows-1251"))
  }
}
