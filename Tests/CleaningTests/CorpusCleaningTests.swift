import Cleaning
import Testing
import TextModel
import _VerbatimTestSupport

/// The cleaner on every corpus file, against what a careful reader sees in it (read by
/// hand; line numbers are the raw files' 1-based lines).
@Suite struct CorpusCleaningTests {
  static let cleaner = Result { try TranscriptCleaner() }

  func clean(_ prefix: String) throws -> (raw: String, document: CleanedDocument) {
    let raw = try Corpus.text(startingWith: prefix)
    return (raw, try Self.cleaner.get().clean(raw))
  }

  func blocks(_ document: CleanedDocument, _ kind: BlockKind, in raw: String) -> [String] {
    document.blocks.filter { $0.kind == kind }.map { raw.slice($0.span) ?? "" }
  }

  @Test func mfaSpeechPage() throws {
    let (raw, document) = try clean("000")
    #expect(document.title == "Foreign Minister Sergey Lavrov’s speech at a meeting of heads of security agencies and intelligence services of the CIS member states, Moscow, September 30, 2022")
    #expect(document.time == "13:56")
    #expect(document.docID == "2016-30-09-2022")
    #expect(document.date == "2022-09-30")
    #expect(document.language == "en")
    // The footer is Portuguese chrome with a Russian fragment.
    let footer = document.blocks.filter { $0.kind == .boilerplate }
    #expect(footer.first?.language == "pt")
    #expect(footer.first { $0.text == "1 из 1 fotos do álbum" }?.language == "mixed")
    #expect(blocks(document, .metadata, in: raw) == ["13:56", "2016-30-09-2022"])
    #expect(blocks(document, .boilerplate, in: raw) == [
      "Para obter mais materiais", "• Fotos", "Galeria de fotos", "1 из 1 fotos do álbum",
      "Corretamente as datas especiais", "Ferramentas adicionais de pesquisa",
    ])
    // "Colleagues," is said twice in the speech: not a duplicate.
    #expect(document.blocks.allSatisfy { $0.kind != .duplicate })
  }

  @Test func blogRepostWithDatePrefixAndTurns() throws {
    let (raw, document) = try clean("001")
    #expect(document.date == "2024-06-21")
    #expect(document.title == nil)
    #expect(document.time == nil)
    #expect(document.docID == nil)
    #expect(blocks(document, .metadata, in: raw) == ["date 2024-06-21"])
    let turns = document.blocks.filter { $0.kind == .turn }
    #expect(turns.map(\.speaker) == Array(repeating: ["Question", "Sergey Lavrov"], count: 5).flatMap { $0 })
    #expect(turns.first?.text.hasPrefix("What is the important vector of cooperation") == true)
    // The first paragraph starts after the date prefix, on the same raw line.
    let first = document.blocks.first { $0.kind == .paragraph }
    #expect(first.flatMap { raw.slice($0.span) }?.hasPrefix("Lavrov has a dour look") == true)
  }

  @Test func mfaPressConferenceWithRussianFooter() throws {
    let (raw, document) = try clean("002")
    #expect(document.title?.hasPrefix("Foreign Minister Sergey Lavrov and CIS Secretary-General Sergey Lebedev") == true)
    #expect(document.title?.hasSuffix("Minsk, April 12, 2024") == true)
    #expect(document.time == "15:38")
    #expect(document.docID == "676-12-04-2024")
    #expect(document.date == "2024-04-12")
    #expect(document.language == "en")
    #expect(document.blocks.first { $0.text == "Дополнительные материалы" }?.language == "ru")
    #expect(blocks(document, .boilerplate, in: raw) == [
      "Дополнительные материалы", "• Фото", "Фотоальбом", "1 из 1 фотографий в альбоме",
      "Некорректно указаны даты", "Дополнительные инструменты поиска", "Международная безопасность",
    ])
    let turns = document.blocks.filter { $0.kind == .turn }
    #expect(turns.map(\.speaker) == Array(repeating: ["Question", "Sergey Lavrov"], count: 5).flatMap { $0 })
    // Lavrov's answer goes on over several paragraphs (raw lines 35, 41–47…).
    let continuation = document.blocks.first { raw.slice($0.span)?.hasPrefix("Nearly every CIS member country") == true }
    #expect(continuation?.kind == .paragraph)
    #expect(continuation?.speaker == "Sergey Lavrov")
  }

  @Test func telegramDumpWrappersAndReposts() throws {
    let (raw, document) = try clean("003")
    #expect(document.title == "FM Sergey Lavrov’s remarks and answers to media questions during a news conference to sum up his visit to the Republic of Uzbekistan")
    #expect(document.date == "2023-04-14")
    #expect(document.time == nil)
    #expect(document.docID == nil)
    // The dateline "📍 Samarkand, April 14, 2023" is metadata, and so is its re-post.
    #expect(blocks(document, .metadata, in: raw) == ["📍 Samarkand, April 14, 2023", "📍 Samarkand, April 14, 2023"])
    let chrome = blocks(document, .boilerplate, in: raw)
    #expect(chrome.filter { $0 == "Forwarded from Russian MFA 🇷🇺" }.count == 4)
    #expect(chrome.filter { $0 == "Read in full" }.count == 4)
    #expect(chrome.filter { $0 == "#Announcement" }.count == 2)
    // Raw lines 12-17 repeat lines 4-9; 57-65 repeat 46-54 (after "Key talking points:").
    let lines = raw.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let lineStarts = lines.reduce(into: [0]) { starts, line in
      starts.append(starts[starts.count - 1] + line.unicodeScalars.count + 1)
    }
    func block(atLine number: Int) -> Block? {
      document.blocks.first { $0.span.start == lineStarts[number - 1] }
    }
    for (repeat_, original) in Array(zip(12...17, 4...9)) + Array(zip(56...65, 45...54)) {
      let duplicate = block(atLine: repeat_)
      #expect(duplicate?.kind == .duplicate, "line \(repeat_)")
      let target = duplicate?.duplicateOf.map { document.blocks[$0] }
      #expect(target?.span.start == lineStarts[original - 1], "line \(repeat_)")
    }
    // Near repeats: "ℹ️" swapped for "🚩", the final period dropped.
    #expect(block(atLine: 37)?.kind == .duplicate)
    #expect(block(atLine: 35)?.kind == .duplicate)
    #expect(block(atLine: 36)?.kind == .listItem)
    #expect(block(atLine: 36)?.bullet == "🗓")
  }

  @Test func kremlinPageJoinsTheBrokenLine() throws {
    let (raw, document) = try clean("004")
    #expect(document.title == "Meeting with the heads of security agencies and intelligence services of the CIS countries")
    #expect(document.time == "17:35")
    #expect(document.date == "2022-09-29")
    #expect(document.docID == nil)
    #expect(blocks(document, .metadata, in: raw) == ["September 29, 2022", "17:35"])
    let turn = document.blocks.first { $0.kind == .turn }
    #expect(turn?.speaker == "President of Russia Vladimir Putin")
    #expect(turn?.text == "Mr Naryshkin, colleagues.")
    #expect(turn.flatMap { raw.slice($0.span) } == "President of Russia Vladimir Putin: Mr Naryshkin\n, colleagues.")
    #expect(blocks(document, .boilerplate, in: raw) == [
      "Events", "2 of 3", "Topics", "CIS", "Fight against terrorism", "Foreign policy",
      "National security", "Persons", "Naryshkin Sergei", "Publication status",
      "Published in sections: News, Transcripts", "Publication date: September 29, 2022, 17:35",
      "Text version",
    ])
    #expect(document.blocks.last { $0.kind == .paragraph }?.text == "Thank you for your attention.")
    #expect(document.blocks.last { $0.kind == .paragraph }?.speaker == "President of Russia Vladimir Putin")
  }

  /// Nothing is lost: the blocks' spans are disjoint, in order, and cover every non-space
  /// scalar of the raw text.
  @Test(arguments: Corpus.fileNames)
  func blocksCoverEveryLineExactlyOnce(name: String) throws {
    let raw = try Corpus.text(name)
    let document = try Self.cleaner.get().clean(raw)
    let spans = document.blocks.map(\.span)
    #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.end <= $1.start })
    let scalars = Array(raw.unicodeScalars)
    var covered = [Bool](repeating: false, count: scalars.count)
    for span in spans { for offset in span.start..<span.end { covered[offset] = true } }
    let uncovered = scalars.indices.filter { !covered[$0] && !scalars[$0].properties.isWhitespace }
    #expect(uncovered.isEmpty, "first uncovered offset: \(uncovered.first ?? -1)")
  }
}

@Suite struct CleaningRulesTests {
  let cleaner = Result { try TranscriptCleaner() }

  @Test func hardWrappedLinesMerge() throws {
    let raw = "The meeting was held in a business-like\natmosphere, which is the way it should be.\nNext paragraph here."
    let document = try cleaner.get().clean(raw)
    let paragraphs = document.blocks.filter { $0.kind == .paragraph }
    #expect(paragraphs.map(\.text) == [
      "The meeting was held in a business-like atmosphere, which is the way it should be.",
      "Next paragraph here.",
    ])
    #expect(paragraphs.first?.span == ScalarSpan(start: 0, end: 82))
  }

  @Test func speakerLabelsInThreeLanguages() throws {
    let raw = "Вопрос: Что дальше?\nСергей Лавров: Посмотрим.\nPergunta: E agora?\nTheir goal is clear: to fragment the region.\nKey talking points:"
    let document = try cleaner.get().clean(raw)
    #expect(document.blocks.map(\.speaker) == ["Вопрос", "Сергей Лавров", "Pergunta", "Pergunta", nil])
    #expect(document.blocks.map(\.kind) == [.turn, .turn, .turn, .paragraph, .heading])
  }

  @Test func learnedChromeRecursAcrossDocuments() {
    let documents = (1...5).map { "Home | News | Contacts\nStatement number \($0) was issued today.\nSubscribe to our channel" }
    let learned = LearnedChrome(documents: documents)
    #expect(learned.contains("Subscribe to our channel"))
    #expect(learned.contains("home | news | contacts"))
    #expect(!learned.contains("Statement number 1 was issued today."))
  }
}
